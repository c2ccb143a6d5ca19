// Palette families in display order, with their colour class and translated name.
import type { Family } from '../../../shared/catalog/types';
import type { MessageKey } from '../i18n';

export const PALETTE_FAMILIES: Family[] = [
  'Input/Output',
  'Convolution',
  'Dense',
  'Normalization',
  'Activation',
  'Pooling',
  'Merge',
  'Regularization',
  'Reshape',
  'Blocks',
];

export const FAMILY_NAME: Record<Family, MessageKey> = {
  'Input/Output': 'family.io',
  Convolution: 'family.convolution',
  Dense: 'family.dense',
  Normalization: 'family.normalization',
  Activation: 'family.activation',
  Pooling: 'family.pooling',
  Merge: 'family.merge',
  Regularization: 'family.regularization',
  Reshape: 'family.reshape',
  Blocks: 'family.blocks',
};

export function familyClass(family: string): string {
  return `family-${family.toLowerCase().replace(/[^a-z]+/g, '-')}`;
}

/** The same colours as the CSS family classes, for the minimap (which draws SVG). */
export const FAMILY_COLORS: Record<string, string> = {
  'Input/Output': '#64748b',
  Convolution: '#2f6bed',
  Dense: '#7c4ddb',
  Normalization: '#0f9f8f',
  Activation: '#e08a00',
  Pooling: '#0891b2',
  Merge: '#d9428a',
  Regularization: '#5f9e1a',
  Reshape: '#9a6b2f',
  Blocks: '#4f46e5',
};
