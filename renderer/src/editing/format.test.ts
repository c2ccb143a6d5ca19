import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatShape } from './format';

describe('format', () => {
  it('writes feature-map shapes the way the node shows them', () => {
    expect(formatShape([16, 16, 32])).toBe('16×16×32');
    expect(formatShape([10])).toBe('10');
    expect(formatShape(undefined)).toBe('?');
  });
  it('shortens parameter counts', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1234)).toBe('1.23k');
    expect(formatCount(272_474)).toBe('272k');
    expect(formatCount(2_500_000)).toBe('2.5M');
    expect(formatCount(11_689_512)).toBe('11.7M');
  });
  it('uses binary units for memory', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(64 * 1024 * 1024)).toBe('64 MiB');
  });
});
