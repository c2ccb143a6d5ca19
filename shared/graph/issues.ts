// Turns zod's issues into sentences that name the bad field by its document path, e.g.
// `nodes[3].position.x must be a number, not "abc"`: as messages (code and args), so a UI
// can show them in its own language, and as the English sentences the CLI prints.
import type { z } from 'zod';
import { english, list, msg, type Message, type MessageArg, type MessageCode } from '../i18n/messages';
import { formatPath } from './format';

type ExpectedCode = Extract<MessageCode, `expected.${string}`>;

const EXPECTED: Record<string, ExpectedCode> = {
  number: 'expected.number',
  int: 'expected.int',
  string: 'expected.string',
  boolean: 'expected.boolean',
  array: 'expected.array',
  object: 'expected.object',
  record: 'expected.object',
  null: 'expected.null',
};

/** The schemas' own clauses, by their English text: a zod error message is one of these. */
const CLAUSES = ['clause.paramValue', 'clause.scalar', 'clause.default', 'clause.option'] as const;
type ClauseCode = (typeof CLAUSES)[number];
const REF_EXAMPLE = '{"$param": ...}';

/** The English text a schema gives zod as the error of a clause (e.g. a union's). */
export function clauseText(code: ClauseCode): string {
  return english(clause(code));
}

function clause(code: ClauseCode): Message {
  return code === 'clause.paramValue' ? msg(code, { ref: REF_EXAMPLE }) : msg(code, {});
}

function clauseByText(text: string): Message | null {
  const code = CLAUSES.find((c) => clauseText(c) === text);
  return code ? clause(code) : null;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** A short rendering of a bad value for a message. */
export function showValue(v: unknown): string {
  if (v === undefined) return 'missing';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  let text: string;
  try {
    text = JSON.stringify(v) ?? String(v);
  } catch {
    text = String(v);
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** A document path for a message; the empty path is the document itself, in words. */
export function pathArg(path: readonly PropertyKey[]): MessageArg {
  return path.length ? formatPath(path) : msg('path.document', {});
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): Message {
  const path = pathArg(issue.path);
  const raw = valueAt(input, issue.path);
  const value = showValue(raw);
  switch (issue.code) {
    case 'invalid_type': {
      const code = EXPECTED[issue.expected];
      const expected = code ? msg(code, {}) : issue.expected;
      if (raw === undefined) return msg('issue.missing', { path, expected });
      if (issue.expected === 'number' && typeof raw === 'number') return msg('issue.notFinite', { path, value });
      return msg('issue.wrongType', { path, expected, value });
    }
    case 'invalid_value': {
      const options = issue.values.map((o) => String(JSON.stringify(o)));
      const expected = options.length === 1 ? options[0] : msg('must.oneOf', { options: list(options, 'comma') });
      return msg('issue.wrongType', { path, expected, value });
    }
    case 'too_small': {
      if (issue.origin === 'string') return msg('issue.empty', { path });
      if (issue.origin === 'array') return msg('issue.tooFewItems', { path, min: Number(issue.minimum) });
      return msg('issue.tooSmall', { path, min: Number(issue.minimum), value });
    }
    case 'too_big': {
      if (issue.origin === 'array') return msg('issue.tooManyItems', { path, max: Number(issue.maximum) });
      return msg('issue.tooBig', { path, max: Number(issue.maximum), value });
    }
    case 'unrecognized_keys':
      return msg('issue.unknownKeys', { path, keys: list(issue.keys.map((k) => `"${k}"`), 'comma') });
    default: {
      // Custom and union messages in our schemas are written as "must be ..." clauses.
      const text = issue.message.replace(/\.$/, '');
      const not = raw === undefined ? '' : msg('issue.notValue', { value });
      return msg('issue.custom', { path, clause: clauseByText(text) ?? text, not });
    }
  }
}

/** One message per issue, in document order, without repeats. */
export function issueMessages(issues: readonly z.core.$ZodIssue[], input: unknown): Message[] {
  const seen = new Set<string>();
  const out: Message[] = [];
  for (const issue of issues) {
    const text = describeIssue(issue, input);
    const sentence = english(text);
    if (seen.has(sentence)) continue;
    seen.add(sentence);
    out.push(text);
  }
  return out;
}

/** One English sentence per issue, in document order, without repeats. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  return issueMessages(issues, input).map(english);
}
