import { afterAll, describe, expect, it } from 'vitest';
import { verifyAll } from '../../server/audit/verify';
import { createUser } from '../../server/auth/users.service';
import { decisionIdFor } from '../../server/decisions/ingest';
import { renewalDecision } from '../support/fixtures';
import { signedIn, startServerProcess, type ServerProcess } from './process';
import { storeTargets } from './store-targets';

const ROUNDS = 20;
const BATCH = 100;

const batchOf = (round: number, n: number) =>
  Array.from({ length: BATCH }, (_, i) =>
    renewalDecision({
      idempotencyKey: `crash-${round}-${n}-${i}`,
      subject: { memberId: i % 10 === 0 ? 'M-1001' : `M-${5000 + i}` },
      decidedAt: '2026-11-01T10:00:00.000Z',
    }),
  );

async function postBatch(baseUrl: string, decisions: unknown[]) {
  const res = await fetch(`${baseUrl}/api/decisions/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer demo-ingest-key' },
    body: JSON.stringify({ decisions }),
  });
  return { status: res.status, body: (await res.json()) as { accepted: number; duplicates: number; code?: string } };
}

for (const target of storeTargets('crash')) {
  describe(`crash safety under SIGKILL [${target.name}]`, () => {
    afterAll(() => target.cleanup());

    it(`keeps every acknowledged decision and event through ${ROUNDS} kills, with no gap, fork or duplicate`, async () => {
      const ackedDecisions = new Set<string>();
      const ackedEvents: { decisionId: string; action: string }[] = [];
      let unacked: unknown[] | null = null;
      // Only the two users the loops need; demo decisions would slow FerretDB start-up for nothing.
      const setup = await target.open();
      const clock = { now: () => new Date() };
      await createUser(setup, clock, { username: 'anna', password: 'demo', roles: ['member'], memberId: 'M-1001' });
      await createUser(setup, clock, { username: 'pricing.reviewer', password: 'demo', roles: ['reviewer'], scopes: ['renewal_price', 'risk_score'] });
      await setup.close();
      for (let round = 0; round < ROUNDS; round++) {
        const server: ServerProcess = await startServerProcess({ ...target.env, SEED_DEMO: '0', SAMPLE_RATE: '0.05' });
        // A client retrying the batch it never got an answer for: same keys, same bodies.
        if (unacked) {
          const retry = await postBatch(server.baseUrl, unacked);
          expect(retry.status, JSON.stringify(retry.body)).toBe(200);
          expect(retry.body.accepted + retry.body.duplicates).toBe(BATCH);
          for (const d of unacked as { idempotencyKey: string }[]) ackedDecisions.add(decisionIdFor(d.idempotencyKey));
          unacked = null;
        }
        const anna = await signedIn(server.baseUrl, 'anna');
        const reviewer = await signedIn(server.baseUrl, 'pricing.reviewer');
        let stop = false;
        const ingestLoop = (async () => {
          for (let n = 0; !stop; n++) {
            const decisions = batchOf(round, n);
            unacked = decisions;
            try {
              const res = await postBatch(server.baseUrl, decisions);
              if (res.status === 200) {
                for (const d of decisions) ackedDecisions.add(decisionIdFor(d.idempotencyKey));
                unacked = null;
              }
            } catch {
              return; // the server died mid-request: this batch stays unacknowledged
            }
          }
        })();
        const caseLoop = (async () => {
          for (let n = 0; !stop; n++) {
            try {
              const mine = await anna.get('/api/decisions?limit=20');
              const target = mine.body?.items?.find((d: { cases?: unknown[]; id: string }) => !ackedEvents.some((e) => e.decisionId === d.id));
              if (!target) continue;
              const filed = await anna.post(`/api/decisions/${target.id}/objections`, { statement: `Round ${round}: please review.` });
              if (filed.status === 201) {
                ackedEvents.push({ decisionId: target.id, action: 'objection_filed' });
                const claimed = await reviewer.post(`/api/cases/${filed.body.case.id}/claim`, { expectedVersion: filed.body.case.version });
                if (claimed.status === 200) ackedEvents.push({ decisionId: target.id, action: 'assigned' });
              }
            } catch {
              return;
            }
          }
        })();
        await new Promise((r) => setTimeout(r, 300 + Math.random() * 1500));
        await server.kill('SIGKILL');
        stop = true;
        await Promise.all([ingestLoop, caseLoop]);
      }

      const store = await target.open();
      try {
        const stored = await store.decisions.getMany([...ackedDecisions]);
        expect(stored.length).toBe(ackedDecisions.size);
        for (const event of ackedEvents) {
          const chain = await store.events.list(event.decisionId);
          expect(chain.map((e) => e.action)).toContain(event.action);
          expect(chain.map((e) => e.seq)).toEqual(chain.map((_, i) => i + 1));
        }
        const verify = await verifyAll(store);
        expect(verify.brokenAt).toBeUndefined();
        expect(verify.ok).toBe(true);
        expect(ackedEvents.length).toBeGreaterThan(0);
      } finally {
        await store.close();
      }
    }, 600_000);
  });
}
