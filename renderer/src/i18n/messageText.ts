// What shared/ says to the user (layer and graph errors, fix titles, template errors) in the
// current language. English shows the sentence shared/ wrote; Chinese renders the same message
// code and args from ZH_MESSAGES. Anything without a code (a message from an older or newer
// Node side) is shown as it came.
import { joinWithLast, renderMessage, type Message, type MessageLanguage } from '../../../shared/i18n/messages';
import { blockName, chineseParamLabel } from '../panels/layerText';
import { useLanguage, type Language } from './index';
import { ZH_MESSAGES } from './zhMessages';

export const CHINESE_MESSAGES: MessageLanguage = {
  templates: ZH_MESSAGES,
  join: {
    and: (items) => joinWithLast(items, '、', ' 和 '),
    or: (items) => joinWithLast(items, '、', ' 或 '),
    comma: (items) => items.join('、'),
    andEach: (items) => items.join('，并在'),
    slash: (items) => items.join(' / '),
    arrow: (items) => items.join(' → '),
    sentences: (items) => items.join(''),
    clauses: (items) => items.map((item) => item.replace(/[。.]$/, '')).join('；'),
  },
  // Built-in residual blocks carry English names in documents; show them as the palette does.
  blockName: (id, name) => blockName({ id, name }),
  // Params by the labels the properties panel gives them, not by their keys.
  paramName: ({ layer, param, label }) => chineseParamLabel(layer, param, label),
};

/** An error, a fix, a thrown TemplateError or StudioApiError: its English text plus, usually, its message. */
export interface Said {
  message?: string;
  title?: string;
  text?: Message;
}

export function saidIn(language: Language, said: Said): string {
  const english = said.message ?? said.title ?? '';
  if (language === 'en' || !said.text) return english;
  return renderMessage(said.text, CHINESE_MESSAGES);
}

/** For code outside React: the current language. */
export function sayNow(said: Said): string {
  return saidIn(useLanguage.getState().language, said);
}

/** Current-language rendering of shared/ messages; components re-render when the language changes. */
export function useSay(): (said: Said) => string {
  const language = useLanguage((s) => s.language);
  return (said) => saidIn(language, said);
}

/** What anything thrown says: its sentence, and its message data when it carries some. */
export function saidBy(error: unknown): Said {
  if (!(error instanceof Error)) return { message: String(error) };
  const text = (error as { text?: Message }).text;
  return text ? { message: error.message, text } : { message: error.message };
}
