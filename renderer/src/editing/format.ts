// Number and shape formatting for the canvas, panels and totals bar.
import type { Shape } from '../../../shared/graph/types';

/** NHWC shapes without the batch dimension read as 16×16×32; vectors as 10. */
export function formatShape(shape: Shape | undefined | null): string {
  if (!shape || shape.length === 0) return '?';
  return shape.map((d) => (d < 0 || !Number.isFinite(d) ? '?' : String(d))).join('×');
}

/** 1234 -> 1.23k, 2500000 -> 2.5M: short enough for a node, exact enough to compare. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '?';
  const abs = Math.abs(n);
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, suffix] of units) {
    if (abs >= size) return `${trimZeros((n / size).toPrecision(3))}${suffix}`;
  }
  return String(Math.round(n));
}

/** Bytes in binary units: 1536 -> 1.5 KiB. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return i === 0 ? `${Math.round(value)} B` : `${trimZeros(value.toPrecision(3))} ${units[i]}`;
}

// One formatter for all: toLocaleString builds a new one per call, a cost on every node drawn.
const EXACT = new Intl.NumberFormat('en-US');

/** Full integer with thin grouping for tooltips: 1234567 -> 1,234,567. */
export function formatExact(n: number): string {
  return Number.isFinite(n) ? EXACT.format(Math.round(n)) : '?';
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
