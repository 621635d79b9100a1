import type { UseFormRegisterReturn } from 'react-hook-form';
import { z } from 'zod';
import type { OverrideRange } from '@shared/schemas/case';
import type { Decision } from '@shared/schemas/decision';
import { ChoiceGroup, Field, type FieldIds } from '../../../components/form/form-field';
import { useI18n, type Translate } from '../../../i18n';
import { parseMoneyToCents } from '../../../lib/parse-money';

export type OverrideResult = { override: Record<string, unknown> } | { error: string; field: OverrideInput };

/** The override as the reader types it: money and points as text, choices as the radio and select values. */
export const OverrideInputs = {
  newPremium: z.string().nullish(),
  flagged: z.string().nullish(),
  action: z.string().nullish(),
  score: z.string().nullish(),
  band: z.string().nullish(),
};
export type OverrideInput = keyof typeof OverrideInputs;
export type OverrideValues = Partial<Record<OverrideInput, string | null>>;

/** The overrides policy's range for this decision, with its bounds in the reader's words. */
export interface AllowedRange {
  range: OverrideRange;
  words: { min: string; max: string };
}

/** Money for premiums, points out of 100 for scores, as the fields are typed. */
export function useAllowedRange(range: OverrideRange | null | undefined): AllowedRange | null {
  const { formatMoney, formatScorePoints } = useI18n();
  if (!range) return null;
  const words =
    range.field === 'newPremiumCents'
      ? { min: formatMoney(range.min, range.currency), max: formatMoney(range.max, range.currency) }
      : { min: formatScorePoints(range.min), max: formatScorePoints(range.max) };
  return { range, words };
}

/** The select's first choice: the decision's own value where it has one. */
export function overrideDefaults(decision: Decision): OverrideValues {
  switch (decision.type) {
    case 'fraud_flag':
      return { action: decision.effectiveOutcome.action === 'none' ? 'hold_payment' : decision.effectiveOutcome.action };
    case 'risk_score':
      return { band: decision.effectiveOutcome.band };
    default:
      return {};
  }
}

/**
 * The new outcome a reviewer proposes, one form per decision type. Its body is exactly the
 * server's type-specific override: renewal `{ newPremiumCents }`, fraud `{ flagged, action }`,
 * risk `{ score, band }`.
 */
export function readOverride(decision: Decision, form: OverrideValues, t: Translate, allowed: AllowedRange | null): OverrideResult {
  const outside = (value: number) => !!allowed && (value < allowed.range.min || value > allowed.range.max);
  switch (decision.type) {
    case 'renewal_price': {
      const cents = parseMoneyToCents(form.newPremium ?? '');
      if (cents === null) return { field: 'newPremium', error: t('override.premiumInvalid') };
      if (cents === decision.effectiveOutcome.newPremiumCents) return { field: 'newPremium', error: t('override.noChange') };
      if (outside(cents)) return { field: 'newPremium', error: t('override.outOfRange', allowed!.words) };
      return { override: { newPremiumCents: cents } };
    }
    case 'fraud_flag': {
      const flagged = form.flagged;
      if (flagged !== 'true' && flagged !== 'false') return { field: 'flagged', error: t('override.flaggedMissing') };
      const action = flagged === 'true' ? (form.action ?? '') : 'none';
      if (flagged === 'true' && action !== 'hold_payment' && action !== 'refer_investigation') return { field: 'action', error: t('override.actionMissing') };
      if ((flagged === 'true') === decision.effectiveOutcome.flagged && action === decision.effectiveOutcome.action) {
        return { field: 'flagged', error: t('override.noChange') };
      }
      return { override: { flagged: flagged === 'true', action } };
    }
    case 'risk_score': {
      const text = (form.score ?? '').replace(',', '.').trim();
      const points = Number(text);
      if (!text || !Number.isFinite(points) || points < 0 || points > 100) return { field: 'score', error: t('override.scoreInvalid') };
      const band = form.band ?? '';
      if (!['low', 'medium', 'high', 'very_high'].includes(band)) return { field: 'band', error: t('override.bandMissing') };
      const score = Math.round(points * 10) / 1000;
      if (outside(score)) return { field: 'score', error: t('override.outOfRange', allowed!.words) };
      if (score === decision.effectiveOutcome.score && band === decision.effectiveOutcome.band) return { field: 'score', error: t('override.noChange') };
      return { override: { score, band } };
    }
  }
}

/** What the override fields need of the form that holds them. */
export interface OverrideForm {
  register: (name: OverrideInput) => UseFormRegisterReturn;
  errorOf: (name: OverrideInput) => string | null;
  /** The fraud form's current choice, which decides whether an action is asked for. */
  flagged: string | null | undefined;
}

export function OverrideFields({ decision, allowed, form }: { decision: Decision; allowed: AllowedRange | null; form: OverrideForm }) {
  const { t, formatMoney, formatScorePoints } = useI18n();
  /** "Now €1,290.00." followed, when the policy bounds it, by "Allowed: €600.00 to €1,800.00." */
  const withRange = (now: string) => (allowed ? `${now} ${t('override.allowedRange', allowed.words)}` : now);
  /** An amount or a score typed as text, so the reader's own decimal comma is read, not refused by the browser. */
  const decimalInput = (name: 'newPremium' | 'score') => (ids: FieldIds, describedBy: string | undefined, invalid: true | undefined) => (
    <input
      id={ids.id}
      {...form.register(name)}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      aria-describedby={describedBy}
      aria-invalid={invalid}
      className="input-short"
    />
  );
  switch (decision.type) {
    case 'renewal_price': {
      const { newPremiumCents, currency } = decision.effectiveOutcome;
      return (
        <Field
          label={t('override.newPremium', { currency })}
          hint={withRange(t('override.newPremiumHint', { amount: formatMoney(newPremiumCents, currency) }))}
          error={form.errorOf('newPremium')}
        >
          {decimalInput('newPremium')}
        </Field>
      );
    }
    case 'fraud_flag':
      return (
        <>
          <ChoiceGroup legend={t('override.claimLegend', { claimId: decision.output.claimId })} error={form.errorOf('flagged')}>
            <label className="choice">
              <input type="radio" {...form.register('flagged')} value="false" /> {t('override.release')}
            </label>
            <label className="choice">
              <input type="radio" {...form.register('flagged')} value="true" /> {t('override.keepFlagged')}
            </label>
          </ChoiceGroup>
          {form.flagged === 'true' ? (
            <Field label={t('override.action')} error={form.errorOf('action')}>
              {({ id }, describedBy, invalid) => (
                <select id={id} {...form.register('action')} aria-describedby={describedBy} aria-invalid={invalid}>
                  <option value="hold_payment">{t('fraudAction.hold_payment')}</option>
                  <option value="refer_investigation">{t('fraudAction.refer_investigation')}</option>
                </select>
              )}
            </Field>
          ) : null}
        </>
      );
    case 'risk_score':
      return (
        <>
          <Field
            label={t('override.score')}
            hint={withRange(t('override.scoreHint', { score: formatScorePoints(decision.effectiveOutcome.score) }))}
            error={form.errorOf('score')}
          >
            {decimalInput('score')}
          </Field>
          <Field label={t('override.band')} error={form.errorOf('band')}>
            {({ id }, describedBy, invalid) => (
              <select id={id} {...form.register('band')} aria-describedby={describedBy} aria-invalid={invalid}>
                {(['low', 'medium', 'high', 'very_high'] as const).map((band) => (
                  <option key={band} value={band}>
                    {t(`riskBand.${band}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      );
  }
}
