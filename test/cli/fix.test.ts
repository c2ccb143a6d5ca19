import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inferGraph } from '../../shared/graph/infer';
import { parseDocument } from '../../shared/graph/schema';
import type { GraphDocument } from '../../shared/graph/types';
import { identityWhereProjectionNeeded, mismatchedShortcut, writeGraph, zeroUnits } from './fixtures';
import { reswire, reswireInProcess, tempFolder } from './run-cli';

const { dir, cleanup } = tempFolder();
afterAll(cleanup);

function load(file: string): GraphDocument {
  const parsed = parseDocument(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.doc;
}

describe('reswire fix', () => {
  it('inserts the projection a mismatched shortcut needs, saves over the file and exits 0', () => {
    const file = writeGraph(dir, 'mismatch.json', mismatchedShortcut);
    const r = reswire('fix', file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `Fixed add: Insert a 1x1 projection (stride 2, 32 filters) with batch norm on the shortcut (input 1) into Add add\nWrote ${file}.\nThe graph is valid.\n`,
    );
    const fixed = load(file);
    expect(inferGraph(fixed).valid).toBe(true);
    expect(fixed.nodes.map((n) => n.type)).toContain('BatchNorm');
  });

  it('switches a block instance to its projection shortcut, writing to --out and leaving the original alone', () => {
    const file = writeGraph(dir, 'blocks.json', identityWhereProjectionNeeded());
    const before = readFileSync(file, 'utf8');
    const out = join(dir, 'blocks-fixed.json');
    const r = reswire('fix', file, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Fixed stage2_block1: Use a projection shortcut in block stage2_block1 (Basic residual block)');
    expect(readFileSync(file, 'utf8')).toBe(before);
    const fixed = load(out);
    expect(fixed.nodes.find((n) => n.id === 'stage2_block1')?.params.shortcut).toBe('projection');
    expect(inferGraph(fixed).valid).toBe(true);
  });

  it('reports errors it cannot fix, leaves the file untouched and exits 1', () => {
    const file = writeGraph(dir, 'zero.json', zeroUnits);
    const before = readFileSync(file, 'utf8');
    const r = reswire('fix', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('No fix could be applied.\n1 error remains:\n  fc: Dense fc param "units" must be a positive integer, got 0. (no automatic fix)\n');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('exits 2 on bad flags and unreadable files, and documents its options', async () => {
    const file = writeGraph(dir, 'ok.json', mismatchedShortcut);
    const rounds = await reswireInProcess('fix', file, '--max-rounds', 'many');
    expect([rounds.code, rounds.stderr]).toEqual([2, 'reswire fix: --max-rounds must be a whole number of at least 1, got "many".\n']);
    const missing = reswire('fix', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^reswire fix: Cannot read .*nope\.json: no such file\.\n$/);
    const help = await reswireInProcess('fix', '--help');
    expect(help.code).toBe(0);
    for (const word of ['Usage: reswire fix FILE', '--out FILE', '--max-rounds N', '--dry-run', 'Exit status']) expect(help.stdout).toContain(word);
  });
});
