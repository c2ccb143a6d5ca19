// How shapes and values are written in messages, so every error reads the same way.
import type { Shape } from '../graph/types';
import { english, msg, type Message } from '../i18n/messages';

/** [28, 28, 1] */
export function formatShape(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

/** "feature map [7, 7, 64]", "vector [784]", "rank-2 tensor [28, 28]", as a message. */
export function shapeText(shape: Shape): Message {
  if (shape.length === 3) return msg('shape.featureMap', { shape: formatShape(shape) });
  if (shape.length === 1) return msg('shape.vector', { shape: formatShape(shape) });
  return msg('shape.tensor', { rank: shape.length, shape: formatShape(shape) });
}

/** "feature map [7, 7, 64]", "vector [784]", "rank-2 tensor [28, 28]" */
export function describeShape(shape: Shape): string {
  return english(shapeText(shape));
}

/** 3x3, or 3x1 */
export function formatPair(pair: readonly number[]): string {
  return `${pair[0]}x${pair[1]}`;
}

/** A param value as the user wrote it: 0, "full", [3, 0], true. */
export function formatValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return `[${v.map(formatValue).join(', ')}]`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return JSON.stringify(v);
}

export function product(shape: Shape): number {
  return shape.reduce((a, b) => a * b, 1);
}
