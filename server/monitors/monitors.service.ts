import { randomBytes } from 'node:crypto';
import { can } from '@shared/auth/permissions';
import type { DecisionType } from '@shared/schemas/common';
import type { FairnessQuery, FairnessReport, MetricsQuery, ModelMetricsList } from '@shared/schemas/metrics';
import { MONITOR_COMPARISON, type Monitor, type MonitorAlert, type NewMonitor, type UpdateMonitor } from '@shared/schemas/monitors';
import type { User } from '@shared/schemas/session';
import type { Clock } from '../clock';
import { conflict, forbidden, notFound, validationFailed } from '../domain/errors';
import { appendStaffLog, staffActor } from '../domain/staff-log';
import { DuplicateKeyError, type Store } from '../storage/store';
import { monitorAlertEntry } from './monitor-alert-entry';

const DAY_MS = 86_400_000;
/** The UTC day of an instant: the grain of the rollups. */
const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);

/** The figures a monitor is compared with: the metrics service's, read from the rollups. */
export interface MonitorFigureSource {
  models(user: User, q: MetricsQuery): Promise<ModelMetricsList>;
  fairness(user: User, q: FairnessQuery): Promise<FairnessReport>;
}

/** The evaluation job reads the figures as governance does, through the metrics service. */
const EVALUATOR: User = { id: 'system:monitors', username: 'monitors', roles: ['governance'], scopes: [] };

/** One figure a monitor is compared with: model-wide (subject = the type) or one group's (type/attribute=group). */
interface Figure {
  subject: string;
  type: DecisionType;
  value: number;
  n: number;
  modelVersion: string | null;
  attribute: string | null;
  group: string | null;
  /** Across the threshold. A fairness ratio also needs a significant difference (see fairnessFigures). */
  crossed: boolean;
}

export interface EvaluationResult {
  evaluated: number;
  raised: number;
  resolved: number;
}

const across = (monitor: Monitor, value: number) => (monitor.comparison === 'above' ? value > monitor.threshold : value < monitor.threshold);

/**
 * Monitors: governance's thresholds per model, compared with the figures by a periodic job. The
 * state of a (monitor, subject) is its latest alert: open is alerting, resolved or none is ok.
 * A crossing (ok → alerting) stores one alert and writes one outbox entry (webhook monitor.alert,
 * governance mail); staying across writes nothing; coming back resolves the alert; a later
 * crossing raises a new one. An alert's id names its crossing, so two processes evaluating at
 * once store it once (a unique insert, safe on every store; see MonitorAlertRepo).
 */
export function createMonitorService(deps: { store: Store; clock: Clock; metrics: MonitorFigureSource; attributes: readonly string[] }) {
  const { store, clock, metrics, attributes } = deps;

  function requireGovernance(user: User) {
    if (!can(user, 'monitors.manage')) throw forbidden('forbidden', 'Only governance manages monitors.');
  }

  /** A monitor by id: 404 for whoever may not manage monitors too, so no one learns which ids exist. */
  const existing = async (user: User, id: string) => {
    if (!can(user, 'monitors.manage')) throw notFound(`No monitor ${id}.`);
    const monitor = await store.monitors.get(id);
    if (!monitor) throw notFound(`No monitor ${id}.`);
    return monitor;
  };

  /** A monitored attribute only: fairness has no figures for another one. */
  function checkAttribute(attribute: string | null | undefined) {
    if (attribute && !attributes.includes(attribute)) {
      throw validationFailed([{ path: 'attribute', message: `not a monitored attribute; monitored are ${attributes.join(', ')}` }]);
    }
  }

  /** Who changed which threshold: on the staff log, which governance and auditors read. */
  const logChange = (
    user: User,
    action: 'monitor_created' | 'monitor_updated' | 'monitor_removed',
    monitor: Pick<Monitor, 'id' | 'modelId' | 'metric'> & Partial<Monitor>,
  ) =>
    appendStaffLog(store, clock, {
      actor: staffActor(user),
      action,
      subjectDigest: null,
      data: {
        monitorId: monitor.id,
        modelId: monitor.modelId,
        metric: monitor.metric,
        ...(monitor.threshold !== undefined ? { threshold: monitor.threshold, windowDays: monitor.windowDays, enabled: monitor.enabled } : {}),
      },
    });

  /** Open alerts of a monitor switched off or removed are closed: nobody watches that figure any more. */
  async function closeOpenAlerts(monitorId: string) {
    const at = clock.now().toISOString();
    for (const alert of await store.monitorAlerts.openFor(monitorId)) await store.monitorAlerts.resolve(alert.id, at, null);
  }

  function periodOf(monitor: Monitor): MetricsQuery {
    const now = clock.now().getTime();
    return {
      from: dayOf(now - (monitor.windowDays - 1) * DAY_MS),
      to: dayOf(now),
      modelId: monitor.modelId,
      ...(monitor.type ? { type: monitor.type } : {}),
    };
  }

  /** Per decision type of the model: the override rate over every version, and the PSI of the newest version against its predecessor. */
  async function modelFigures(monitor: Monitor): Promise<Figure[]> {
    const { items } = await metrics.models(EVALUATOR, periodOf(monitor));
    const figures: Figure[] = [];
    const types = [...new Set(items.filter((i) => i.modelId === monitor.modelId).map((i) => i.type))].sort();
    for (const type of types) {
      // Listed in release order per model and type: the last is the version in force.
      const versions = items.filter((i) => i.modelId === monitor.modelId && i.type === type);
      const base = { subject: type, type, attribute: null, group: null };
      if (monitor.metric === 'psi') {
        const newest = versions[versions.length - 1]!;
        // A version without a predecessor in the window has nothing to drift from: no figure.
        if (newest.psi === null) continue;
        figures.push({ ...base, value: newest.psi, n: newest.decisions, modelVersion: newest.modelVersion, crossed: across(monitor, newest.psi) });
      } else {
        const resolved = versions.reduce((n, v) => n + v.resolved, 0);
        const overridden = versions.reduce((n, v) => n + v.overridden, 0);
        if (resolved === 0) continue;
        const value = overridden / resolved;
        figures.push({ ...base, value, n: resolved, modelVersion: null, crossed: across(monitor, value) });
      }
    }
    return figures;
  }

  /**
   * Per type, monitored attribute and group: the ratio to the reference group. The dashboard's
   * rules hold, with the monitor's threshold in place of 0.8: a group too small to judge
   * (FAIRNESS_MIN_GROUP) gives no figure at all, so it never alerts and never resolves an alert;
   * a ratio below the threshold alerts only when the difference is significant at the report's α.
   */
  async function fairnessFigures(monitor: Monitor): Promise<Figure[]> {
    const figures: Figure[] = [];
    for (const attribute of monitor.attribute ? [monitor.attribute] : attributes) {
      if (!attributes.includes(attribute)) continue;
      const query: FairnessQuery = { ...periodOf(monitor), attribute, basis: monitor.basis ?? 'model' };
      const report = await metrics.fairness(EVALUATOR, query);
      for (const section of report.sections) {
        if (section.modelId !== monitor.modelId || !section.type) continue;
        for (const g of section.groups) {
          // The reference group is a figure too (its ratio is 1): a group that became the most
          // favoured has come back, and its alert resolves.
          if (g.status === 'too_few' || g.ratio === null || g.n < report.minGroup) continue;
          const significant = g.pValue !== null && g.pValue < report.alpha;
          figures.push({
            subject: `${section.type}/${attribute}=${g.group}`,
            type: section.type,
            value: g.ratio,
            n: g.n,
            modelVersion: null,
            attribute,
            group: g.group,
            crossed: across(monitor, g.ratio) && significant,
          });
        }
      }
    }
    return figures;
  }

  /** Compares one monitor with its figures; answers how many alerts it raised and resolved. */
  async function evaluateMonitor(monitor: Monitor): Promise<{ raised: number; resolved: number }> {
    const figures = monitor.metric === 'fairness_ratio' ? await fairnessFigures(monitor) : await modelFigures(monitor);
    const now = clock.now().toISOString();
    let raised = 0;
    let resolved = 0;
    for (const figure of figures) {
      const latest = await store.monitorAlerts.latest(monitor.id, figure.subject);
      const open = latest !== null && latest.resolvedAt === null;
      if (figure.crossed && !open) {
        const crossing = (latest?.crossing ?? 0) + 1;
        const alert: MonitorAlert = {
          id: `${monitor.id}:${crossing}:${figure.subject}`,
          monitorId: monitor.id,
          modelId: monitor.modelId,
          type: figure.type,
          metric: monitor.metric,
          comparison: monitor.comparison,
          subject: figure.subject,
          modelVersion: figure.modelVersion,
          attribute: figure.attribute,
          group: figure.group,
          value: figure.value,
          threshold: monitor.threshold,
          n: figure.n,
          crossing,
          raisedAt: now,
          resolvedAt: null,
          resolvedValue: null,
        };
        // The entry first, keyed by the alert: a crash in between leaves an entry the next run's
        // alert matches (same id), never an alert nobody was told of. Two processes write one.
        await store.outbox.add(monitorAlertEntry(alert));
        try {
          await store.monitorAlerts.add(alert);
          raised++;
        } catch (error) {
          // Another evaluation stored this crossing first: it is the one alert.
          if (!(error instanceof DuplicateKeyError)) throw error;
        }
      } else if (!figure.crossed && open) {
        if (await store.monitorAlerts.resolve(latest.id, now, figure.value)) resolved++;
      }
    }
    await store.monitors.touchEvaluated(monitor.id, now);
    return { raised, resolved };
  }

  return {
    async list(user: User) {
      requireGovernance(user);
      return { items: await store.monitors.list() };
    },

    async create(user: User, body: NewMonitor): Promise<Monitor> {
      requireGovernance(user);
      checkAttribute(body.attribute);
      const now = clock.now().toISOString();
      const monitor: Monitor = {
        id: `mon_${randomBytes(8).toString('hex')}`,
        modelId: body.modelId,
        type: body.type ?? null,
        metric: body.metric,
        comparison: MONITOR_COMPARISON[body.metric],
        threshold: body.threshold,
        windowDays: body.windowDays,
        attribute: body.metric === 'fairness_ratio' ? (body.attribute ?? null) : null,
        basis: body.metric === 'fairness_ratio' ? (body.basis ?? 'model') : null,
        enabled: body.enabled,
        version: 1,
        createdAt: now,
        updatedAt: now,
        lastEvaluatedAt: null,
      };
      await store.monitors.add(monitor);
      await logChange(user, 'monitor_created', monitor);
      return monitor;
    },

    async update(user: User, id: string, body: UpdateMonitor): Promise<Monitor> {
      const current = await existing(user, id);
      const fairness = current.metric === 'fairness_ratio';
      const problems = [
        ...(!fairness && body.attribute ? [{ path: 'attribute', message: 'only for fairness_ratio monitors' }] : []),
        ...(!fairness && body.basis ? [{ path: 'basis', message: 'only for fairness_ratio monitors' }] : []),
        ...(body.threshold !== undefined && current.metric !== 'psi' && body.threshold > 1
          ? [{ path: 'threshold', message: 'at most 1 for this metric' }]
          : []),
        ...(body.threshold !== undefined && body.threshold > 10 ? [{ path: 'threshold', message: 'at most 10' }] : []),
      ];
      if (problems.length) throw validationFailed(problems);
      checkAttribute(body.attribute);
      if (current.version !== body.expectedVersion) {
        throw conflict('version_conflict', `The monitor changed meanwhile (version ${current.version}).`, { currentVersion: current.version });
      }
      const next: Monitor = {
        ...current,
        ...(body.threshold !== undefined ? { threshold: body.threshold } : {}),
        ...(body.windowDays !== undefined ? { windowDays: body.windowDays } : {}),
        ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
        ...(fairness && body.attribute !== undefined ? { attribute: body.attribute } : {}),
        ...(fairness && body.basis !== undefined ? { basis: body.basis ?? 'model' } : {}),
        version: current.version + 1,
        updatedAt: clock.now().toISOString(),
      };
      if (!(await store.monitors.compareAndSet(next, body.expectedVersion))) {
        const now = await store.monitors.get(id);
        if (!now) throw notFound(`No monitor ${id}.`);
        throw conflict('version_conflict', `The monitor changed meanwhile (version ${now.version}).`, { currentVersion: now.version });
      }
      if (current.enabled && !next.enabled) await closeOpenAlerts(id);
      await logChange(user, 'monitor_updated', next);
      return next;
    },

    async remove(user: User, id: string): Promise<void> {
      const monitor = await existing(user, id);
      if (!(await store.monitors.delete(id))) throw notFound(`No monitor ${id}.`);
      await closeOpenAlerts(id);
      await logChange(user, 'monitor_removed', { id, modelId: monitor.modelId, metric: monitor.metric });
    },

    async alerts(user: User, query: { status?: 'open' | 'resolved'; limit: number }) {
      requireGovernance(user);
      return { items: await store.monitorAlerts.list({ status: query.status }, query.limit) };
    },

    /**
     * The evaluation job's run: every enabled monitor against the figures of its window, from the
     * rollups (the metrics service), so its cost does not grow with the decisions. Idempotent: a
     * second run on the same figures raises and resolves nothing.
     */
    async evaluate(): Promise<EvaluationResult> {
      const result: EvaluationResult = { evaluated: 0, raised: 0, resolved: 0 };
      for (const monitor of await store.monitors.list()) {
        if (!monitor.enabled) continue;
        const { raised, resolved } = await evaluateMonitor(monitor);
        result.evaluated++;
        result.raised += raised;
        result.resolved += resolved;
      }
      return result;
    },
  };
}

export type MonitorService = ReturnType<typeof createMonitorService>;
