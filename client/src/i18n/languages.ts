import type common from './locales/en/common.json';
import type member from './locales/en/member.json';
import type workbench from './locales/en/workbench.json';

/** English is the source of the keys: a key in none of the English catalogues is a type error where it is used. */
export type MessageKey = keyof typeof common | keyof typeof member | keyof typeof workbench;

export const LANGUAGES = ['en', 'nl', 'fr'] as const;
export type Lang = (typeof LANGUAGES)[number];

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
