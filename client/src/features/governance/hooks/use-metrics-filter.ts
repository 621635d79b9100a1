import { useSearchParams } from 'react-router';
import { DecisionType } from '@shared/schemas/common';
import { MetricsDay } from '@shared/schemas/metrics';
import type { MetricsFilter } from '../api/metrics-filter';
import { FeatureName } from '@shared/schemas/decision';

export const DEFAULT_PERIOD_DAYS = 90;

/** Today as a UTC calendar day: the rollups count decisions by the UTC day of `decidedAt`. */
export const todayUtc = (now: Date = new Date()) => now.toISOString().slice(0, 10);

export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The last 90 days, today included. */
export const defaultPeriod = (today: string = todayUtc()) => ({ from: addDays(today, -(DEFAULT_PERIOD_DAYS - 1)), to: today });

export const isDay = (value: string | null | undefined): value is string => MetricsDay.safeParse(value).success;

/**
 * The dashboard's selection lives in the address, so a reload, the back button and a link sent to
 * a colleague show the same numbers. Anything unreadable falls back to the default.
 */
export function useMetricsFilter(): {
  filter: MetricsFilter;
  /** The fairness attribute asked for; without one the server's first monitored attribute. */
  attribute: string | undefined;
  /** Fairness pooled over types and models, only when asked for. */
  pooled: boolean;
  set(changes: Record<string, string | null>): void;
} {
  const [params, setParams] = useSearchParams();
  const fallback = defaultPeriod();
  let from = params.get('from');
  let to = params.get('to');
  if (!isDay(from) || !isDay(to) || from > to) ({ from, to } = fallback);
  const type = DecisionType.safeParse(params.get('type')).data;
  const attribute = FeatureName.safeParse(params.get('attribute')).data;
  const pooled = params.get('pooled') === 'true';
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(name);
      else next.set(name, value);
    }
    setParams(next, { replace: true });
  };
  return { filter: { from, to, type }, attribute, pooled, set };
}
