import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionType } from '@shared/schemas/common';
import { LOCALES, useI18n, type Lang, type MessageValues } from '../../../i18n';
import { formatZonedDateTime } from '../../../i18n/format';
import type en from '../../../i18n/locales/en/governance.json';

/**
 * The governance screens' own words live in the `governance` namespace, fetched when a governance
 * screen first renders (it suspends until then), so staff texts neither weigh on a member's first
 * load nor collide with the member portal's keys.
 */
export type GovernanceMessageKey = keyof typeof en;

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** Rollup days are UTC calendar days: shown as such, never shifted by the reader's zone. */
function dayFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = dayFormats.get(key);
  if (!format) dayFormats.set(key, (format = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', ...options })));
  return format;
}

export function useGovernanceI18n() {
  const i18n = useI18n();
  const { i18n: i18next } = useTranslation('governance');
  return useMemo(() => {
    const { lang } = i18n;
    const translate = i18next.getFixedT(lang, 'governance');
    const t = (key: GovernanceMessageKey, values?: MessageValues) => translate(key, { ...values });
    return {
      ...i18n,
      t,
      /** The app's own catalogues (common, member, workbench), for words used beyond governance (decision types, retry, loading). */
      tApp: i18n.t,
      typeName: (type: DecisionType) => i18n.t(`decisionType.${type}`),
      /** A number with its noun in the right plural form (ICU plural messages). */
      count: (key: 'count.decisions' | 'count.chains' | 'count.events' | 'count.anchors' | 'count.cases', count: number) => t(key, { count }),
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
  }, [i18n, i18next]);
}

export type GovernanceI18n = ReturnType<typeof useGovernanceI18n>;
