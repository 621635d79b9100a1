import { z } from 'zod';
import { DecisionType, Identifier, Instant } from './common';
import { FeatureName } from './decision';
import { FairnessBasis } from './metrics';

/**
 * Monitors (issue 19, item 8): a threshold per model on one governance figure. Crossing it raises
 * one alert, told on the dashboard, by e-mail and by the webhook `monitor.alert`; staying across
 * raises nothing more, coming back resolves the alert, and a later crossing raises a new one.
 */
export const MonitorMetric = z.enum(['psi', 'fairness_ratio', 'override_rate']);
export type MonitorMetric = z.infer<typeof MonitorMetric>;

/** Which side of the threshold alerts: drift and override rates above it, fairness ratios below it. */
export const MONITOR_COMPARISON = { psi: 'above', override_rate: 'above', fairness_ratio: 'below' } as const satisfies Record<MonitorMetric, 'above' | 'below'>;

/** The greatest threshold per metric: PSI has no upper bound in principle, but past 10 nothing is ever drift-free. */
const MAX_THRESHOLD = { psi: 10, override_rate: 1, fairness_ratio: 1 } as const satisfies Record<MonitorMetric, number>;

export const MonitorId = Identifier;
export const MonitorIdParams = z.strictObject({ id: MonitorId });

const WindowDays = z.int().min(1).max(366);

/** What governance sets; the rules per metric are checked on the whole (see monitorRules). */
const monitorFields = {
  modelId: Identifier,
  /** The model's decisions of one type only; every type of the model when left out. */
  type: DecisionType.optional(),
  metric: MonitorMetric,
  /** PSI (e.g. 0.25), a ratio to the reference group (e.g. 0.8) or an override rate (e.g. 0.3). */
  threshold: z.number().gt(0),
  /** The figures are of the last this many days, today included. */
  windowDays: WindowDays,
  /** fairness_ratio only: one monitored attribute; every monitored attribute when left out. */
  attribute: FeatureName.optional(),
  /** fairness_ratio only: favourable on the model's output or on the final outcome after overrides. */
  basis: FairnessBasis.optional(),
  enabled: z.boolean(),
};

type MonitorRulesInput = { metric?: MonitorMetric; threshold?: number; attribute?: string | null | undefined; basis?: string | null | undefined };

/** Thresholds within the metric's range; the fairness-only settings only on fairness monitors. */
function monitorRules(value: MonitorRulesInput, ctx: z.RefinementCtx) {
  if (!value.metric) return;
  if (value.threshold !== undefined && value.threshold > MAX_THRESHOLD[value.metric]) {
    ctx.addIssue({ code: 'too_big', origin: 'number', maximum: MAX_THRESHOLD[value.metric], inclusive: true, path: ['threshold'], input: value.threshold });
  }
  if (value.metric !== 'fairness_ratio') {
    for (const field of ['attribute', 'basis'] as const) {
      if (value[field] !== undefined && value[field] !== null) ctx.addIssue({ code: 'custom', message: 'only for fairness_ratio monitors', path: [field] });
    }
  }
}

export const NewMonitor = z.strictObject(monitorFields).superRefine(monitorRules);
export type NewMonitor = z.infer<typeof NewMonitor>;

/** A change to a monitor; the model and metric stay (make another monitor for another one). */
export const UpdateMonitor = z.strictObject({
  threshold: monitorFields.threshold.optional(),
  windowDays: WindowDays.optional(),
  attribute: FeatureName.nullable().optional(),
  basis: FairnessBasis.nullable().optional(),
  enabled: z.boolean().optional(),
  /** The version read: a change made meanwhile by someone else answers 409 version_conflict. */
  expectedVersion: z.int().min(1),
});
export type UpdateMonitor = z.infer<typeof UpdateMonitor>;

export const Monitor = z.object({
  id: MonitorId,
  modelId: z.string(),
  type: DecisionType.nullable(),
  metric: MonitorMetric,
  comparison: z.enum(['above', 'below']),
  threshold: z.number(),
  windowDays: z.number(),
  attribute: z.string().nullable(),
  basis: FairnessBasis.nullable(),
  enabled: z.boolean(),
  version: z.number(),
  createdAt: Instant,
  updatedAt: Instant,
  /** When the job last compared the figures with it; null before the first run. */
  lastEvaluatedAt: Instant.nullable(),
});
export type Monitor = z.infer<typeof Monitor>;

export const MonitorList = z.object({ items: z.array(Monitor) });
export type MonitorList = z.infer<typeof MonitorList>;

/**
 * One crossing of a monitor's threshold. `subject` says what crossed: '' for a model-wide figure,
 * `type/attribute=group` for a group's fairness ratio. Aggregates only: no member, no decision.
 */
export const MonitorAlert = z.object({
  id: z.string(),
  monitorId: MonitorId,
  modelId: z.string(),
  type: DecisionType.nullable(),
  metric: MonitorMetric,
  comparison: z.enum(['above', 'below']),
  subject: z.string(),
  /** The model version the figure is of (PSI), or null. */
  modelVersion: z.string().nullable(),
  /** The monitored attribute and group (fairness ratio), or null. */
  attribute: z.string().nullable(),
  group: z.string().nullable(),
  value: z.number(),
  threshold: z.number(),
  /** How many decisions (PSI, fairness) or resolved cases (override rate) the figure rests on. */
  n: z.number(),
  /** The crossing's number for this monitor and subject: 1 for the first, 2 after it resolved and crossed again. */
  crossing: z.int().min(1),
  raisedAt: Instant,
  /** When the figure came back across the threshold; null while the alert is open. */
  resolvedAt: Instant.nullable(),
  /** The figure when it came back. */
  resolvedValue: z.number().nullable(),
});
export type MonitorAlert = z.infer<typeof MonitorAlert>;

export const MonitorAlertQuery = z.strictObject({
  status: z.enum(['open', 'resolved']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const MonitorAlertList = z.object({ items: z.array(MonitorAlert) });
export type MonitorAlertList = z.infer<typeof MonitorAlertList>;
