import type { InputValue } from '../schemas/decision';
import type { FeatureUnit, Lang, ModelEntry } from '../schemas/model';
import { formatDays, formatMoney, formatNumber, formatPercent, formatScorePoints } from '../format';
import { valueGapKey, type GapLog } from './gaps';
import { TEXTS } from './texts';

/** Claim amounts carry no currency of their own; the insurer's members are in the euro area. */
export const DEFAULT_CURRENCY = 'EUR';

export interface LabelContext {
  model: ModelEntry | null;
  lang: Lang;
  /** Currency for `cents` inputs: the renewal's own currency, else DEFAULT_CURRENCY. */
  currency: string;
  gaps: GapLog;
  /** Who reads: staff pages use the registry's staff wording where it has one. */
  audience?: 'member' | 'staff';
}

/**
 * Found by test/security/fuzz-properties.test.ts: the registry's own entry for a
 * name. `record[name]` also finds what every object inherits, so an input called "toString" made
 * the explanation and the member's export fail with a 500 instead of reporting a missing label.
 */
export const ownEntry = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

/** The registry's label, or the raw name visibly marked; a missing label is logged unless the whole model is. */
export function featureLabel(feature: string, ctx: LabelContext): string {
  const info = ownEntry(ctx.model?.features, feature);
  if (info) return (ctx.audience === 'staff' && info.staffLabel ? info.staffLabel : info.label)[ctx.lang];
  if (ctx.model) ctx.gaps.add('feature_label', feature);
  return TEXTS[ctx.lang].missingLabel(feature);
}

export function reasonText(code: string, ctx: LabelContext): string {
  const text = (ctx.audience === 'staff' ? ownEntry(ctx.model?.staffReasonCodes, code) : undefined) ?? ownEntry(ctx.model?.reasonCodes, code);
  if (text) return text[ctx.lang];
  if (ctx.model) ctx.gaps.add('reason_code', code);
  return TEXTS[ctx.lang].missingLabel(code);
}

/** The member's own input value, written the way the feature's unit is read. */
export function featureValue(feature: string, value: InputValue, ctx: LabelContext): string {
  return describeValue(feature, value, ctx).text;
}

/** `word` is true for a label or yes/no, which a sentence may quote; never for numbers or fallbacks. */
export function describeValue(feature: string, value: InputValue, ctx: LabelContext): { text: string; word: boolean } {
  const texts = TEXTS[ctx.lang];
  if (value === null) return { text: texts.unknownValue, word: false };
  const info = ownEntry(ctx.model?.features, feature);
  const labelled = ownEntry(info?.valueLabels, String(value));
  if (labelled) return { text: labelled[ctx.lang], word: true };
  if (typeof value === 'boolean') return { text: value ? texts.yes : texts.no, word: true };
  if (typeof value === 'string') {
    // A categorical value may be an internal code ("travel_medical"): without a label it is marked.
    if (info) ctx.gaps.add('value_label', valueGapKey(feature, value));
    return { text: info ? texts.missingLabel(value) : texts.quote(value), word: false };
  }
  return { text: formatNumeric(value, info?.unit, ctx), word: false };
}

function formatNumeric(value: number, unit: FeatureUnit | undefined, ctx: LabelContext): string {
  switch (unit) {
    case 'cents':
      return formatMoney(value, ctx.currency, ctx.lang);
    case 'percent':
      return formatPercent(value, ctx.lang);
    case 'days':
      return formatDays(value, ctx.lang);
    case 'score':
      return TEXTS[ctx.lang].scoreOutOf100(formatScorePoints(value, ctx.lang));
    default:
      return formatNumber(value, ctx.lang);
  }
}
