import { ACTIVE_STATUSES } from '@shared/schemas/case';
import type { DecisionPage } from '@shared/schemas/decision';
import type { CasePage } from '@shared/schemas/case';
import type { MetricsOverview } from '@shared/schemas/metrics';
import { seededRandom } from '../../server/demo/random';
import { decisionIdFor } from '../../server/decisions/ingest';
import type { CasePageKey, Store, StoredCase } from '../../server/storage/store';
import { signIn } from './http';
import { nowMs, p95 } from './stats';

const WARM_UP = 20;

export interface QueryTimes {
  memberListP95Ms: number;
  queueP95Ms: number;
  detailP95Ms: number;
}

/**
 * The three reads a busy day is made of, through HTTP with signed-in sessions: a member's own
 * decision list (first page, as the portal asks for it), a reviewer's first queue page (open
 * cases in their scopes, soonest due first) and the detail of a random decision. The three are
 * interleaved so they share the machine's noise; the first rounds warm the caches unmeasured.
 */
export async function measureQueries(baseUrl: string, opts: { members: string[]; decisions: number; keyPrefix: string; samples: number }): Promise<QueryTimes> {
  // One at a time: each sign-in runs scrypt (16 MB) on the thread pool, and parallel ones add up.
  const members = [];
  for (const m of opts.members) members.push(await signIn(baseUrl, `member.${m.toLowerCase()}`));
  const reviewer = await signIn(baseUrl, 'pricing.reviewer');
  const senior = await signIn(baseUrl, 'senior.reviewer');
  const random = seededRandom(99);
  const times = { list: [] as number[], queue: [] as number[], detail: [] as number[] };
  for (let i = 0; i < WARM_UP + opts.samples; i++) {
    const list = await members[i % members.length]!.get<DecisionPage>('/api/decisions?limit=20');
    const queue = await reviewer.get<CasePage>('/api/cases?status=open&limit=25');
    const id = decisionIdFor(`${opts.keyPrefix}-${random.int(0, opts.decisions - 1)}`);
    const detail = await senior.get<{ id: string }>(`/api/decisions/${id}`);
    if (list.body.items.length === 0 || queue.body.items.length === 0 || detail.body.id !== id)
      throw new Error('a query returned nothing: the bench data is wrong');
    if (i < WARM_UP) continue;
    times.list.push(list.ms);
    times.queue.push(queue.ms);
    times.detail.push(detail.ms);
  }
  return { memberListP95Ms: p95(times.list), queueP95Ms: p95(times.queue), detailP95Ms: p95(times.detail) };
}

/** p95 of the governance overview on two stores, calls alternating between them. */
export async function measureOverview(smallUrl: string, largeUrl: string, samples: number) {
  const small = await signIn(smallUrl, 'governance');
  const large = await signIn(largeUrl, 'governance');
  const times = { small: [] as number[], large: [] as number[] };
  let last: MetricsOverview | null = null;
  for (let i = 0; i < WARM_UP + samples; i++) {
    const s = await small.get<MetricsOverview>('/api/metrics/overview');
    const l = await large.get<MetricsOverview>('/api/metrics/overview');
    last = l.body;
    if (i < WARM_UP) continue;
    times.small.push(s.ms);
    times.large.push(l.ms);
  }
  return { p95MsSmall: p95(times.small), p95MsLarge: p95(times.large), largeOverview: last! };
}

/**
 * The governance figures of issue 19 beside the overview: fairness per type and model on both
 * bases, reviewed labels and drift against a baseline, each p95 on the small and the large store,
 * calls alternating. Like the overview they read rollups only, so their cost follows days × model
 * versions × groups, not the number of decisions.
 */
export const GOVERNANCE_ENDPOINTS = {
  fairness: '/api/metrics/fairness?attribute=age_band',
  fairnessFinal: '/api/metrics/fairness?attribute=age_band&basis=final',
  labels: '/api/metrics/labels?attribute=age_band',
  drift: '/api/metrics/drift?type=fraud_flag&modelId=claims-fraud-screen&baselineVersion=3.1',
} as const;
export type GovernanceEndpoint = keyof typeof GOVERNANCE_ENDPOINTS;

export async function measureGovernance(smallUrl: string, largeUrl: string, samples: number) {
  const small = await signIn(smallUrl, 'governance');
  const large = await signIn(largeUrl, 'governance');
  const names = Object.keys(GOVERNANCE_ENDPOINTS) as GovernanceEndpoint[];
  const times = Object.fromEntries(names.map((name) => [name, { small: [] as number[], large: [] as number[] }])) as Record<
    GovernanceEndpoint,
    { small: number[]; large: number[] }
  >;
  for (let i = 0; i < WARM_UP + samples; i++) {
    for (const name of names) {
      const s = await small.get(GOVERNANCE_ENDPOINTS[name]);
      const l = await large.get(GOVERNANCE_ENDPOINTS[name]);
      if (i < WARM_UP) continue;
      times[name].small.push(s.ms);
      times[name].large.push(l.ms);
    }
  }
  return Object.fromEntries(names.map((name) => [name, { p95MsSmall: p95(times[name].small), p95MsLarge: p95(times[name].large) }])) as Record<
    GovernanceEndpoint,
    { p95MsSmall: number; p95MsLarge: number }
  >;
}

export interface ScannedOverview {
  decisions: number;
  contested: number;
  resolved: number;
  overridden: number;
  openCases: number;
  overdueCases: number;
  byDay: Map<string, { decisions: number; contested: number; resolved: number; overridden: number }>;
  medianResolutionDays: number | null;
  p90ResolutionDays: number | null;
}

/**
 * What the overview would cost without rollups: every case read, then every decision of the log
 * streamed and joined to its cases, counted per day of the decision. The answer is compared with
 * the API's, so the two measure the same work.
 */
export async function overviewByScan(store: Store, now: Date): Promise<{ ms: number; overview: ScannedOverview }> {
  const start = nowMs();
  const casesByDecision = new Map<string, StoredCase[]>();
  let after: CasePageKey | null = null;
  for (;;) {
    const page = await store.cases.page({}, after, 1000);
    for (const c of page) {
      const list = casesByDecision.get(c.decisionId);
      if (list) list.push(c);
      else casesByDecision.set(c.decisionId, [c]);
    }
    if (page.length < 1000) break;
    after = { dueAt: page[page.length - 1]!.dueAt, id: page[page.length - 1]!.id };
  }
  const o: ScannedOverview = {
    decisions: 0,
    contested: 0,
    resolved: 0,
    overridden: 0,
    openCases: 0,
    overdueCases: 0,
    byDay: new Map(),
    medianResolutionDays: null,
    p90ResolutionDays: null,
  };
  const resolutionDays: number[] = [];
  const nowIso = now.toISOString();
  for await (const d of store.decisions.scanById()) {
    const day = d.decidedAt.slice(0, 10);
    let counts = o.byDay.get(day);
    if (!counts) o.byDay.set(day, (counts = { decisions: 0, contested: 0, resolved: 0, overridden: 0 }));
    counts.decisions++;
    o.decisions++;
    for (const c of casesByDecision.get(d.id) ?? []) {
      if (c.origin === 'objection') (counts.contested++, o.contested++);
      if (c.status === 'resolved') {
        counts.resolved++;
        o.resolved++;
        resolutionDays.push(Math.min(366, Math.floor((Date.parse(c.closedAt!) - Date.parse(c.receivedAt)) / 86_400_000)));
        if (c.resolution === 'overridden') (counts.overridden++, o.overridden++);
      }
      if (ACTIVE_STATUSES.includes(c.status)) {
        o.openCases++;
        if (c.dueAt < nowIso) o.overdueCases++;
      }
    }
  }
  resolutionDays.sort((a, b) => a - b);
  const rank = (p: number) => resolutionDays[Math.max(0, Math.ceil(p * resolutionDays.length) - 1)] ?? null;
  o.medianResolutionDays = rank(0.5);
  o.p90ResolutionDays = rank(0.9);
  return { ms: nowMs() - start, overview: o };
}

/** The scan and the rollups must agree, or the comparison measures two different things. */
export function assertSameOverview(api: MetricsOverview, scan: ScannedOverview): void {
  const fields = ['decisions', 'contested', 'resolved', 'overridden', 'openCases', 'overdueCases', 'medianResolutionDays', 'p90ResolutionDays'] as const;
  const wrong = fields.filter((f) => api[f] !== scan[f]);
  if (wrong.length) {
    throw new Error(`overview from rollups and from a full scan differ: ${wrong.map((f) => `${f} ${api[f]} vs ${scan[f]}`).join(', ')}`);
  }
}
