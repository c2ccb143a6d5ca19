// Runtime-switchable UI language. Dictionaries are typed: the Chinese one must have every
// key of the English one (the compiler checks it, and a unit test checks nothing is empty).
import { create } from 'zustand';
import { en, type MessageKey } from './en';
import { zh } from './zh';

export type { MessageKey } from './en';
export type Language = 'en' | 'zh';
export type Vars = Record<string, string | number>;

export const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { en, zh };
export const LANGUAGES: { id: Language; name: string }[] = [
  { id: 'en', name: 'English' },
  { id: 'zh', name: '简体中文' },
];

const STORAGE_KEY = 'reswire.language';

function initialLanguage(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh') return saved;
    if (globalThis.navigator?.language?.toLowerCase().startsWith('zh')) return 'zh';
  } catch {
    // Storage can be unavailable (private mode, file URLs); English is a fine default.
  }
  return 'en';
}

interface LanguageState {
  language: Language;
  setLanguage(language: Language): void;
}

export const useLanguage = create<LanguageState>((set) => ({
  language: initialLanguage(),
  setLanguage(language) {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, language);
    } catch {
      // Not remembered across launches, but still switched now.
    }
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    set({ language });
  },
}));

export function translate(language: Language, key: MessageKey, vars?: Vars): string {
  const template = DICTIONARIES[language][key] ?? en[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export type Translate = (key: MessageKey, vars?: Vars) => string;

/** Current-language translate function; components re-render when the language changes. */
export function useT(): Translate {
  const language = useLanguage((s) => s.language);
  return (key, vars) => translate(language, key, vars);
}

/** For code outside React (toasts raised by store actions). */
export function t(key: MessageKey, vars?: Vars): string {
  return translate(useLanguage.getState().language, key, vars);
}
