// TF.js layer names derived from node ids, so per-layer statistics map back to nodes.
// Block expansion makes ids like "stage2_block1/conv1"; TF.js uses "/" to scope weight names,
// so it becomes "__". Other characters TF.js rejects become "_".

/** A valid, unique TF.js layer name for a node id; records it in `taken`. */
export function layerNameFor(nodeId: string, taken: Set<string>): string {
  let base = nodeId.replace(/\//g, '__').replace(/[^A-Za-z0-9_.-]/g, '_');
  if (!/^[A-Za-z0-9]/.test(base)) base = `n_${base}`;
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  taken.add(name);
  return name;
}
