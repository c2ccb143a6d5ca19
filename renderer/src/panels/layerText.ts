// Layer and param text in the current language: the catalog's English, or its Chinese.
import type { ParamSpec } from '../../../shared/catalog/types';
import { isLayerType } from '../../../shared/catalog';
import type { Translate } from '../i18n';
import { useLanguage } from '../i18n';
import { ZH_LAYER_DESCRIPTIONS, ZH_PARAMS } from '../i18n/layerText';

function chinese(): boolean {
  return useLanguage.getState().language === 'zh';
}

export function describeLayer(type: string, english: string, _t?: Translate): string {
  if (chinese() && isLayerType(type)) return ZH_LAYER_DESCRIPTIONS[type];
  return english;
}

export function paramText(layerType: string, name: string, spec: Pick<ParamSpec, 'label' | 'help'> | { label?: string; help?: string }): { label: string; help?: string } {
  if (chinese()) {
    const zh = ZH_PARAMS[`${layerType}.${name}`] ?? ZH_PARAMS[name];
    if (zh) return zh;
  }
  return { label: spec.label ?? name, help: spec.help };
}
