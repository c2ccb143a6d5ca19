import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTemplate } from '../../shared/templates/index';
import { mismatchedShortcut, writeGraph } from './fixtures';
import { reswire, reswireInProcess, tempFolder } from './run-cli';

const { dir, cleanup } = tempFolder();
afterAll(cleanup);

describe('reswire inspect', () => {
  it('shows an aligned table with shapes, params and MACs, then totals, and exits 0 for a valid graph', () => {
    const file = writeGraph(dir, 'r20.json', buildTemplate('resnet', { depth: 20 }));
    const r = reswire('inspect', file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`ResNet-20 (${file}): 16 nodes, 1 block definition`);
    const header = lines.find((l) => l.startsWith('node'))!;
    expect(header).toMatch(/^node\s+type\s+output\s+params\s+MACs\s+error$/);
    const row = lines.find((l) => l.startsWith('stage2_block1 '))!;
    expect(row.split(/\s{2,}/)).toEqual(['stage2_block1', 'Block basic', '16x16x32', '14,720', '3.67M']);
    // Columns line up: every row's params column ends where the header's does.
    const end = header.indexOf('params') + 'params'.length;
    expect(row.slice(0, end).endsWith('14,720')).toBe(true);
    expect(r.stdout).toContain('params: 274,042 (272,474 trainable, 1,568 non-trainable)');
    expect(r.stdout).toContain('MACs per sample: 40,813,184 (40.8M)');
    expect(r.stdout).toContain('valid: yes');
  });

  it('--json prints exactly valid, totals, nodes and errors', () => {
    const file = writeGraph(dir, 'r50.json', buildTemplate('resnet50'));
    const r = reswire('inspect', file, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['valid', 'totals', 'nodes', 'errors']);
    expect(json.valid).toBe(true);
    expect(json.totals).toEqual({ params: 25_610_152, trainableParams: 25_557_032, macs: json.totals.macs });
    expect(Math.round(json.totals.macs / 1e7) / 100).toBe(4.09);
    expect(json.nodes[0]).toEqual({ id: 'input', type: 'Input', outputShape: [224, 224, 3], params: 0, macs: 0 });
    expect(json.nodes.find((n: { id: string }) => n.id === 'pool').outputShape).toEqual([56, 56, 64]);
    expect(json.errors).toEqual([]);
  });

  it('prints graph errors with their fixes and exits 1, in the table and in JSON', () => {
    const file = writeGraph(dir, 'bad.json', mismatchedShortcut);
    const text = reswire('inspect', file);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^add\s+Add\s+\?\s+0\s+0\s+Add add needs inputs of identical shape/m);
    expect(text.stdout).toContain('valid: no, 1 error:');
    expect(text.stdout).toContain(`fix available: Insert a 1x1 projection (stride 2, 32 filters) with batch norm on the shortcut (input 1) into Add add (run \`reswire fix ${file}\`)`);
    const json = reswire('inspect', file, '--json');
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.valid).toBe(false);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0].nodeId).toBe('add');
    expect(parsed.errors[0].fix.title).toMatch(/^Insert a 1x1 projection/);
    expect(parsed.errors[0].fix.edits.length).toBeGreaterThan(0);
  });

  it('exits 2 with one line naming the file for missing, unreadable, non-JSON and non-graph input', async () => {
    const missing = join(dir, 'missing.json');
    const notJson = join(dir, 'notjson.json');
    const notGraph = join(dir, 'notgraph.json');
    const folder = join(dir, 'folder.json');
    writeFileSync(notJson, '{"format": "reswire.graph", ');
    writeFileSync(notGraph, '{"hello": "world"}');
    mkdirSync(folder);
    const cases: [string, RegExp][] = [
      [missing, /^reswire inspect: Cannot read .*missing\.json: no such file\.\n$/],
      [notJson, /^reswire inspect: .*notjson\.json is not valid JSON \(.+\)\.\n$/],
      [notGraph, /^reswire inspect: .*notgraph\.json: This is not a ResWire graph: it has no "format" field, expected "format": "reswire\.graph"\.\n$/],
      [folder, /^reswire inspect: Cannot read .*folder\.json: it is a folder, not a file\.\n$/],
    ];
    // One real process for the missing file; the same dispatcher in-process for the rest.
    const spawned = reswire('inspect', missing);
    expect([spawned.code, spawned.stdout]).toEqual([2, '']);
    expect(spawned.stderr).toMatch(cases[0][1]);
    for (const [file, message] of cases) {
      const r = await reswireInProcess('inspect', file);
      expect({ file, code: r.code, stdout: r.stdout }).toEqual({ file, code: 2, stdout: '' });
      expect(r.stderr).toMatch(message);
    }
  });

  it('exits 2 for bad usage and documents its options in --help', async () => {
    const none = await reswireInProcess('inspect');
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('reswire inspect: Name the graph file to inspect, e.g. reswire inspect resnet20.json.\n');
    const help = reswire('inspect', '--help');
    expect(help.code).toBe(0);
    for (const word of ['Usage: reswire inspect FILE', '--json', '--inner', 'Exit status']) expect(help.stdout).toContain(word);
  });
});
