// Messages a user can meet (layer and graph errors, fix titles, template errors) as data:
// a code naming the sentence and the values it mentions. The English sentence is written in
// exactly one place (EN_MESSAGES) and rendered here, so the CLI prints it unchanged while a UI
// renders the same code from its own table in another language.
import { EN_MESSAGES } from './en';

export { EN_MESSAGES } from './en';

export type MessageCode = keyof typeof EN_MESSAGES;

export const MESSAGE_CODES = Object.keys(EN_MESSAGES) as MessageCode[];

export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === 'string' && Object.hasOwn(EN_MESSAGES, code);
}

/**
 * How the items of a list are joined; each language writes its own conjunctions:
 * and "a, b and c"; or "a, b or c"; comma "a, b, c"; andEach "a and b and c" (long items,
 * each a clause); slash "a / b"; arrow "a → b → c" (a path through the graph); sentences
 * one after another; clauses "a; b; c" (sentences without their full stops, in one sentence).
 */
export const LIST_JOINS = ['and', 'or', 'comma', 'andEach', 'slash', 'arrow', 'sentences', 'clauses'] as const;
export type ListJoin = (typeof LIST_JOINS)[number];

export interface MessageList {
  list: readonly MessageArg[];
  join: ListJoin;
}

/** A block definition's name: a UI may show a built-in block's name in its own language. */
export interface BlockNameArg {
  blockName: string;
  blockId: string;
}

/**
 * A param of a layer type ('Block' for a block instance's params): English names it by its
 * key as documents write it; a UI may show the label its properties panel gives it. `label`
 * is a block param's own label, when its definition has one.
 */
export interface ParamNameArg {
  param: string;
  layer: string;
  label?: string;
}

/**
 * A value a message mentions. Strings and numbers are written as they are (ids, shapes such
 * as [8, 8, 16], quoted values): they read the same in every language. Words go in a nested
 * Message or a list, so they are translated too.
 */
export type MessageArg = string | number | Message | MessageList | BlockNameArg | ParamNameArg;

export interface Message {
  code: MessageCode;
  args: Readonly<Record<string, MessageArg>>;
}

/** The names of a template's {placeholders}; `{n|one|many}` (an English plural) is named n. */
type PlaceholderNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? (P extends `${infer N}|${string}` ? N : P) | PlaceholderNames<Rest>
  : never;

/** Exactly the args a code's English template uses, so a missing or misspelt one fails to compile. */
export type MessageArgs<C extends MessageCode> = { readonly [K in PlaceholderNames<(typeof EN_MESSAGES)[C]>]: MessageArg };

export function msg<C extends MessageCode>(code: C, args: MessageArgs<C>): Message {
  return { code, args: args as Readonly<Record<string, MessageArg>> };
}

export function list(items: readonly MessageArg[], join: ListJoin): MessageList {
  return { list: items, join };
}

export function blockNameArg(blockId: string, blockName: string): BlockNameArg {
  return { blockId, blockName };
}

export function paramArg(layer: string, param: string, label?: string): ParamNameArg {
  return label === undefined ? { layer, param } : { layer, param, label };
}

/** What a language supplies to render messages: a template per code and its way of joining lists. */
export interface MessageLanguage {
  templates: Readonly<Record<MessageCode, string>>;
  join: Readonly<Record<ListJoin, (items: string[]) => string>>;
  /** A block's name in this language (built-in blocks are named in English in documents). */
  blockName?: (blockId: string, name: string) => string;
  /** A param's name in this language; without it, the param's key. */
  paramName?: (arg: ParamNameArg) => string;
}

/** "a, b and c" with the given last conjunction. */
export function joinWithLast(items: readonly string[], between: string, last: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(between)}${last}${items[items.length - 1]}`;
}

export const ENGLISH: MessageLanguage = {
  templates: EN_MESSAGES,
  join: {
    and: (items) => joinWithLast(items, ', ', ' and '),
    or: (items) => joinWithLast(items, ', ', ' or '),
    comma: (items) => items.join(', '),
    andEach: (items) => items.join(' and '),
    slash: (items) => items.join(' / '),
    arrow: (items) => items.join(' → '),
    sentences: (items) => items.join(' '),
    clauses: (items) => items.map((item) => item.replace(/\.$/, '')).join('; '),
  },
};

const PLACEHOLDER = /\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g;

function isMessage(a: MessageArg): a is Message {
  return 'code' in (a as object);
}

function renderArg(arg: MessageArg, language: MessageLanguage): string {
  // Malformed documents can put undefined or null where an id belongs: written as JavaScript would.
  if (arg === null || typeof arg !== 'object') return String(arg);
  if (isMessage(arg)) return renderMessage(arg, language);
  if ('list' in arg) return language.join[arg.join](arg.list.map((a) => renderArg(a, language)));
  if ('param' in arg) return language.paramName ? language.paramName(arg) : arg.param;
  return language.blockName ? language.blockName(arg.blockId, arg.blockName) : arg.blockName;
}

/**
 * The message in a language. A code the language lacks falls back to English; a placeholder
 * without a value stays visible as {name} rather than vanishing from the sentence.
 */
export function renderMessage(m: Message, language: MessageLanguage): string {
  const template = language.templates[m.code] ?? EN_MESSAGES[m.code] ?? m.code;
  return template.replace(PLACEHOLDER, (whole, name: string, one: string | undefined, many: string | undefined) => {
    if (!Object.hasOwn(m.args, name)) return whole;
    const arg = m.args[name];
    if (one !== undefined) return arg === 1 ? one : (many ?? '');
    return renderArg(arg, language);
  });
}

export function english(m: Message): string {
  return renderMessage(m, ENGLISH);
}

/** Every {placeholder} name of a template, sorted, plural forms included: for checking translations. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((x) => x[1]))].sort();
}
