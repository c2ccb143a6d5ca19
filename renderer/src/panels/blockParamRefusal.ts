// The sentence for a refused edit of a block param, naming in this language the layers, wires
// and instances that stand in its way.
import type { Refusal } from '../editing/blockParams';
import type { Translate } from '../i18n';

export function refusalText(refusal: Refusal, t: Translate): string {
  const names = refusal.users && [
    ...refusal.users.layers,
    ...refusal.users.wires.map((w) => t('blockDef.wire', w)),
    ...(refusal.users.instances ?? []).map((id) => t('blockDef.instance', { id })),
  ];
  const users = names?.join(t('blockDef.listSeparator'));
  return t(refusal.error, users ? { ...refusal.vars, users } : refusal.vars);
}
