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
