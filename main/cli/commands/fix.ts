// `reswire fix FILE`: applies the fixes inference suggests, one at a time, re-checking the
// graph after each, and saves the result atomically.
import type { GraphError } from '../../../shared/graph/analysis';
import { EditError, applyEdits } from '../../../shared/graph/edits';
import { inferGraph } from '../../../shared/graph/infer';
import { serializeDocument } from '../../../shared/graph/serialize';
import { type Command, UsageError } from '../command';
import { readGraphFile, writeFileAtomic } from '../graph-file';

const DEFAULT_ROUNDS = 50;

const help = `Usage: reswire fix FILE [--out FILE] [--max-rounds N] [--dry-run]

Applies the fixes ResWire suggests for a graph's errors (e.g. inserting a 1x1
projection on a shortcut whose shape does not match), one at a time, checking
the whole graph again after each. A fix that does not remove its error is
undone and skipped. Prints what it did, then saves the graph atomically.

Options:
  --out FILE        save the fixed graph to FILE instead of overwriting FILE
  --max-rounds N    try at most N fixes (default ${DEFAULT_ROUNDS})
  --dry-run         show what would be fixed without saving anything
  --help            show this help

Exit status: 0 the graph is valid afterwards, 1 errors remain,
2 the file cannot be read or written, or is not a ResWire graph.
`;

const errorKey = (e: GraphError) => `${e.nodeId ?? ''}\n${e.message}`;
const where = (e: GraphError) => e.nodeId ?? '(graph)';

export const fixCommand: Command = {
  name: 'fix',
  summary: 'Apply the suggested fixes to a graph file and save it',
  help,
  options: { out: { type: 'string' }, 'max-rounds': { type: 'string' }, 'dry-run': { type: 'boolean' } },
  async run({ positionals, values }, io) {
    if (positionals.length !== 1) {
      throw new UsageError(positionals.length === 0 ? 'Name the graph file to fix, e.g. reswire fix model.json.' : `Give one graph file, got ${positionals.length}: ${positionals.join(' ')}.`);
    }
    const file = positionals[0];
    const rawRounds = values['max-rounds'];
    const rounds = rawRounds === undefined ? DEFAULT_ROUNDS : Number(rawRounds);
    if (typeof rawRounds === 'string' && (!/^\d+$/.test(rawRounds) || rounds < 1)) {
      throw new UsageError(`--max-rounds must be a whole number of at least 1, got "${rawRounds}".`);
    }
    const out = values.out;
    if (out === '') throw new UsageError('--out needs a file name, e.g. --out fixed.json.');
    const dryRun = values['dry-run'] === true;

    let { doc } = await readGraphFile(file);
    let analysis = inferGraph(doc);
    const tried = new Set<string>();
    let applied = 0;
    for (let round = 0; round < rounds; round++) {
      const error = analysis.errors.find((e) => e.fix && !tried.has(errorKey(e)));
      if (!error?.fix) break;
      tried.add(errorKey(error));
      let next;
      try {
        next = applyEdits(doc, error.fix.edits);
      } catch (err) {
        if (!(err instanceof EditError)) throw err;
        io.stdout(`Skipped ${where(error)}: ${error.fix.title} (${err.message})\n`);
        continue;
      }
      const after = inferGraph(next);
      if (after.errors.some((e) => errorKey(e) === errorKey(error))) {
        io.stdout(`Skipped ${where(error)}: ${error.fix.title} (it did not remove the error)\n`);
        continue;
      }
      doc = next;
      analysis = after;
      applied++;
      io.stdout(`Fixed ${where(error)}: ${error.fix.title}\n`);
    }

    if (applied === 0) io.stdout(analysis.valid ? 'Nothing to fix: the graph is valid.\n' : 'No fix could be applied.\n');
    const target = typeof out === 'string' ? out : file;
    if (dryRun) io.stdout(`Dry run: ${applied} fix${applied === 1 ? '' : 'es'} not saved.\n`);
    else if (applied > 0 || target !== file) {
      await writeFileAtomic(target, serializeDocument(doc));
      io.stdout(`Wrote ${target}.\n`);
    }
    if (analysis.valid) {
      if (applied > 0) io.stdout(dryRun ? 'The fixed graph would be valid.\n' : 'The graph is valid.\n');
      return 0;
    }
    const n = analysis.errors.length;
    io.stdout(`${n} error${n === 1 ? '' : 's'} remain${n === 1 ? 's' : ''}:\n`);
    for (const e of analysis.errors) {
      const note = !e.fix ? 'no automatic fix' : tried.has(errorKey(e)) ? 'its suggested fix did not help' : 'not tried: raise --max-rounds';
      io.stdout(`  ${where(e)}: ${e.message} (${note})\n`);
    }
    return 1;
  },
};
