import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../shared/graph/schema';
import { reswire, reswireInProcess, tempFolder } from './run-cli';

const { dir, cleanup } = tempFolder();
afterAll(cleanup);

describe('reswire template', () => {
  it('writes a ResNet-20 graph atomically with --out and prints one line', () => {
    const file = join(dir, 'r20.json');
    const r = reswire('template', 'resnet', '--depth', '20', '--out', file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Wrote ResNet-20 (16 nodes) to ${file}.\n`);
    const parsed = parseDocument(readFileSync(file, 'utf8'));
    expect(parsed.ok && parsed.doc.name).toBe('ResNet-20');
    // No temporary file is left beside it.
    expect(readdirSync(dir)).toEqual(['r20.json']);
  });

  it('prints the graph JSON, here a flat plain ResNet-32 for 28x28x1 with 5 classes', () => {
    const r = reswire('template', 'resnet', '--depth', '32', '--plain', '--flat', '--input', '28x28x1', '--classes', '5');
    expect(r.code).toBe(0);
    const parsed = parseDocument(r.stdout);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const doc = parsed.doc;
    expect(doc.name).toBe('Plain-32');
    expect(doc.nodes.some((n) => n.type === 'Add' || n.type === 'Block')).toBe(false);
    expect(doc.nodes.find((n) => n.id === 'input')?.params.shape).toEqual([28, 28, 1]);
    expect(doc.nodes.find((n) => n.id === 'output')?.params.classes).toBe(5);
  });

  it('explains a bad value in one sentence with exit 2 and no stack trace', () => {
    const r = reswire('template', 'resnet', '--depth', '21');
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'reswire template: ResNet depth must be 6n+2 (8, 14, 20, 32, 44, 56, 110...), got 21.\n']);
  });

  it('explains every other bad value the same way', async () => {
    const cases: [string[], string][] = [
      [['resnet', '--input', '32x32'], '--input must look like 32x32x3, got "32x32".'],
      [['resnet', '--classes', 'ten'], '--classes must be a whole number of at least 1, got "ten".'],
      [['mlp', '--depth', '20'], '--depth does not apply to template mlp; its options are --input, --classes, --hidden, --flat.'],
      [['resnet9'], 'Unknown template "resnet9"; the templates are: resnet, resnet18, resnet34, resnet50, resnet101, resnet152, mlp, cnn.'],
      [[], 'Name a template: resnet, resnet18, resnet34, resnet50, resnet101, resnet152, mlp, cnn. For example: reswire template resnet --depth 20.'],
      [['resnet', '--out', join(dir, 'no-such-folder', 'x.json')], `Cannot write ${join(dir, 'no-such-folder', 'x.json')}: the folder ${join(dir, 'no-such-folder')} does not exist.`],
    ];
    for (const [args, message] of cases) {
      const r = await reswireInProcess('template', ...args);
      expect({ args, code: r.code, stderr: r.stderr, stdout: r.stdout }).toEqual({ args, code: 2, stderr: `reswire template: ${message}\n`, stdout: '' });
    }
  });

  it('rejects an unknown flag, and shows a stack only with --debug', () => {
    const unknown = reswire('template', 'resnet', '--bogus');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^reswire template: .*--bogus.*Run `reswire template --help`\.\n$/);
    const debug = reswire('template', 'resnet', '--depth', '21', '--debug');
    expect(debug.code).toBe(2);
    expect(debug.stderr).toContain('ResNet depth must be 6n+2');
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('--help lists usage, every template and every option', () => {
    const r = reswire('template', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: reswire template NAME [options]');
    for (const word of ['resnet18', 'resnet152', 'mlp', 'cnn', '--depth', '--plain', '--preact', '--input', '--classes', '--hidden', '--flat', '--out']) {
      expect(r.stdout).toContain(word);
    }
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });
});
