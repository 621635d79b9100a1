import { en, type Dictionary, type MessageKey } from './en';
import { fr } from './fr';
import { nl } from './nl';

export type { Dictionary, MessageKey };

export const LANGUAGES = ['en', 'nl', 'fr'] as const;
export type Lang = (typeof LANGUAGES)[number];

export const dictionaries: Record<Lang, Dictionary> = { en, nl, fr };

/** Each language's own name, so a reader finds theirs whatever language is showing. */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', nl: 'Nederlands', fr: 'Français' };

export { LOCALES } from '@shared/format';

export const isLang = (value: unknown): value is Lang => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** The first of the browser's preferred languages that we speak; English otherwise. */
export function guessLanguage(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

export type MessageValues = Record<string, string | number>;

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function translate(lang: Lang, key: MessageKey, values?: MessageValues): string {
  const template = dictionaries[lang][key] || en[key];
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

export const placeholdersOf = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
