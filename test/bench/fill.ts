import type { CaseStatus } from '@shared/schemas/case';
import type { NewDecision } from '@shared/schemas/decision';
import { dueDate } from '../../server/domain/deadlines';
import { testConfig } from '../../server/config';
import { generateDecisions } from '../../server/demo/generator';
import { seededRandom, type Random } from '../../server/demo/random';
import { toRecord } from '../../server/decisions/ingest';
import { DEFAULT_MONITORED_ATTRIBUTES, decisionRollups, eventRollups, mergeRollups } from '../../server/metrics/rollups';
import { policiesFromConfig } from '../../server/domain/policies';
import type { ChainEvent, Rollup, Store, StoredCase, StoredDecision } from '../../server/storage/store';

/** Decisions per write: big enough to amortise a transaction, small enough to keep memory flat. */
const FILL_CHUNK = 2000;
const DAY_MS = 86_400_000;

export interface FillOptions {
  decisions: number;
  /** One case per this many decisions (50,000 cases for 1,000,000 decisions at 20). */
  decisionsPerCase: number;
  members: number;
  now: Date;
  seed: number;
  keyPrefix: string;
  onProgress?: (done: number) => void;
}

/** Reviewer ids that cases are assigned to; only their spread matters for the indexes. */
const REVIEWERS = ['u_bench_reviewer_1', 'u_bench_reviewer_2', 'u_bench_reviewer_3', 'u_bench_reviewer_4'];

/** Status mix of a working queue: most cases still active, a good share closed. */
function pickStatus(random: Random): CaseStatus {
  const x = random.next();
  return x < 0.3 ? 'open' : x < 0.55 ? 'in_review' : x < 0.6 ? 'pending_approval' : x < 0.95 ? 'resolved' : 'withdrawn';
}

/** A realistic case on a decision: received after the decision, due one month later (Brussels time). */
function caseFor(d: StoredDecision, random: Random, now: Date): StoredCase {
  const origin = random.chance(0.75) ? 'objection' : 'sample';
  const status = pickStatus(random);
  const received = new Date(Math.min(now.getTime(), Date.parse(d.decidedAt) + random.int(0, 20) * DAY_MS + random.int(0, 86_399) * 1000));
  const due = dueDate(received).toISOString();
  const closed = status === 'resolved' || status === 'withdrawn' ? new Date(Math.min(now.getTime(), received.getTime() + random.int(1, 40) * DAY_MS)) : null;
  const assignee = status === 'open' || (status === 'withdrawn' && random.chance(0.5)) ? null : random.pick(REVIEWERS);
  const resolution = status === 'resolved' ? (random.chance(0.3) ? 'overridden' : 'confirmed') : null;
  return {
    id: `case_${d.id.slice(4)}_1`,
    decisionId: d.id,
    decisionType: d.type,
    memberId: d.subject.memberId,
    origin,
    channel: origin === 'objection' ? (random.chance(0.85) ? 'portal' : 'post') : null,
    status,
    resolution,
    statement: origin === 'objection' ? 'I do not understand this decision and ask for a human review of it.' : null,
    requestedOutcome: null,
    receivedAt: received.toISOString(),
    dueAt: due,
    originalDueAt: due,
    extension: null,
    assignee,
    proposal:
      status === 'pending_approval'
        ? {
            outcome: 'override',
            override: {},
            rationale: 'The inputs were wrong; proposing a correction.',
            proposedBy: assignee!,
            proposedAt: received.toISOString(),
          }
        : null,
    resolutionRationale: resolution ? 'Checked against the published rules.' : null,
    openedAt: received.toISOString(),
    closedAt: closed?.toISOString() ?? null,
    version: status === 'open' ? 1 : 3,
  };
}

/**
 * The rollup counters this case's chain events would have added live: opened (objection filed or
 * sampled), then, for a closed case, its closing event (resolution or withdrawal). The statuses
 * and the due date in between move nothing that is counted.
 */
function caseRollups(c: StoredCase, d: StoredDecision): Rollup[] {
  const event = (action: ChainEvent['action'], data: Record<string, unknown>, actor: string) =>
    ({ decisionId: d.id, seq: 1, action, at: c.openedAt, actor: { id: actor, role: 'reviewer' }, caseId: c.id, data }) as ChainEvent;
  const snapshot = { status: c.status, dueAt: c.dueAt, receivedAt: c.receivedAt, closedAt: c.closedAt };
  const opened = event(
    c.origin === 'objection' ? 'objection_filed' : 'sampled',
    { fromStatus: null, toStatus: 'open', case: { ...snapshot, status: 'open', closedAt: null } },
    'member',
  );
  const out: Rollup[] = eventRollups(opened, d, DEFAULT_MONITORED_ATTRIBUTES);
  if (c.status === 'resolved' || c.status === 'withdrawn') {
    const data = { fromStatus: c.status === 'resolved' ? 'in_review' : 'open', toStatus: c.status, case: snapshot };
    const closed = c.status === 'resolved' ? event('resolved', { ...data, outcome: c.resolution }, c.assignee!) : event('withdrawn', data, 'member');
    out.push(...eventRollups(closed, d, DEFAULT_MONITORED_ATTRIBUTES));
  }
  return out;
}

/**
 * Fills a store fast, without the HTTP path: generated decisions become records with the real
 * toRecord (hashes, digests, findings), go in by insertMany in chunks, and the rollups are built
 * with the same functions the live hooks use. Cases are written with cases.put. Nothing but one
 * chunk is ever held in memory.
 */
export async function fillStore(store: Store, options: FillOptions): Promise<{ decisions: number; cases: number }> {
  const policies = policiesFromConfig(testConfig());
  const random = seededRandom(options.seed + 1);
  const recordedAt = options.now;
  let chunk: StoredDecision[] = [];
  let decisions = 0;
  let cases = 0;
  const flush = async () => {
    await store.decisions.insertMany(chunk.map((decision) => ({ decision })));
    const rollups: Rollup[] = chunk.flatMap((d) => decisionRollups(d, DEFAULT_MONITORED_ATTRIBUTES));
    for (let i = 0; i < chunk.length; i++) {
      if ((decisions + i) % options.decisionsPerCase !== 0) continue;
      const d = chunk[i]!;
      const c = caseFor(d, random, options.now);
      await store.cases.put(c);
      rollups.push(...caseRollups(c, d));
      cases++;
    }
    await store.rollups.incrementMany(mergeRollups(rollups));
    decisions += chunk.length;
    chunk = [];
    options.onProgress?.(decisions);
  };
  const generated = generateDecisions({
    count: options.decisions,
    members: options.members,
    now: options.now,
    seed: options.seed,
    keyPrefix: options.keyPrefix,
  });
  for (const input of generated) {
    // The generator's output is valid by construction (the ingest tests prove it); skipping the
    // schema here only makes the fill faster, the stored records are what ingest would store.
    chunk.push(toRecord(input as NewDecision, recordedAt, policies));
    if (chunk.length === FILL_CHUNK) await flush();
  }
  if (chunk.length) await flush();
  return { decisions, cases };
}
