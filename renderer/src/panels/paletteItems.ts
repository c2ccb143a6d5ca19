// The things a user can put on the canvas, for the palette and the insert popup.
import { PALETTE_LAYERS } from '../../../shared/catalog';
import type { Family } from '../../../shared/catalog/types';
import type { GraphDocument } from '../../../shared/graph/types';
import { RESIDUAL_BLOCKS } from '../../../shared/templates/blocks';
import type { InsertItem } from '../canvas/commands';
import { useMemo } from 'react';
import { translate, useLanguage, type Translate } from '../i18n';
import { useDocument } from '../store/documentStore';
import { RESIDUAL_TEXT, blockDescription, blockName, describeLayer } from './layerText';


export const INSERT_MIME = 'application/x-reswire-insert';

export interface PaletteEntry {
  key: string;
  item: InsertItem;
  family: Family;
  title: string;
  description: string;
}

export function paletteEntries(blocks: GraphDocument['blocks'], t: Translate): PaletteEntry[] {
  const layers: PaletteEntry[] = PALETTE_LAYERS.map((l) => ({
    key: `layer:${l.type}`,
    item: { kind: 'layer', type: l.type },
    family: l.family,
    title: l.type,
    description: describeLayer(l.type, l.description, t),
  }));
  const residual: PaletteEntry[] = Object.keys(RESIDUAL_BLOCKS).map((id) => ({
    key: `residual:${id}`,
    item: { kind: 'residual', id },
    family: 'Blocks',
    title: t(RESIDUAL_TEXT[id]?.[0] ?? 'residual.custom'),
    description: t(RESIDUAL_TEXT[id]?.[1] ?? 'residual.customText'),
  }));
  const builtIn = new Set(Object.keys(RESIDUAL_BLOCKS));
  const user: PaletteEntry[] = Object.values(blocks)
    .filter((b) => !builtIn.has(b.id))
    .map((b) => ({
      key: `block:${b.id}`,
      item: { kind: 'userBlock', id: b.id },
      family: 'Blocks',
      title: blockName(b),
      description: blockDescription(b) ?? t('palette.userBlock', { n: b.nodes.length }),
    }));
  return [...layers, ...residual, ...user];
}

export function matches(entry: PaletteEntry, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return entry.title.toLowerCase().includes(q) || entry.description.toLowerCase().includes(q) || entry.family.toLowerCase().includes(q);
}

/** Best matches first: title prefix, then title substring, then description. */
export function rankEntries(entries: PaletteEntry[], query: string): PaletteEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return entries;
  const score = (e: PaletteEntry) => (e.title.toLowerCase().startsWith(q) ? 0 : e.title.toLowerCase().includes(q) ? 1 : 2);
  return entries.filter((e) => matches(e, q)).sort((a, b) => score(a) - score(b));
}

/** Palette entries for the current document and language. */
export function usePaletteEntries(): PaletteEntry[] {
  const blocks = useDocument((s) => s.doc.blocks);
  const language = useLanguage((s) => s.language);
  return useMemo(() => paletteEntries(blocks, (key, vars) => translate(language, key, vars)), [blocks, language]);
}
