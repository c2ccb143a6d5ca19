// Reads what the user typed into a properties field. Bad input yields a message key for the
// inline error and is never applied to the document.
import type { ParamSpec } from '../../../shared/catalog/types';
import type { BlockParamSpec } from '../../../shared/graph/types';
import type { MessageKey } from '../i18n/en';

export type FieldSpec = ParamSpec | (BlockParamSpec & { label?: string });

export type FieldValue = number | string | boolean | number[];

export type FieldResult = { ok: true; value: FieldValue } | { ok: false; error: MessageKey; vars?: Record<string, string | number> };

const fail = (error: MessageKey, vars?: Record<string, string | number>): FieldResult => ({ ok: false, error, vars });

function parseNumber(text: string, integer: boolean): number | null {
  const t = text.trim();
  if (t === '') return null;
  if (integer ? !/^[-+]?\d+$/.test(t) : !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

function parseIntList(text: string): number[] | null {
  const parts = text.split(/[\s,x×*]+/).filter((p) => p !== '');
  if (parts.length === 0) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^-?\d+$/.test(p)) return null;
    out.push(Number(p));
  }
  return out;
}

/** Text shown in a field for a stored value. */
export function fieldText(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  if (value === null || value === undefined) return '';
  return String(value);
}

export function parseField(spec: FieldSpec, text: string): FieldResult {
  switch (spec.kind) {
    case 'int':
    case 'float': {
      const integer = spec.kind === 'int';
      const n = parseNumber(text, integer);
      if (n === null) return text.trim() === '' ? fail('field.required') : fail(integer ? 'field.int' : 'field.number');
      const exMin = 'exclusiveMin' in spec && spec.exclusiveMin;
      const exMax = 'exclusiveMax' in spec && spec.exclusiveMax;
      if (spec.min !== undefined && (exMin ? n <= spec.min : n < spec.min)) return fail(exMin ? 'field.above' : 'field.min', { min: spec.min });
      if (spec.max !== undefined && (exMax ? n >= spec.max : n > spec.max)) return fail(exMax ? 'field.below' : 'field.max', { max: spec.max });
      return { ok: true, value: n };
    }
    case 'bool':
      if (text === 'true' || text === 'false') return { ok: true, value: text === 'true' };
      return fail('field.bool');
    case 'enum': {
      const options = (spec.options ?? []).map(String);
      const hit = options.find((o) => o === text.trim());
      if (hit === undefined) return fail('field.option', { options: options.join(', ') });
      const numeric = (spec.options ?? []).find((o) => String(o) === hit);
      return { ok: true, value: numeric as string | number };
    }
    case 'ints': {
      const list = parseIntList(text);
      if (!list) return fail('field.ints');
      const inferred = list.filter((d) => d === -1).length;
      if (list.some((d) => d === 0 || d < -1) || (inferred > 0 && !spec.allowInferred) || inferred > 1) return fail('field.ints');
      if (spec.minLength !== undefined && list.length < spec.minLength) return fail('field.minLength', { min: spec.minLength });
      if (spec.maxLength !== undefined && list.length > spec.maxLength) return fail('field.maxLength', { max: spec.maxLength });
      return { ok: true, value: list };
    }
    case 'intPair': {
      const list = parseIntList(text);
      if (!list || list.length > 2) return fail('field.pair');
      const min = spec.min ?? 1;
      if (list.some((d) => d < min)) return fail('field.min', { min });
      return { ok: true, value: list.length === 1 ? list[0] : list };
    }
    case 'string':
      return { ok: true, value: text };
  }
}

/** Inside a block definition a value may refer to a block param: written @filters or @filters*4. */
export function refText(value: unknown): string | null {
  if (value && typeof value === 'object' && !Array.isArray(value) && '$param' in value) {
    const ref = value as { $param: string; scale?: number };
    return ref.scale !== undefined ? `@${ref.$param}*${ref.scale}` : `@${ref.$param}`;
  }
  return null;
}

export type RefResult = { ok: true; value: { $param: string; scale?: number } } | { ok: false; error: MessageKey; vars?: Record<string, string | number> };

export function parseRef(text: string, blockParams: readonly string[]): RefResult {
  const m = /^@\s*([A-Za-z_]\w*)\s*(?:[*×x]\s*([0-9]*\.?[0-9]+))?\s*$/.exec(text.trim());
  if (!m) return { ok: false, error: 'field.ref' };
  if (!blockParams.includes(m[1])) return { ok: false, error: 'field.refUnknown', vars: { name: m[1], names: blockParams.join(', ') || '—' } };
  return { ok: true, value: m[2] !== undefined ? { $param: m[1], scale: Number(m[2]) } : { $param: m[1] } };
}
