// The template gallery: every template with its options, their kinds and defaults, so the
// studio's gallery and `reswire template` offer the same choices and check them the same way.
import type { GraphDocument } from '../graph/types';
import { list, msg } from '../i18n/messages';
import { TemplateError } from './errors';
import { flattenTemplate } from './flatten';
import { cifarResNet, imagenetResNet } from './resnet';
import { cloneData } from './nodes';
import { cnn, mlp } from './starters';

export type TemplateOptionSpec =
  | { kind: 'int'; default: number; min: number; label: string; help: string; suggestions?: number[] }
  | { kind: 'bool'; default: boolean; label: string; help: string }
  /** A shape without the batch, written 32x32x3 on the command line; `ranks` are the allowed lengths. */
  | { kind: 'shape'; default: number[]; ranks: number[]; label: string; help: string };

export type TemplateOptionValue = number | boolean | number[];
export type TemplateOptions = Record<string, TemplateOptionValue | undefined>;

export interface TemplateInfo {
  id: string;
  label: string;
  description: string;
  options: Record<string, TemplateOptionSpec>;
  /** Builds the graph from checked options (defaults filled in). */
  build(options: Record<string, TemplateOptionValue>): GraphDocument;
}

const classes = (def: number): TemplateOptionSpec => ({ kind: 'int', default: def, min: 1, label: 'Classes', help: 'Number of output classes.' });
const imageInput = (def: number[]): TemplateOptionSpec => ({ kind: 'shape', default: def, ranks: [3], label: 'Input', help: 'Image size as height x width x channels.' });
const plain: TemplateOptionSpec = { kind: 'bool', default: false, label: 'Plain (no shortcuts)', help: 'The same network with every shortcut removed, to compare against.' };
const preact: TemplateOptionSpec = { kind: 'bool', default: false, label: 'Pre-activation (v2)', help: 'BN and ReLU before each convolution (He et al. 2016).' };
/** Offered by every template and handled by buildTemplate (a no-op where there are no blocks). */
export const FLAT_OPTION: TemplateOptionSpec = {
  kind: 'bool',
  default: false,
  label: 'Flat (expand blocks)',
  help: 'Expand every block instance into its layers.',
};

type Opts = Record<string, TemplateOptionValue>;
const resnetOpts = (o: Opts) => ({ input: o.input as number[], classes: o.classes as number, plain: o.plain as boolean, preact: o.preact as boolean });

function imagenetTemplate(depth: number): TemplateInfo {
  const bottleneck = depth >= 50;
  return {
    id: `resnet${depth}`,
    label: `ResNet-${depth}`,
    description: `ImageNet ResNet-${depth} in the torchvision layout: 7x7 stem, max pool, four stages of ${bottleneck ? 'bottleneck' : 'basic'} blocks at 64/128/256/512 filters${bottleneck ? ' (x4)' : ''}, global average pool, Dense.`,
    options: { input: imageInput([224, 224, 3]), classes: classes(1000), plain, preact, flat: FLAT_OPTION },
    build: (o) => imagenetResNet(depth, resnetOpts(o)),
  };
}

export const TEMPLATES: TemplateInfo[] = [
  {
    id: 'resnet',
    label: 'ResNet for CIFAR (6n+2)',
    description:
      'The CIFAR ResNet of He et al. 2015: 3x3 stem, three stages of n basic blocks at 16/32/64 filters, global average pool, Dense. Depth 6n+2: 20, 32, 44, 56, 110.',
    options: {
      depth: { kind: 'int', default: 20, min: 8, label: 'Depth', help: 'Layers with weights: 6n+2, e.g. 20, 32, 44, 56 or 110.', suggestions: [20, 32, 44, 56, 110] },
      input: imageInput([32, 32, 3]),
      classes: classes(10),
      plain,
      preact,
      flat: FLAT_OPTION,
    },
    build: (o) => cifarResNet(o.depth as number, resnetOpts(o)),
  },
  ...[18, 34, 50, 101, 152].map(imagenetTemplate),
  {
    id: 'mlp',
    label: 'MLP starter',
    description: 'Flatten, Dense 128 ReLU, Dropout, Dense: a first network for MNIST-sized inputs.',
    options: {
      input: { kind: 'shape', default: [28, 28, 1], ranks: [3, 1], label: 'Input', help: 'Image size HxWxC, or a vector length such as 784.' },
      classes: classes(10),
      hidden: { kind: 'int', default: 128, min: 1, label: 'Hidden units', help: 'Units of the hidden Dense layer.' },
      flat: FLAT_OPTION,
    },
    build: (o) => mlp({ input: o.input as number[], classes: o.classes as number, hidden: o.hidden as number }),
  },
  {
    id: 'cnn',
    label: 'Small CNN starter',
    description: 'Two conv-BN-ReLU-maxpool stages and a small dense head, for 28x28 images.',
    options: { input: imageInput([28, 28, 1]), classes: classes(10), flat: FLAT_OPTION },
    build: (o) => cnn({ input: o.input as number[], classes: o.classes as number }),
  },
];

export function getTemplate(id: string): TemplateInfo | undefined {
  return TEMPLATES.find((t) => t.id === id);
}


function describeValue(v: unknown): string {
  return Array.isArray(v) ? v.join('x') : JSON.stringify(v);
}

/** The value checked against its spec, or a TemplateError naming the option and the value. */
function checkOption(name: string, spec: TemplateOptionSpec, v: TemplateOptionValue): TemplateOptionValue {
  switch (spec.kind) {
    case 'int':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < spec.min) {
        throw new TemplateError(msg('template.optionInt', { name, min: spec.min, value: describeValue(v) }));
      }
      return v;
    case 'bool':
      if (typeof v !== 'boolean') throw new TemplateError(msg('template.optionBool', { name, value: describeValue(v) }));
      return v;
    case 'shape': {
      const ok = Array.isArray(v) && v.every((d) => Number.isInteger(d) && d > 0) && spec.ranks.includes(v.length);
      if (!ok) {
        const forms = list(spec.ranks.map((r) => msg(r === 3 ? 'template.formImage' : 'template.formLength', {})), 'or');
        throw new TemplateError(msg('template.optionShape', { name, forms, value: describeValue(v) }));
      }
      return v;
    }
  }
}

/** Fills defaults and checks every option; unknown options are errors, not silently ignored. */
export function resolveTemplateOptions(info: TemplateInfo, options: TemplateOptions): Record<string, TemplateOptionValue> {
  for (const name of Object.keys(options)) {
    if (options[name] !== undefined && !info.options[name]) {
      const names = Object.keys(info.options);
      const known = names.length ? list(names, 'comma') : msg('template.noOptions', {});
      throw new TemplateError(msg('template.unknownOption', { id: info.id, name, known }));
    }
  }
  const out: Record<string, TemplateOptionValue> = {};
  for (const [name, spec] of Object.entries(info.options)) {
    const v = options[name];
    out[name] = v === undefined ? cloneData(spec.default) : checkOption(name, spec, v);
  }
  return out;
}

/** Builds template `id` with the given options; throws TemplateError on a bad id or option. */
export function buildTemplate(id: string, options: TemplateOptions = {}): GraphDocument {
  const info = getTemplate(id);
  if (!info) throw new TemplateError(msg('template.unknown', { id, ids: list(TEMPLATES.map((t) => t.id), 'comma') }));
  const resolved = resolveTemplateOptions(info, options);
  const doc = info.build(resolved);
  return resolved.flat ? flattenTemplate(doc) : doc;
}
