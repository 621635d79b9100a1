import { randomBytes } from 'node:crypto';
import packageJson from '../../package.json';
import { can } from '@shared/auth/permissions';
import { PSI_MAJOR, PSI_MODERATE } from '@shared/metrics/drift';
import type { FairnessReport, MetricsQuery } from '@shared/schemas/metrics';
import {
  FROZEN_REPORT_FORMAT,
  FrozenReport,
  type NewReport,
  type ReportDetail,
  type ReportPage,
  type ReportsQuery,
  type ReportSummary,
  type ReportVerification,
} from '@shared/schemas/reports';
import type { User } from '@shared/schemas/session';
import type { Clock } from '../clock';
import { decodeCursor, encodeCursor } from '../domain/cursor';
import { conflict, forbidden, notFound } from '../domain/errors';
import { canonicalJson, sha256 } from '../domain/hash-chain';
import { metricDefinitions } from './definitions';
import { FAIRNESS_ALPHA, FAIRNESS_THRESHOLD, type FairnessRules } from './fairness';
import type { MetricsService } from './metrics.service';
import { PSI_EPSILON } from './psi';
import { DuplicateKeyError, type Store, type StoredReport } from '../storage/store';
import { checkReport, reportHash, verifyReport } from '../domain/report-chain';

type Figures = FrozenReport['figures'];
type FigureSource<K extends keyof Figures> = (metrics: MetricsService, user: User, q: MetricsQuery, attributes: readonly string[]) => Promise<Figures[K]>;

/**
 * What a frozen report holds: each figure from the metrics service, as governance reads it now.
 * A new figure of /api/metrics is one more line here (and one in FrozenReport's schema).
 */
const FIGURES: { [K in keyof Figures]: FigureSource<K> } = {
  overview: (m, user, q) => m.overview(user, q),
  models: (m, user, q) => m.models(user, q),
  fairness: (m, user, q, attributes) => fairnessOnBothBases(m, user, q, attributes),
  overrides: (m, user, q) => m.overrides(user, q),
  findings: (m, user, q) => m.findings(user, q),
  coverage: (m, user, q) => m.coverage(user, q),
  labels: async (m, user, q, attributes) => {
    const reports = [];
    for (const attribute of attributes) reports.push(await m.labels(user, { ...q, attribute }));
    return reports;
  },
};

/** Every monitored attribute on the model's output and on the final outcome (issue 19, item 3). */
async function fairnessOnBothBases(m: MetricsService, user: User, q: MetricsQuery, attributes: readonly string[]): Promise<FairnessReport[]> {
  const reports: FairnessReport[] = [];
  for (const attribute of attributes) {
    for (const basis of ['model', 'final'] as const) reports.push(await m.fairness(user, { ...q, attribute, basis }));
  }
  return reports;
}

async function collectFigures(m: MetricsService, user: User, q: MetricsQuery, attributes: readonly string[]): Promise<Figures> {
  const names = Object.keys(FIGURES) as (keyof Figures)[];
  const values = await Promise.all(names.map((name) => FIGURES[name](m, user, q, attributes)));
  return Object.fromEntries(names.map((name, i) => [name, values[i]])) as Figures;
}

/**
 * What canonical JSON can hold: JSON's own reading of the value (undefined fields dropped, a
 * non-finite number null), so canonicalisation never throws on a figure and a read gives it back.
 */
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The stored document as JSON; null when it no longer is (altered behind the app's back: its verification says so). */
function readDocument(content: string): FrozenReport | null {
  try {
    return JSON.parse(content) as FrozenReport;
  } catch {
    return null;
  }
}

const APP = { name: 'recourse', version: packageJson.version };
const FREEZE_ATTEMPTS = 5;

export function createReportService(deps: { store: Store; clock: Clock; metrics: MetricsService; attributes: readonly string[]; fairness: FairnessRules }) {
  const { store, clock, metrics, attributes } = deps;

  /** The definitions and constants the figures were computed with, and a digest to compare them by. */
  function definitions(): FrozenReport['definitions'] {
    const published = asJson(metricDefinitions()) as Record<string, unknown>;
    return {
      digest: sha256(canonicalJson(published)),
      monitoredAttributes: [...attributes],
      fairness: { threshold: FAIRNESS_THRESHOLD, alpha: FAIRNESS_ALPHA, minGroup: deps.fairness.minGroup, references: { ...deps.fairness.references } },
      psi: { epsilon: PSI_EPSILON, moderate: PSI_MODERATE, major: PSI_MAJOR },
      metrics: published,
    };
  }

  async function usernames(ids: string[]): Promise<Map<string, string | null>> {
    const unique = [...new Set(ids)];
    const users = await Promise.all(unique.map((id) => store.users.byId(id)));
    return new Map(unique.map((id, i) => [id, users[i]?.username ?? null]));
  }

  const summary = (r: StoredReport, verification: ReportVerification, username: string | null): ReportSummary => ({
    id: r.id,
    seq: r.seq,
    from: r.from,
    to: r.to,
    type: r.type,
    frozenAt: r.frozenAt,
    frozenBy: { id: r.frozenBy, username },
    hash: r.hash,
    prevHash: r.prevHash,
    verification,
  });

  async function detail(r: StoredReport, verification: ReportVerification): Promise<ReportDetail> {
    const names = await usernames([r.frozenBy]);
    return { ...summary(r, verification, names.get(r.frozenBy) ?? null), report: readDocument(r.content) };
  }

  /** Reports are governance's, like the figures in them; anyone else learns nothing of one, not even that it exists. */
  async function readable(user: User, id: string): Promise<StoredReport> {
    const report = can(user, 'reports.read') ? await store.reports.get(id) : null;
    if (!report) throw notFound(`No report ${id}.`);
    return report;
  }

  return {
    /**
     * Freezes the figures of the period as of now. The figures are gathered first; then the report
     * takes the next seq of the chain, and the store's unique seq decides between two freezes at
     * once: the loser links to the winner and tries again.
     */
    async freeze(user: User, body: NewReport): Promise<ReportDetail> {
      if (!can(user, 'reports.freeze')) throw forbidden('forbidden', 'Only governance freezes reports.');
      const query = { from: body.from, to: body.to, type: body.type ?? null };
      const figures = asJson(await collectFigures(metrics, user, { from: body.from, to: body.to, type: body.type }, attributes));
      const defs = definitions();
      const id = `rep_${randomBytes(12).toString('hex')}`;
      for (let attempt = 0; attempt < FREEZE_ATTEMPTS; attempt++) {
        const latest = await store.reports.latest();
        // Never before the report it follows, so the chain is in time order too (anchors seal it by time).
        const now = clock.now().toISOString();
        const frozenAt = latest && latest.frozenAt > now ? latest.frozenAt : now;
        const document: FrozenReport = {
          format: FROZEN_REPORT_FORMAT,
          seq: (latest?.seq ?? 0) + 1,
          prevHash: latest?.hash ?? '',
          frozenAt,
          frozenBy: { id: user.id },
          query,
          app: APP,
          definitions: defs,
          figures,
        };
        const content = canonicalJson(document);
        const stored: StoredReport = {
          id,
          seq: document.seq,
          from: query.from,
          to: query.to,
          type: query.type,
          frozenAt,
          frozenBy: user.id,
          prevHash: document.prevHash,
          hash: reportHash(content),
          content,
        };
        try {
          await store.reports.append(stored);
          return detail(stored, { hashMatches: true, linked: true, ok: true });
        } catch (error) {
          if (!(error instanceof DuplicateKeyError)) throw error;
        }
      }
      throw conflict('conflict', 'Other reports were frozen at the same moment; try again.');
    },

    /** A report as stored, with its hash recomputed and its link to the report before it checked. */
    async get(user: User, id: string): Promise<ReportDetail> {
      const report = await readable(user, id);
      return detail(report, await verifyReport(store, report));
    },

    /** The stored document, the exact bytes that were hashed: the JSON download. */
    async document(user: User, id: string): Promise<{ seq: number; content: string }> {
      const report = await readable(user, id);
      return { seq: report.seq, content: report.content };
    },

    /** The document read as a frozen report, for the CSV; refused when it no longer reads as one. */
    async parsed(user: User, id: string): Promise<{ seq: number; hash: string; report: FrozenReport }> {
      const stored = await readable(user, id);
      const parsed = FrozenReport.safeParse(readDocument(stored.content));
      if (!parsed.success) throw conflict('invalid_state', `Report ${id} no longer reads as a frozen report: it was altered (see its verification).`);
      return { seq: stored.seq, hash: stored.hash, report: parsed.data };
    },

    /** Newest first; each verified against the report before it (from the same page where it is there). */
    async list(user: User, query: ReportsQuery): Promise<ReportPage> {
      if (!can(user, 'reports.read')) throw forbidden('forbidden', 'Only governance reads the frozen reports.');
      const before = query.cursor ? decodeCursor<[number]>(query.cursor, ['number'])[0] : null;
      const rows = await store.reports.page(before, query.limit + 1);
      const hashes = new Map(rows.map((r) => [r.seq, r.hash]));
      const items = rows.slice(0, query.limit);
      const names = await usernames(items.map((r) => r.frozenBy));
      const verified = await Promise.all(
        items.map((r) => (r.seq === 1 ? checkReport(r, '') : hashes.has(r.seq - 1) ? checkReport(r, hashes.get(r.seq - 1)!) : verifyReport(store, r))),
      );
      const last = items[items.length - 1];
      return {
        items: items.map((r, i) => summary(r, verified[i]!, names.get(r.frozenBy) ?? null)),
        nextCursor: rows.length > query.limit && last ? encodeCursor([last.seq]) : null,
      };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
