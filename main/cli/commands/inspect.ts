// `reswire inspect FILE`: shapes, params, MACs and errors of a graph, as a table or JSON.
import { inferGraph } from '../../../shared/graph/infer';
import { type Command, UsageError } from '../command';
import { readGraphFile } from '../graph-file';
import { inspectJson, inspectText } from '../report';

const help = `Usage: reswire inspect FILE [--json] [--inner]

Checks a graph file: infers every layer's output shape, counts parameters and
multiply-accumulates (MACs), and lists every error with the fix ResWire suggests.

Options:
  --json     print {"valid", "totals": {"params", "trainableParams", "macs"},
             "nodes": [{"id", "type", "outputShape", "params", "macs"}],
             "errors": [{"nodeId", "message", "fix"}]} instead of the table
  --inner    also list the layers inside each block instance, indented
  --help     show this help

Exit status: 0 the graph is valid, 1 it has errors (still printed),
2 the file cannot be read or is not a ResWire graph.
`;

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'Check a graph file: output shapes, params, MACs and errors with fixes',
  help,
  options: { json: { type: 'boolean' }, inner: { type: 'boolean' } },
  async run({ positionals, values }, io) {
    if (positionals.length !== 1) {
      throw new UsageError(positionals.length === 0 ? 'Name the graph file to inspect, e.g. reswire inspect resnet20.json.' : `Give one graph file, got ${positionals.length}: ${positionals.join(' ')}.`);
    }
    const file = positionals[0];
    const { doc } = await readGraphFile(file);
    const analysis = inferGraph(doc);
    if (values.json) io.stdout(`${JSON.stringify(inspectJson(doc, analysis), null, 2)}\n`);
    else io.stdout(inspectText(doc, analysis, file, values.inner === true));
    return analysis.valid ? 0 : 1;
  },
};
