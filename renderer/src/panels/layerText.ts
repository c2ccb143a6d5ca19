// Layer and param text in the current language: the catalog's English, or its Chinese.
import type { ParamSpec } from '../../../shared/catalog/types';
import type { BlockDefinition } from '../../../shared/graph/types';
import { RESIDUAL_BLOCKS } from '../../../shared/templates/blocks';
import { isLayerType } from '../../../shared/catalog';
import { t, useLanguage, type MessageKey, type Translate } from '../i18n';
import { ZH_LAYER_DESCRIPTIONS, ZH_OPTIONS, ZH_PARAMS } from '../i18n/layerText';

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

/** A param's label in Chinese, as the properties panel shows it (a block param's own label, else its name). */
export function chineseParamLabel(layerType: string, name: string, label?: string): string {
  return (ZH_PARAMS[`${layerType}.${name}`] ?? ZH_PARAMS[name])?.label ?? label ?? name;
}

/** The label of an enum choice; the value it stands for is unchanged. */
export function optionText(value: string): string {
  return (chinese() && ZH_OPTIONS[value]) || value;
}

/** A built-in residual block keeps its translated name and description until the user renames it. */
function builtIn(def: Pick<BlockDefinition, 'id' | 'name' | 'description'>) {
  const base = def.id.replace(/-plain$/, '');
  const original = RESIDUAL_BLOCKS[base]?.definition;
  const keys = RESIDUAL_TEXT[base];
  if (!original || !keys) return null;
  return { original, keys, plain: base !== def.id };
}

export function blockName(def: Pick<BlockDefinition, 'id' | 'name' | 'description'>): string {
  const b = builtIn(def);
  if (!b || !chinese()) return def.name;
  const name = t(b.keys[0]);
  if (def.name === b.original.name) return name;
  if (b.plain && def.name === `${b.original.name} (plain)`) return `${name}（${t('block.plainSuffix')}）`;
  return def.name;
}

export function blockDescription(def: Pick<BlockDefinition, 'id' | 'name' | 'description'>): string | undefined {
  const b = builtIn(def);
  if (b && chinese() && def.description === b.original.description) return t(b.keys[1]);
  return def.description;
}

/** Names of the built-in residual blocks in the user's language. */
export const RESIDUAL_TEXT: Record<string, [MessageKey, MessageKey]> = {
  basic: ['residual.basic', 'residual.basicText'],
  bottleneck: ['residual.bottleneck', 'residual.bottleneckText'],
  'preact-basic': ['residual.preactBasic', 'residual.preactBasicText'],
  'preact-bottleneck': ['residual.preactBottleneck', 'residual.preactBottleneckText'],
};
