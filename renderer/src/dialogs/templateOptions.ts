// Reading the gallery's option fields: text for shapes ("32x32x3"), numbers, toggles.
import type { TemplateOptionSpec, TemplateOptionValue } from '../../../shared/templates/registry';
import type { MessageKey } from '../i18n';

export type OptionDrafts = Record<string, string | boolean>;

export function initialDrafts(options: Record<string, TemplateOptionSpec>): OptionDrafts {
  const out: OptionDrafts = {};
  for (const [name, spec] of Object.entries(options)) {
    out[name] = spec.kind === 'bool' ? spec.default : spec.kind === 'shape' ? spec.default.join('x') : String(spec.default);
  }
  return out;
}

export type OptionProblem = { name: string; key: MessageKey; vars?: Record<string, string | number> };

/** The options as values, or the first problem in words the gallery shows under the field. */
export function readOptions(templateId: string, options: Record<string, TemplateOptionSpec>, drafts: OptionDrafts): { values: Record<string, TemplateOptionValue> } | { problem: OptionProblem } {
  const values: Record<string, TemplateOptionValue> = {};
  for (const [name, spec] of Object.entries(options)) {
    const draft = drafts[name];
    if (spec.kind === 'bool') {
      values[name] = draft === true;
      continue;
    }
    const text = String(draft).trim();
    if (spec.kind === 'int') {
      if (!/^\d+$/.test(text) || Number(text) < spec.min) return { problem: { name, key: 'gallery.badInt', vars: { min: spec.min } } };
      const n = Number(text);
      if (templateId === 'resnet' && name === 'depth' && (n - 2) % 6 !== 0) return { problem: { name, key: 'gallery.badDepth' } };
      values[name] = n;
    } else {
      const dims = text.split(/\s*[x×,*]\s*/).filter((d) => d !== '');
      const shape = dims.map(Number);
      if (!dims.length || shape.some((d) => !Number.isInteger(d) || d <= 0) || !spec.ranks.includes(shape.length)) {
        return { problem: { name, key: spec.ranks.includes(1) ? 'gallery.badShapeOrVector' : 'gallery.badShape' } };
      }
      values[name] = shape;
    }
  }
  return { values };
}
