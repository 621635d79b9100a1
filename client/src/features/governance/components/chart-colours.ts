import type { DecisionType } from '@shared/schemas/common';

/**
 * Each at least 3:1 against white (WCAG 1.4.11) and told apart by more than hue alone:
 * the legend and the table carry the same information in words.
 */
export const TYPE_COLOURS: Record<DecisionType, string> = {
  renewal_price: '#1f4e8c',
  fraud_flag: '#c2570c',
  risk_score: '#0f766e',
};

export const TONE_COLOURS = {
  primary: '#1f4e8c',
  good: '#1b6b3a',
  warn: '#b45309',
  bad: '#a3261b',
  neutral: '#6b778a',
} as const;
export type Tone = keyof typeof TONE_COLOURS;

export const AXIS = { text: '#4a5668', line: '#6b778a', grid: '#e3e8ef', ink: '#18212f' } as const;

/** Fairness on the model's output and on the final outcome after reviews, side by side. */
export const BASIS_COLOURS = { model: TONE_COLOURS.primary, final: '#0f766e' } as const;
