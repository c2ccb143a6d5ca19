// `reswire template NAME`: builds a graph from a template and prints or saves it.
import { serializeDocument } from '../../../shared/graph/serialize';
import { TEMPLATES, TemplateError, buildTemplate, getTemplate } from '../../../shared/templates/index';
import type { TemplateInfo, TemplateOptionSpec, TemplateOptions } from '../../../shared/templates/index';
import { type Command, type OptionSpec, UsageError } from '../command';
import { writeFileAtomic } from '../graph-file';

const names = TEMPLATES.map((t) => t.id).join(', ');

const help = `Usage: reswire template NAME [options]

Builds a network from a template and prints its graph JSON (or saves it with --out).

Templates:
${TEMPLATES.map((t) => `  ${t.id.padEnd(10)} ${t.label}`).join('\n')}

Options:
  --depth N         resnet only: depth 6n+2 (8, 14, 20, 32, 44, 56, 110...); default 20
  --plain           the same network with every shortcut removed (resnet templates)
  --preact          pre-activation (v2) blocks: BN and ReLU before each convolution
  --input HxWxC     input size, e.g. 32x32x3 (mlp also takes a vector length, e.g. 784)
  --classes K       number of output classes (default 10; 1000 for resnet18..152)
  --hidden N        mlp only: units of the hidden layer (default 128)
  --flat            expand every block into its layers (ids like stage1_block1/conv1)
  --out FILE        write the graph to FILE (atomically) instead of printing it
  --help            show this help

Examples:
  reswire template resnet --depth 56 --plain --out plain56.json
  reswire template resnet50 --input 128x128x3 --classes 10
`;

function parseCount(flag: string, raw: string, min: number): number {
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min) {
    throw new UsageError(`--${flag} must be a whole number of at least ${min}, got "${raw}".`);
  }
  return Number(raw);
}

function parseShape(flag: string, raw: string, spec: Extract<TemplateOptionSpec, { kind: 'shape' }>): number[] {
  const dims = raw.trim().toLowerCase().split('x');
  const ok = dims.every((d) => /^\d+$/.test(d) && Number(d) > 0) && spec.ranks.includes(dims.length);
  if (!ok) {
    const examples = spec.ranks.map((r) => (r === spec.default.length ? spec.default.join('x') : r === 1 ? '784' : '32x32x3'));
    throw new UsageError(`--${flag} must look like ${examples.join(' or ')}, got "${raw}".`);
  }
  return dims.map(Number);
}

/** The command-line values as template options, checked against what this template offers. */
export function templateOptions(info: TemplateInfo, values: Record<string, unknown>): TemplateOptions {
  const options: TemplateOptions = {};
  for (const flag of ['depth', 'plain', 'preact', 'input', 'classes', 'hidden', 'flat']) {
    const raw = values[flag];
    if (raw === undefined || raw === false) continue;
    const spec = info.options[flag];
    if (!spec) {
      const offered = Object.keys(info.options).map((o) => `--${o}`).join(', ');
      throw new UsageError(`--${flag} does not apply to template ${info.id}; its options are ${offered}.`);
    }
    if (spec.kind === 'bool') options[flag] = raw === true;
    else if (spec.kind === 'int') options[flag] = parseCount(flag, String(raw), spec.min);
    else options[flag] = parseShape(flag, String(raw), spec);
  }
  return options;
}

/** The flags that shape a template; `reswire bench` accepts the same ones. */
export const TEMPLATE_FLAGS: OptionSpec = {
  depth: { type: 'string' },
  plain: { type: 'boolean' },
  preact: { type: 'boolean' },
  input: { type: 'string' },
  classes: { type: 'string' },
  hidden: { type: 'string' },
};

export const templateCommand: Command = {
  name: 'template',
  summary: 'Build a network from a template (ResNet, plain twin, MLP, CNN) as graph JSON',
  help,
  options: {
    ...TEMPLATE_FLAGS,
    flat: { type: 'boolean' },
    out: { type: 'string' },
  },
  async run({ positionals, values }, io) {
    if (positionals.length === 0) throw new UsageError(`Name a template: ${names}. For example: reswire template resnet --depth 20.`);
    if (positionals.length > 1) throw new UsageError(`Give one template name, got ${positionals.length}: ${positionals.join(' ')}.`);
    const info = getTemplate(positionals[0]);
    if (!info) throw new UsageError(`Unknown template "${positionals[0]}"; the templates are: ${names}.`);
    let doc;
    try {
      doc = buildTemplate(info.id, templateOptions(info, values));
    } catch (err) {
      if (err instanceof TemplateError) throw new UsageError(err.message);
      throw err;
    }
    const text = serializeDocument(doc);
    const out = values.out;
    if (out === '') throw new UsageError('--out needs a file name, e.g. --out resnet20.json.');
    if (typeof out === 'string') {
      await writeFileAtomic(out, text);
      io.stdout(`Wrote ${doc.name} (${doc.nodes.length} nodes) to ${out}.\n`);
    } else io.stdout(text);
    return 0;
  },
};
