// Param normalisation and validation: fills defaults, turns intPairs into [h, w], and
// explains every bad value in one sentence naming the layer, the field and the value.
import { BLOCK_NODE_TYPE, type Params, type ParamValue } from '../graph/types';
import { english, list, msg, paramArg, type Message } from '../i18n/messages';
import { formatValue } from './format';
import type { LayerSpec, ParamSpec } from './types';

export interface ParamError {
  field: string;
  message: string;
  /** The same sentence as a message code and args, for other languages. */
  text?: Message;
}

export interface NormalizedParams<P> {
  /** Every declared param: the given value normalised, or the default where missing or invalid. */
  params: P;
  errors: ParamError[];
}

function isParamRef(v: unknown): v is { $param: string } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { $param?: unknown }).$param === 'string';
}

function intPhrase(min?: number, max?: number): Message {
  if (min !== undefined && max !== undefined) return msg('must.intRange', { min, max });
  if (min === 1) return msg('must.positiveInt', {});
  if (min === 0) return msg('must.nonNegativeInt', {});
  if (min !== undefined) return msg('must.intAtLeast', { min });
  if (max !== undefined) return msg('must.intAtMost', { max });
  return msg('must.int', {});
}

function floatPhrase(spec: Extract<ParamSpec, { kind: 'float' }>): Message {
  const lower = spec.min === undefined ? null : msg(spec.exclusiveMin ? 'bound.above' : 'bound.atLeast', { value: spec.min });
  const upper = spec.max === undefined ? null : msg(spec.exclusiveMax ? 'bound.below' : 'bound.atMost', { value: spec.max });
  if (lower && upper) return msg('must.numberBetween', { lower, upper });
  const bound = lower ?? upper;
  return bound ? msg('must.numberBound', { bound }) : msg('must.number', {});
}

function pairPhrase(min: number): Message {
  if (min === 1) return msg('must.pair', {});
  if (min === 0) return msg('must.pairNonNegative', {});
  return msg('must.pairAtLeast', { min });
}

function intsPhrase(spec: Extract<ParamSpec, { kind: 'ints' }>): Message {
  const lo = spec.minLength ?? 1;
  const hi = spec.maxLength;
  const count = hi === undefined ? msg('count.orMore', { min: lo }) : lo === hi ? msg('count.exactly', { count: lo }) : msg('count.range', { min: lo, max: hi });
  const inferred = spec.allowInferred ? msg('must.intsInferred', {}) : '';
  return msg('must.ints', { count, inferred, example: formatValue(spec.default) });
}

/** The normalised value, or a phrase saying what the value must be. */
function check(spec: ParamSpec, v: ParamValue): { value: unknown } | { must: Message } {
  switch (spec.kind) {
    case 'int': {
      const ok = typeof v === 'number' && Number.isInteger(v) && (spec.min === undefined || v >= spec.min) && (spec.max === undefined || v <= spec.max);
      return ok ? { value: v } : { must: intPhrase(spec.min, spec.max) };
    }
    case 'float': {
      const ok =
        typeof v === 'number' &&
        Number.isFinite(v) &&
        (spec.min === undefined || (spec.exclusiveMin ? v > spec.min : v >= spec.min)) &&
        (spec.max === undefined || (spec.exclusiveMax ? v < spec.max : v <= spec.max));
      return ok ? { value: v } : { must: floatPhrase(spec) };
    }
    case 'bool':
      return typeof v === 'boolean' ? { value: v } : { must: msg('must.bool', {}) };
    case 'string':
      return typeof v === 'string' ? { value: v } : { must: msg('must.string', {}) };
    case 'enum':
      return typeof v === 'string' && spec.options.includes(v)
        ? { value: v }
        : { must: msg('must.oneOf', { options: list(spec.options.map((o) => JSON.stringify(o)), 'or') }) };
    case 'intPair': {
      const min = spec.min ?? 1;
      const okInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= min;
      if (okInt(v)) return { value: [v, v] };
      if (Array.isArray(v) && v.length === 2 && v.every(okInt)) return { value: [v[0], v[1]] };
      return { must: pairPhrase(min) };
    }
    case 'ints': {
      const lo = spec.minLength ?? 1;
      const hi = spec.maxLength;
      const must = intsPhrase(spec);
      if (!Array.isArray(v) || v.length < lo || (hi !== undefined && v.length > hi)) return { must };
      const inferred = v.filter((x) => x === -1).length;
      const ok = v.every((x) => typeof x === 'number' && Number.isInteger(x) && (x > 0 || (spec.allowInferred && x === -1)));
      if (!ok || inferred > (spec.allowInferred ? 1 : 0)) return { must };
      return { value: v.slice() };
    }
  }
}

function defaultOf(spec: ParamSpec): unknown {
  if (spec.kind === 'intPair') return typeof spec.default === 'number' ? [spec.default, spec.default] : [spec.default[0], spec.default[1]];
  if (spec.kind === 'ints') return spec.default.slice();
  return spec.default;
}

/** Levenshtein distance, for "did you mean" on misspelt param names. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/**
 * Fills defaults for missing params (null counts as missing), normalises intPairs to
 * [h, w], and checks kinds, ranges, enum options and unknown names. nodeId, when given,
 * is named in each message ("Conv2D c3 param ..."). An invalid value is replaced by its
 * default in `params`, so a caller may still preview the layer, but `errors` must be shown.
 */
export function normalizeParams<P = Record<string, unknown>>(spec: LayerSpec<P>, raw: Params, nodeId?: string): NormalizedParams<P> {
  const node = nodeId ? `${spec.type} ${nodeId}` : spec.type;
  const specs = spec.params as Record<string, ParamSpec>;
  const known = Object.keys(specs);
  const params: Record<string, unknown> = {};
  const errors: ParamError[] = [];
  const problem = (field: string, text: Message) => errors.push({ field, message: english(text), text });
  // Param names travel as data, so a UI can show them as its properties panel labels them.
  const named = (field: string) => paramArg(spec.type, field);
  for (const field of known) {
    const ps = specs[field];
    const v = Object.prototype.hasOwnProperty.call(raw, field) ? raw[field] : undefined;
    if (v === undefined || v === null) {
      params[field] = defaultOf(ps);
      continue;
    }
    if (isParamRef(v)) {
      problem(field, msg('param.unresolvedRef', { node, field: named(field), param: paramArg(BLOCK_NODE_TYPE, v.$param) }));
      params[field] = defaultOf(ps);
      continue;
    }
    const r = check(ps, v);
    if ('value' in r) params[field] = r.value;
    else {
      problem(field, msg('param.invalid', { node, field: named(field), must: r.must, value: formatValue(v) }));
      params[field] = defaultOf(ps);
    }
  }
  for (const field of Object.keys(raw)) {
    if (known.includes(field)) continue;
    if (known.length === 0) {
      problem(field, msg('param.noParams', { node, field: named(field) }));
      continue;
    }
    const best = known.map((k) => ({ k, d: distance(field, k) })).sort((a, b) => a.d - b.d)[0];
    const hint = best.d <= Math.max(2, Math.floor(field.length / 3)) ? msg('param.didYouMean', { best: named(best.k) }) : '';
    problem(field, msg('param.unknown', { node, field: named(field), known: list(known.map(named), 'comma'), hint }));
  }
  return { params: params as P, errors };
}

/** The defaults of a layer's params, as a document stores them (intPairs as written, e.g. 3). */
export function defaultParams(spec: LayerSpec<any>): Params {
  const out: Params = {};
  for (const [field, ps] of Object.entries(spec.params as Record<string, ParamSpec>)) {
    out[field] = Array.isArray(ps.default) ? (ps.default.slice() as number[]) : ps.default;
  }
  return out;
}
