import { english, type Message } from '../i18n/messages';

/** A template asked for with options it cannot build (bad depth, bad input shape...). */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  /** The message as a code and args, so a UI can show it in its own language (not enumerable, like `message`). */
  declare readonly text?: Message;
  constructor(message: string | Message) {
    super(typeof message === 'string' ? message : english(message));
    if (typeof message !== 'string') Object.defineProperty(this, 'text', { value: message });
  }
}
