import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { enUS } from './en-US';
import { zhCN, type MessageKey } from './zh-CN';

export type Language = 'zh-CN' | 'en-US';
export const catalogues = { 'zh-CN': zhCN, 'en-US': enUS } as const;

const STORAGE_KEY = 'parkline.language';

/** Replaces `{name}` in a message with the variable of that name. */
export function format(message: string, variables?: Record<string, string | number>): string {
  if (!variables) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in variables ? String(variables[name]) : whole,
  );
}

export type Translate = (key: MessageKey, variables?: Record<string, string | number>) => string;

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  /** Picks the Chinese or English variant of a catalogue text (`name` / `nameEn`). */
  pick: (zh: string, en?: string | null) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

/** The language the user chose, as the API is asked to answer in too. */
export function chosenLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en-US' || saved === 'zh-CN' ? saved : 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(chosenLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const messages = catalogues[language];
    return {
      language,
      setLanguage,
      t: (key, variables) => format(messages[key], variables),
      pick: (zh, en) => (language === 'en-US' && en ? en : zh),
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
