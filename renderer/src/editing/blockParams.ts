// A block definition's own params: adding one (name, kind, default), changing one's default
// (and a choice's choices) in place, and removing one, as whole-document edits the store
// commits as one undoable step. A refusal is a message key for the inline error, never a
// half-applied edit.
import { isParamRef } from '../../../shared/graph/references';
import { BLOCK_NODE_TYPE, type BlockDefinition, type BlockParamSpec, type GraphDocument, type GraphNode } from '../../../shared/graph/types';
import type { MessageKey } from '../i18n/en';
import { parseField } from './paramFields';

export const BLOCK_PARAM_KINDS = ['int', 'float', 'bool', 'enum'] as const;
export type BlockParamKind = (typeof BLOCK_PARAM_KINDS)[number];

/** What the user typed into the "add a parameter" form. */
export interface BlockParamDraft {
  name: string;
  kind: BlockParamKind;
  /** The default as typed; for bool "true" or "false"; for enum empty means the first choice. */
  defaultText: string;
  /** enum only: the choices, separated by commas. */
  optionsText: string;
}

/** Which part of the form a refusal is about, so the form can mark that field. */
export type DraftField = 'name' | 'default' | 'options';

export interface Refusal {
  error: MessageKey;
  vars?: Record<string, string | number>;
  field?: DraftField;
  /** blockParam.inUse: the layers (type and id) and the conditional wires that still use the param. */
  users?: ParamUsers;
}

export interface ParamUsers {
  layers: string[];
  wires: { source: string; target: string }[];
  /** blockParam.choiceInUse: the ids of instances set to the choice. */
  instances?: string[];
}

export type BlockParamEdit = { ok: true; doc: GraphDocument } | ({ ok: false } & Refusal);

/** Names a {"$param": name} reference accepts (the @name syntax of the fields, too). */
const PARAM_NAME = /^[A-Za-z_]\w*$/;
/** Instances keep their definition's id in this param, so no block param may take it. */
const RESERVED = 'block';

const refuse = (error: MessageKey, field: DraftField, vars?: Record<string, string | number>): { ok: false } & Refusal => ({ ok: false, error, field, vars });

function checkName(def: BlockDefinition, raw: string): Refusal | null {
  const name = raw.trim();
  if (name === '') return { error: 'blockParam.nameRequired', field: 'name' };
  if (!PARAM_NAME.test(name)) return { error: 'blockParam.nameInvalid', field: 'name', vars: { name } };
  if (name === RESERVED) return { error: 'blockParam.nameReserved', field: 'name', vars: { name } };
  if (Object.hasOwn(def.params, name)) return { error: 'blockParam.nameTaken', field: 'name', vars: { name } };
  return null;
}

/** "1, 2, 4" as numbers; "relu, gelu" as strings. */
function parseOptions(text: string): { ok: true; options: (string | number)[] } | ({ ok: false } & Refusal) {
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length < 2) return refuse('blockParam.optionsNeeded', 'options');
  const repeated = parts.find((p, i) => parts.indexOf(p) !== i);
  if (repeated !== undefined) return refuse('blockParam.optionRepeated', 'options', { option: repeated });
  const numeric = parts.every((p) => /^[-+]?(\d+\.?\d*|\.\d+)$/.test(p));
  return { ok: true, options: numeric ? parts.map(Number) : parts };
}

type SpecResult = { ok: true; spec: BlockParamSpec } | ({ ok: false } & Refusal);

/** The default (and a choice's choices) as typed, for a kind; `limits` are a param's own min and max. */
function typedSpec(kind: BlockParamKind, defaultText: string, optionsText: string, limits: Pick<BlockParamSpec, 'min' | 'max'> = {}): SpecResult {
  if (kind === 'enum') {
    const parsed = parseOptions(optionsText);
    if (!parsed.ok) return parsed;
    const text = defaultText.trim();
    const choice = text === '' ? parsed.options[0] : parsed.options.find((o) => String(o) === text);
    if (choice === undefined) return refuse('blockParam.defaultNotOption', 'default', { options: parsed.options.join(', ') });
    return { ok: true, spec: { kind: 'enum', default: choice, options: parsed.options } };
  }
  const value = parseField({ kind, default: kind === 'bool' ? false : 0, min: limits.min, max: limits.max }, defaultText.trim());
  if (!value.ok) return refuse(value.error, 'default', value.vars);
  return { ok: true, spec: { kind, default: value.value as number | boolean } };
}

/** The spec a valid draft describes, or why it is not valid yet. */
export function draftSpec(def: BlockDefinition, draft: BlockParamDraft): { ok: true; name: string; spec: BlockParamSpec } | ({ ok: false } & Refusal) {
  const badName = checkName(def, draft.name);
  if (badName) return { ok: false, ...badName };
  const typed = typedSpec(draft.kind, draft.defaultText, draft.optionsText);
  return typed.ok ? { ok: true, name: draft.name.trim(), spec: typed.spec } : typed;
}

/** Adds a param to a definition; its instances show it with the default until set. */
export function addBlockParam(doc: GraphDocument, blockId: string, draft: BlockParamDraft): BlockParamEdit {
  const def = doc.blocks[blockId];
  if (!def) return { ok: false, error: 'blockParam.noBlock' };
  const made = draftSpec(def, draft);
  if (!made.ok) return made;
  const next: BlockDefinition = { ...def, params: { ...def.params, [made.name]: made.spec } };
  return { ok: true, doc: { ...doc, blocks: { ...doc.blocks, [blockId]: next } } };
}

/** Who inside the definition depends on the param: layers whose values or conditions name it, and conditional wires. */
export function blockParamUsers(def: BlockDefinition, name: string): ParamUsers {
  const layers = def.nodes
    .filter((n) => n.when?.param === name || Object.values(n.params).some((v) => isParamRef(v) && v.$param === name))
    .map((n) => `${n.type} ${n.id}`);
  const wires = def.edges.filter((e) => e.when?.param === name).map(({ source, target }) => ({ source, target }));
  return { layers, wires };
}

function withoutParam(nodes: GraphNode[], blockId: string, name: string): GraphNode[] {
  let changed = false;
  const out = nodes.map((n) => {
    if (n.type !== BLOCK_NODE_TYPE || n.params.block !== blockId || !Object.hasOwn(n.params, name)) return n;
    changed = true;
    const { [name]: _gone, ...params } = n.params;
    return { ...n, params };
  });
  return changed ? out : nodes;
}

/**
 * Removes a param the definition's layers no longer use, and the values its instances set for
 * it (anywhere in the document), so no instance is left with a param its block lacks.
 */
export function removeBlockParam(doc: GraphDocument, blockId: string, name: string): BlockParamEdit {
  const def = doc.blocks[blockId];
  if (!def || !Object.hasOwn(def.params, name)) return { ok: false, error: 'blockParam.noBlock' };
  const users = blockParamUsers(def, name);
  if (users.layers.length > 0 || users.wires.length > 0) return { ok: false, error: 'blockParam.inUse', vars: { name }, users };
  const { [name]: _gone, ...params } = def.params;
  const blocks: GraphDocument['blocks'] = {};
  for (const [id, b] of Object.entries(doc.blocks)) {
    const own = id === blockId ? { ...b, params } : b;
    const nodes = withoutParam(own.nodes, blockId, name);
    blocks[id] = nodes === own.nodes ? own : { ...own, nodes };
  }
  return { ok: true, doc: { ...doc, nodes: withoutParam(doc.nodes, blockId, name), blocks } };
}

/** What the user typed into an existing param's edit form; its name and kind stay as they are. */
export interface BlockParamChange {
  /** As in a draft: for bool "true" or "false"; for enum empty means the first choice. */
  defaultText: string;
  /** enum only: the choices, separated by commas. */
  optionsText: string;
}

/** The edit form's text for a param as it is. */
export function changeOf(spec: BlockParamSpec): BlockParamChange {
  return { defaultText: String(spec.default), optionsText: spec.kind === 'enum' ? (spec.options ?? []).join(', ') : '' };
}

/** Who still needs one choice of an enum param: instances set to it, and layers and wires that exist only for it. */
function choiceUsers(doc: GraphDocument, blockId: string, name: string, option: string | number): ParamUsers {
  const def = doc.blocks[blockId];
  const layers = def.nodes.filter((n) => n.when?.param === name && n.when.equals === option).map((n) => `${n.type} ${n.id}`);
  const wires = def.edges.filter((e) => e.when?.param === name && e.when.equals === option).map(({ source, target }) => ({ source, target }));
  const instances = [doc.nodes, ...Object.values(doc.blocks).map((b) => b.nodes)]
    .flat()
    .filter((n) => n.type === BLOCK_NODE_TYPE && n.params.block === blockId && n.params[name] === option)
    .map((n) => n.id);
  return { layers, wires, instances };
}

/** Checks what an edit form's spec would be, without touching the document (for errors as the user types). */
export function checkChange(doc: GraphDocument, blockId: string, name: string, change: BlockParamChange): SpecResult {
  const spec = doc.blocks[blockId]?.params[name];
  if (!spec) return { ok: false, error: 'blockParam.noBlock' };
  const typed = typedSpec(spec.kind, change.defaultText, change.optionsText, spec);
  if (!typed.ok) return typed;
  const next: BlockParamSpec = { ...spec, default: typed.spec.default, ...(spec.kind === 'enum' ? { options: typed.spec.options } : {}) };
  // A number param may offer fixed values (a stride of 1 or 2); its default is one of them.
  if (spec.kind !== 'enum' && spec.options && !spec.options.includes(next.default as number)) {
    return refuse('blockParam.defaultNotOption', 'default', { options: spec.options.join(', ') });
  }
  for (const option of spec.kind === 'enum' ? (spec.options ?? []) : []) {
    if (next.options?.includes(option)) continue;
    const users = choiceUsers(doc, blockId, name, option);
    if (users.layers.length + users.wires.length + (users.instances?.length ?? 0) > 0) {
      return { ok: false, error: 'blockParam.choiceInUse', field: 'options', vars: { option: String(option) }, users };
    }
  }
  return { ok: true, spec: next };
}

/**
 * Changes an existing param's default (and a choice's choices) in place, with the checks of
 * adding one. Instances that leave the param unset follow the new default; a choice still in
 * use cannot leave the list. An edit that changes nothing gives back the same document.
 */
export function changeBlockParam(doc: GraphDocument, blockId: string, name: string, change: BlockParamChange): BlockParamEdit {
  const checked = checkChange(doc, blockId, name, change);
  if (!checked.ok) return checked;
  const def = doc.blocks[blockId];
  const spec = def.params[name];
  if (spec.default === checked.spec.default && JSON.stringify(spec.options) === JSON.stringify(checked.spec.options)) return { ok: true, doc };
  const next: BlockDefinition = { ...def, params: { ...def.params, [name]: checked.spec } };
  return { ok: true, doc: { ...doc, blocks: { ...doc.blocks, [blockId]: next } } };
}
