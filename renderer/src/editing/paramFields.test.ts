import { describe, expect, it } from 'vitest';
import { getLayer } from '../../../shared/catalog';
import type { ParamSpec } from '../../../shared/catalog/types';
import { parseField, parseRef } from './paramFields';

const spec = (type: string, name: string) => getLayer(type)!.params[name] as ParamSpec;

describe('properties fields', () => {
  it('accepts good values and converts them', () => {
    expect(parseField(spec('Conv2D', 'filters'), '64')).toEqual({ ok: true, value: 64 });
    expect(parseField(spec('Conv2D', 'kernelSize'), '3, 1')).toEqual({ ok: true, value: [3, 1] });
    expect(parseField(spec('Conv2D', 'strides'), '2')).toEqual({ ok: true, value: 2 });
    expect(parseField(spec('Input', 'shape'), '32x32x3')).toEqual({ ok: true, value: [32, 32, 3] });
    expect(parseField(spec('Dropout', 'rate'), '0.25')).toEqual({ ok: true, value: 0.25 });
    expect(parseField(spec('Conv2D', 'padding'), 'valid')).toEqual({ ok: true, value: 'valid' });
  });
  it('refuses garbage with the reason for the inline error', () => {
    expect(parseField(spec('Conv2D', 'filters'), '')).toMatchObject({ ok: false, error: 'field.required' });
    expect(parseField(spec('Conv2D', 'filters'), '6.5')).toMatchObject({ ok: false, error: 'field.int' });
    expect(parseField(spec('Conv2D', 'filters'), '0')).toMatchObject({ ok: false, error: 'field.min', vars: { min: 1 } });
    expect(parseField(spec('Dropout', 'rate'), '1')).toMatchObject({ ok: false, error: 'field.below' });
    expect(parseField(spec('Dropout', 'rate'), 'abc')).toMatchObject({ ok: false, error: 'field.number' });
    expect(parseField(spec('Conv2D', 'kernelSize'), '3, 3, 3')).toMatchObject({ ok: false, error: 'field.pair' });
    expect(parseField(spec('Input', 'shape'), '32, -1')).toMatchObject({ ok: false, error: 'field.ints' });
    expect(parseField(spec('Conv2D', 'padding'), 'full')).toMatchObject({ ok: false, error: 'field.option' });
  });
  it('reads references to block params inside a block definition', () => {
    expect(parseRef('@filters*4', ['filters', 'stride'])).toEqual({ ok: true, value: { $param: 'filters', scale: 4 } });
    expect(parseRef('@stride', ['filters', 'stride'])).toEqual({ ok: true, value: { $param: 'stride' } });
    expect(parseRef('@width', ['filters'])).toMatchObject({ ok: false, error: 'field.refUnknown' });
  });
});
