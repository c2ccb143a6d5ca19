import { describe, expect, it } from 'vitest';
import { LAYER_TYPES, LAYERS } from '../../../shared/catalog';
import { TEMPLATES } from '../../../shared/templates/registry';
import { en } from './en';
import { ZH_LAYER_DESCRIPTIONS, ZH_PARAMS } from './layerText';
import { ZH_TEMPLATES, ZH_TEMPLATE_OPTIONS } from './templateText';
import { zh } from './zh';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI dictionaries', () => {
  it('have the same keys in English and Chinese, none empty', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries({ ...en, ...zh })) expect(text.trim(), key).not.toBe('');
    for (const [key, text] of Object.entries(zh)) expect(text, key).not.toBe('');
  });
  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
  });
  it('translate every layer description and every param the properties panel shows', () => {
    for (const type of LAYER_TYPES) expect(ZH_LAYER_DESCRIPTIONS[type]?.trim(), type).toBeTruthy();
    for (const layer of LAYERS) {
      for (const name of Object.keys(layer.params)) {
        const zhText = ZH_PARAMS[`${layer.type}.${name}`] ?? ZH_PARAMS[name];
        expect(zhText?.label.trim(), `${layer.type}.${name}`).toBeTruthy();
      }
    }
  });
  it('translate every template and template option of the gallery', () => {
    for (const tpl of TEMPLATES) {
      expect(ZH_TEMPLATES[tpl.id]?.label, tpl.id).toBeTruthy();
      for (const name of Object.keys(tpl.options)) expect(ZH_TEMPLATE_OPTIONS[name]?.label, `${tpl.id}.${name}`).toBeTruthy();
    }
  });
});
