// The runtime registry of layer types. Each family module contributes its entries.
// (Filled by the catalog work: one module per layer family under shared/catalog/layers/.)
import type { LayerSpec } from './types';

export type { LayerSpec } from './types';

/** Every layer type, in palette order. */
export const LAYERS: LayerSpec<any>[] = [];

const byType = new Map<string, LayerSpec<any>>(LAYERS.map((l) => [l.type, l]));

export function getLayer(type: string): LayerSpec<any> | undefined {
  return byType.get(type);
}
