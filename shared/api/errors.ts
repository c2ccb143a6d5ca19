// Turns a failed schema check into one sentence a person can act on, naming the field.
import type { z } from 'zod';
import { describeIssues } from '../graph/issues';
import { english, type Message } from '../i18n/messages';

/**
 * An API error that already reads as a sentence; adapters pass its message through untouched.
 * `text`, when there is one, is the same sentence as message data (code and args), which
 * travels with it so the UI can show it in its own language.
 */
export class StudioApiError extends Error {
  override name = 'StudioApiError';
  constructor(
    message: string,
    readonly text?: Message,
  ) {
    super(message);
  }

  /** The error of a message: its English is the error's message. */
  static of(text: Message): StudioApiError {
    return new StudioApiError(english(text), text);
  }
}

/**
 * A sentence for a schema failure: what was checked, what is wrong (at most three fields),
 * and what to do. `subject` reads like "The saveProject request".
 */
export function describeSchemaError(subject: string, error: z.ZodError, advice: string, input?: unknown): string {
  // Issues about the whole value would read "the document ..."; name it after what it is.
  const whole = /answer/i.test(subject) ? 'answer' : 'request';
  const issues = error.issues.map((i) => ({ ...i, path: [whole, ...i.path] }));
  const sentences = describeIssues(issues, { [whole]: input }).map((t) =>
    t.startsWith(`${whole}.`) || t.startsWith(`${whole}[`) ? t.slice(whole.length).replace(/^\./, '') : `the ${t}`,
  );
  const shown = sentences.slice(0, 3).map((t) => t.replace(/\.$/, ''));
  const more = sentences.length > 3 ? ` (and ${sentences.length - 3} more problems)` : '';
  return `${subject} is not valid: ${shown.join('; ')}${more}. ${advice}`;
}

/** Parses or throws a StudioApiError whose message is a sentence. */
export function parseOrExplain<S extends z.ZodType>(schema: S, value: unknown, subject: string, advice: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new StudioApiError(describeSchemaError(subject, result.error, advice, value));
  return result.data;
}

/** The message of anything thrown, as a sentence (never a stack trace). */
export function errorSentence(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  return 'Something went wrong on the studio side, and it gave no reason.';
}
