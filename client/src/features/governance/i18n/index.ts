import { useMemo } from 'react';
import type { DecisionType } from '@shared/schemas/common';
import { LOCALES, useI18n, type Lang } from '../../../i18n';
import { formatZonedDateTime } from '../../../i18n/format';
import { en, type GovernanceMessageKey } from './en';
import { fr } from './fr';
import { nl } from './nl';

export type { GovernanceMessageKey };

/**
 * The governance screens' own words, in the three languages of the app. They live with the feature
 * (rather than in the shared dictionary) so that staff texts neither weigh on a member's first load
 * nor collide with the member portal's keys.
 */
export const governanceDictionaries: Record<Lang, Record<GovernanceMessageKey, string>> = { en, nl, fr };

export type Values = Record<string, string | number>;

/** Fills `{name}` placeholders; an unknown one stays visible rather than vanishing. */
export function translateGovernance(lang: Lang, key: GovernanceMessageKey, values?: Values): string {
  const template = governanceDictionaries[lang][key] || en[key];
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

export const placeholdersOf = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** Rollup days are UTC calendar days: shown as such, never shifted by the reader's zone. */
function dayFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = dayFormats.get(key);
  if (!format) dayFormats.set(key, (format = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', ...options })));
  return format;
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

export function useGovernanceI18n() {
  const i18n = useI18n();
  return useMemo(() => {
    const { lang } = i18n;
    const t = (key: GovernanceMessageKey, values?: Values) => translateGovernance(lang, key, values);
    let rules = pluralRules.get(lang);
    if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(LOCALES[lang])));
    const select = rules;
    return {
      ...i18n,
      t,
      /** The shared dictionary, for words the whole app uses (decision types, retry, loading). */
      tApp: i18n.t,
      typeName: (type: DecisionType) => i18n.t(`decisionType.${type}`),
      /** `{count}` with the noun in the right number: keys `<base>.one` and `<base>.other`. */
      count: (base: 'count.decisions' | 'count.chains' | 'count.events' | 'count.anchors' | 'count.cases', count: number) =>
        t(`${base}.${select.select(count) === 'one' ? 'one' : 'other'}`, { count: i18n.formatNumber(count, 0) }),
      /** "27 August 2026" for a YYYY-MM-DD day. */
      formatDay: (day: string) => dayFormat(lang, { dateStyle: 'long' }).format(new Date(`${day}T00:00:00Z`)),
      /** "27 Aug" for chart axes. */
      formatDayShort: (day: string) => dayFormat(lang, { day: 'numeric', month: 'short' }).format(new Date(`${day}T00:00:00Z`)),
      /** "Aug 2026". */
      formatMonth: (day: string) => dayFormat(lang, { month: 'short', year: 'numeric' }).format(new Date(`${day}T00:00:00Z`)),
      /** An instant, to the second, on the insurer's clock with its zone named (audit events, anchors, checks). */
      formatInstant: (iso: string) => formatZonedDateTime(lang, iso),
      /** A rate that may be undefined (no denominator): a dash, never a false 0 %. */
      formatRate: (rate: number | null) => (rate === null ? '—' : i18n.formatPercent(rate)),
    };
  }, [i18n]);
}

export type GovernanceI18n = ReturnType<typeof useGovernanceI18n>;
