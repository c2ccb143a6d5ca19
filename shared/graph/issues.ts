// Turns zod's issues into sentences that name the bad field by its document path, e.g.
// `nodes[3].position.x must be a number, not "abc"`.
import type { z } from 'zod';
import { formatPath } from './format';

const EXPECTED_IN_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

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

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const path = formatPath(issue.path);
  const value = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED_IN_WORDS[issue.expected] ?? issue.expected;
      if (value === undefined) return `${path} is missing; it must be ${expected}.`;
      if (issue.expected === 'number' && typeof value === 'number') return `${path} must be a finite number, not ${showValue(value)}.`;
      return `${path} must be ${expected}, not ${showValue(value)}.`;
    }
    case 'invalid_value': {
      const options = issue.values.map((o) => JSON.stringify(o));
      const want = options.length === 1 ? options[0] : `one of ${options.join(', ')}`;
      return `${path} must be ${want}, not ${showValue(value)}.`;
    }
    case 'too_small': {
      if (issue.origin === 'string') return `${path} must not be empty.`;
      if (issue.origin === 'array') return `${path} must have at least ${issue.minimum} item(s).`;
      return `${path} must be at least ${issue.minimum}, not ${showValue(value)}.`;
    }
    case 'too_big': {
      if (issue.origin === 'array') return `${path} must have at most ${issue.maximum} item(s).`;
      return `${path} must be at most ${issue.maximum}, not ${showValue(value)}.`;
    }
    case 'unrecognized_keys':
      return `${path} has unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; remove them.`;
    default: {
      // Custom and union messages in our schemas are written as "must be ..." clauses.
      const message = issue.message.replace(/\.$/, '');
      return `${path} ${message}${value === undefined ? '' : `, not ${showValue(value)}`}.`;
    }
  }
}

/** One sentence per issue, in document order, without repeats. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  return [...new Set(issues.map((i) => describeIssue(i, input)))];
}
