import { z } from 'zod';
import { DecisionType, Identifier } from './common';
import { FeatureName } from './decision';

/** The languages a member can read an explanation in (Belgium: Dutch, French, and English for expats). */
export const Lang = z.enum(['en', 'nl', 'fr']);
export type Lang = z.infer<typeof Lang>;

const Text = z.string().min(1).max(2000);

/** Every member-facing text exists in all three languages, so a missing translation fails at registration. */
export const LocalizedText = z.strictObject({ en: Text, nl: Text, fr: Text });
export type LocalizedText = z.infer<typeof LocalizedText>;

/**
 * How an input value is written for a member. `percent` values are already in percent (4.5 means 4.5 %);
 * `score` values are 0..1 and shown out of 100; `cents` are minor currency units.
 */
export const FeatureUnit = z.enum(['cents', 'count', 'percent', 'days', 'score', 'boolean', 'text']);
export type FeatureUnit = z.infer<typeof FeatureUnit>;

export const FeatureInfo = z.strictObject({
  label: LocalizedText,
  /**
   * The name staff read, where the member's label speaks to the member ("Region where you live"
   * → "Region"); without it staff read the member's label.
   */
  staffLabel: LocalizedText.optional(),
  unit: FeatureUnit,
  /** Words for categorical and boolean values, keyed by the raw value as a string (`'true'`, `'hospital'`). */
  valueLabels: z.record(z.string().min(1).max(200), LocalizedText).optional(),
});
export type FeatureInfo = z.infer<typeof FeatureInfo>;

/** One model version as the registry knows it: who owns it and the words members read about it. */
export const ModelEntry = z
  .strictObject({
    modelId: Identifier,
    version: Identifier,
    /**
     * The version of the same model this one replaced. Drift (PSI) compares against it; without
     * it, against the version first seen before this one.
     */
    predecessor: Identifier.optional(),
    type: DecisionType,
    owner: z.string().min(1).max(200),
    /** How the model works, in a sentence or two (Art. 15(1)(h): the logic involved). */
    description: LocalizedText,
    /** What the model decides about the member. */
    decides: LocalizedText,
    features: z.record(FeatureName, FeatureInfo),
    reasonCodes: z.record(Identifier, LocalizedText),
    /**
     * Staff wording where the member's speaks to the member ("You made claims…" → "Claims in the
     * last 12 months."): how the model works, and reason codes by code. Without them staff read
     * the member's texts.
     */
    staffDescription: LocalizedText.optional(),
    staffReasonCodes: z.record(Identifier, LocalizedText).optional(),
    /** Attributes the fairness metrics group by. */
    monitoredAttributes: z.array(FeatureName).default(['age_band', 'region']),
  })
  .refine((entry) => entry.predecessor !== entry.version, { message: 'a version cannot be its own predecessor', path: ['predecessor'] });
export type ModelEntry = z.infer<typeof ModelEntry>;
export type ModelEntryInput = z.input<typeof ModelEntry>;

export const ModelList = z.object({ items: z.array(ModelEntry) });
export type ModelList = z.infer<typeof ModelList>;

/** GET /api/models/:modelId/:version */
export const ModelParams = z.strictObject({ modelId: Identifier, version: Identifier });
