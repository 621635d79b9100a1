/**
 * The load for test/security/load.test.ts, run as its own process so client and server do not
 * share an event loop: members reading and objecting, reviewers claiming and resolving, an ingest
 * service sending batches, governance reading metrics and the audit trail, all at once.
 *
 *   node --import tsx test/security/load-client.ts <baseUrl> <durationMs> <maxRequests>
 *
 * Prints one JSON line: request count, statuses, network errors, p50/p99 per kind of request.
 */
import { performance } from 'node:perf_hooks';
import { fraudDecision, renewalDecision, riskDecision } from '../support/fixtures';

const [baseUrl = 'http://127.0.0.1:3000', durationArg = '8000', maxArg = '20000'] = process.argv.slice(2);
const deadline = Date.now() + Number(durationArg);
const maxRequests = Number(maxArg);

interface Sample {
  kind: string;
  status: number;
  ms: number;
}
const samples: Sample[] = [];
const networkErrors: string[] = [];
const unexpected: string[] = [];
const done = () => Date.now() >= deadline || samples.length + networkErrors.length >= maxRequests;

async function call(kind: string, method: string, url: string, init: { cookie?: string; bearer?: string; body?: unknown } = {}) {
  const started = performance.now();
  try {
    const res = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        ...(init.cookie ? { cookie: init.cookie } : {}),
        ...(init.bearer ? { authorization: `Bearer ${init.bearer}` } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
    const text = await res.text();
    samples.push({ kind, status: res.status, ms: performance.now() - started });
    // 409 is a lost race between our own clients, which is the point; anything else is a bug.
    if (res.status >= 300 && res.status !== 409) unexpected.push(`${kind} ${method} ${url} → ${res.status} ${text.slice(0, 200)}`);
    return { status: res.status, body: text ? (JSON.parse(text) as any) : null };
  } catch (error) {
    networkErrors.push(`${kind} ${method} ${url}: ${(error as Error).message}`);
    return { status: 0, body: null };
  }
}

async function signIn(username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  if (!res.ok) throw new Error(`sign-in ${username}: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

const pick = <T>(xs: T[]): T | undefined => xs[Math.floor(Math.random() * xs.length)];
const statement = 'Please have someone look at this decision again.';

async function ingestLoop(worker: number) {
  for (let n = 0; !done(); n++) {
    const decisions = Array.from({ length: 50 }, (_, i) => {
      const memberId = i % 5 === 0 ? 'M-1001' : i % 5 === 1 ? 'M-1002' : `M-${5000 + ((n * 50 + i) % 400)}`;
      const key = `load-${process.pid}-${worker}-${n}-${i}`;
      if (i % 3 === 1) return fraudDecision({ idempotencyKey: key, subject: { memberId, claimId: 'C-1' } });
      if (i % 3 === 2) return riskDecision({ idempotencyKey: key, subject: { memberId } });
      return renewalDecision({ idempotencyKey: key, subject: { memberId } });
    });
    await call('ingest', 'POST', '/api/decisions/batch', { bearer: 'demo-ingest-key', body: { decisions } });
  }
}

async function memberLoop(cookie: string) {
  while (!done()) {
    const list = await call('member read', 'GET', '/api/decisions?limit=20', { cookie });
    const decision = pick((list.body?.items ?? []) as { id: string }[]);
    if (!decision) continue;
    await call('member read', 'GET', `/api/decisions/${decision.id}`, { cookie });
    await call('member read', 'GET', `/api/decisions/${decision.id}/explanation?lang=${pick(['en', 'nl', 'fr'])}`, { cookie });
    await call('member read', 'GET', '/api/cases?limit=20', { cookie });
    if (Math.random() < 0.3) await call('member objection', 'POST', `/api/decisions/${decision.id}/objections`, { cookie, body: { statement } });
  }
}

/** `racing`: always the case due first, so two such loops collide on the same case on purpose. */
async function reviewerLoop(cookie: string, racing = false) {
  while (!done()) {
    const queue = await call('reviewer read', 'GET', '/api/cases?status=open&limit=20', { cookie });
    const items = (queue.body?.items ?? []) as { id: string; version: number }[];
    const open = racing ? items[0] : pick(items);
    if (!open) {
      await new Promise((r) => setTimeout(r, 20));
      continue;
    }
    const claimed = await call('reviewer act', 'POST', `/api/cases/${open.id}/claim`, { cookie, body: { expectedVersion: open.version } });
    if (claimed.status !== 200) continue;
    const version = claimed.body.case.version as number;
    const commented = await call('reviewer act', 'POST', `/api/cases/${open.id}/comments`, {
      cookie,
      body: { text: 'Looked at the file.', visibility: 'internal', expectedVersion: version },
    });
    if (commented.status !== 201) continue;
    await call('reviewer act', 'POST', `/api/cases/${open.id}/resolve`, {
      cookie,
      body: { outcome: 'confirm', rationale: 'Checked the inputs; the decision stands.', expectedVersion: commented.body.case.version },
    });
  }
}

async function governanceLoop(cookie: string) {
  while (!done()) {
    await call('governance read', 'GET', '/api/metrics/overview', { cookie });
    await call('governance read', 'GET', '/api/audit/events?limit=20', { cookie });
    await call('governance read', 'GET', '/api/cases?overdue=true&limit=20', { cookie });
  }
}

const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
};

async function main() {
  const [anna, bram, pricing, senior, fraud, governance] = await Promise.all(
    ['anna', 'bram', 'pricing.reviewer', 'senior.reviewer', 'fraud.reviewer', 'governance'].map(signIn),
  );
  const started = Date.now();
  await Promise.all([
    ingestLoop(1),
    ingestLoop(2),
    memberLoop(anna!),
    memberLoop(anna!),
    memberLoop(bram!),
    memberLoop(bram!),
    reviewerLoop(pricing!),
    reviewerLoop(senior!),
    reviewerLoop(senior!, true),
    reviewerLoop(pricing!, true),
    reviewerLoop(fraud!),
    governanceLoop(governance!),
  ]);
  const seconds = (Date.now() - started) / 1000;
  const byStatus: Record<string, number> = {};
  for (const s of samples) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
  const kinds = [...new Set(samples.map((s) => s.kind))];
  const latency = Object.fromEntries(
    ['all', ...kinds].map((kind) => {
      const ms = samples.filter((s) => kind === 'all' || s.kind === kind).map((s) => s.ms);
      return [kind, { n: ms.length, p50: percentile(ms, 50), p99: percentile(ms, 99) }];
    }),
  );
  process.stdout.write(
    JSON.stringify({
      requests: samples.length,
      seconds,
      perSecond: Math.round(samples.length / seconds),
      byStatus,
      latency,
      networkErrors: networkErrors.slice(0, 20),
      networkErrorCount: networkErrors.length,
      unexpected: unexpected.slice(0, 20),
      unexpectedCount: unexpected.length,
    }) + '\n',
  );
}

main().catch((error) => {
  process.stderr.write(`load client failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
