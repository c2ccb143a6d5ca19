import { describe, expect, it } from 'vitest';
import { inferGraph } from '../graph/infer';
import { parseDocument } from '../graph/schema';
import { serializeDocument } from '../graph/serialize';
import { TEMPLATES, buildTemplate, getTemplate } from './index';

describe('template registry', () => {
  it('offers the gallery templates, each with a label, a description and its options', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['resnet', 'resnet18', 'resnet34', 'resnet50', 'resnet101', 'resnet152', 'mlp', 'cnn']);
    for (const t of TEMPLATES) {
      expect(t.label.length).toBeGreaterThan(0);
      expect(t.description.length).toBeGreaterThan(20);
      expect(t.options.flat?.kind).toBe('bool');
    }
    expect(getTemplate('resnet')?.options.depth).toMatchObject({ kind: 'int', default: 20, suggestions: [20, 32, 44, 56, 110] });
    expect(getTemplate('resnet50')?.options.input).toMatchObject({ kind: 'shape', default: [224, 224, 3] });
  });

  it('builds every template with its defaults into a valid document that survives a save and reload', () => {
    for (const t of TEMPLATES) {
      const doc = buildTemplate(t.id);
      expect(inferGraph(doc).errors).toEqual([]);
      const reread = parseDocument(serializeDocument(doc));
      expect(reread.ok && reread.doc).toEqual(doc);
      expect(doc.meta?.template).toBe(t.id);
    }
  });

  it('names the problem for an unknown template, an unknown option or a bad value', () => {
    expect(() => buildTemplate('vgg16')).toThrow('Unknown template "vgg16"; the templates are: resnet, resnet18, resnet34, resnet50, resnet101, resnet152, mlp, cnn.');
    expect(() => buildTemplate('cnn', { depth: 20 })).toThrow('Template cnn has no option "depth"; its options are: input, classes, flat.');
    expect(() => buildTemplate('resnet', { input: [32, 32] })).toThrow('Option input must be HxWxC such as 32x32x3 (positive whole numbers), got 32x32.');
    expect(() => buildTemplate('mlp', { classes: 0 })).toThrow('Option classes must be a whole number of at least 1, got 0.');
    expect(() => buildTemplate('resnet', { plain: 1 as unknown as boolean })).toThrow('Option plain must be true or false, got 1.');
  });
});
