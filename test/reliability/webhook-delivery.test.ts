import { afterAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/auth/users.service';
import { newSecret } from '../../server/webhooks/signing';
import { renewalDecision } from '../support/fixtures';
import { startReceiver } from '../support/webhook-receiver';
import { freePort, signedIn, startServerProcess } from './process';
import { storeTargets } from './store-targets';

const DECISIONS = 5;

const until = async (check: () => boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
};

for (const target of storeTargets('webhook-crash')) {
  describe(`webhooks through SIGKILL [${target.name}]`, () => {
    afterAll(() => target.cleanup());

    it('delivers every event after a kill while the receiver was down, none lost, each decision in order', async () => {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}/hook`;
      const secret = newSecret();
      const setup = await target.open();
      const clock = { now: () => new Date() };
      await createUser(setup, clock, { username: 'anna', password: 'demo', roles: ['member'], memberId: 'M-1001' });
      await createUser(setup, clock, { username: 'pricing.reviewer', password: 'demo', roles: ['reviewer'], scopes: ['renewal_price'] });
      const now = clock.now().toISOString();
      await setup.webhooks.add({
        id: 'wh_crash',
        url,
        events: ['case.opened', 'case.extended', 'case.withdrawn'],
        description: 'billing',
        enabled: true,
        disabledReason: null,
        secrets: [{ secret, createdAt: now, expiresAt: null }],
        createdAt: now,
        updatedAt: now,
      });
      await setup.close();
      const env = {
        ...target.env,
        SEED_DEMO: '0',
        SAMPLE_RATE: '0',
        DELIVERY_RETRY_BASE_MS: '200',
        DELIVERY_TIMEOUT_MS: '1000',
        WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      };

      // The receiver is down: every attempt fails while the server works and is killed.
      let server = await startServerProcess(env);
      const anna = await signedIn(server.baseUrl, 'anna');
      const reviewer = await signedIn(server.baseUrl, 'pricing.reviewer');
      const decisionIds: string[] = [];
      for (let i = 0; i < DECISIONS; i++) {
        const res = await fetch(`${server.baseUrl}/api/decisions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer demo-ingest-key' },
          body: JSON.stringify(renewalDecision({ idempotencyKey: `webhook-crash-${i}`, subject: { memberId: 'M-1001' } })),
        });
        const decisionId = ((await res.json()) as { id: string }).id;
        decisionIds.push(decisionId);
        const filed = await anna.post(`/api/decisions/${decisionId}/objections`, { statement: 'Please have a person look at this again.' });
        const caseId = filed.body.case.id as string;
        const extended = await reviewer.post(`/api/cases/${caseId}/extend`, {
          months: 1,
          reason: 'We need the claims history from the other insurer.',
          expectedVersion: 1,
        });
        expect(extended.status).toBe(200);
        expect((await anna.post(`/api/cases/${caseId}/withdraw`, { expectedVersion: 2 })).status).toBe(200);
      }
      // Let the outbox job fan out and fail a few attempts, then kill the process mid-retry.
      await new Promise((r) => setTimeout(r, 2500));
      await server.kill('SIGKILL');

      const receiver = await startReceiver(port);
      receiver.trust(secret);
      try {
        server = await startServerProcess(env);
        const expected = DECISIONS * 3;
        const unique = () => new Set(receiver.received.map((r) => r.id)).size;
        await until(() => unique() >= expected, 45_000);
        await server.kill('SIGTERM');
        expect(unique()).toBe(expected);
        for (const r of receiver.received) expect(r.verifiedWith).toEqual([secret]);
        for (const decisionId of decisionIds) {
          const firsts = [...new Map(receiver.received.filter((r) => r.body.data.decisionId === decisionId).map((r) => [r.id, r] as const)).values()];
          expect(firsts.map((r) => r.body.type)).toEqual(['case.opened', 'case.extended', 'case.withdrawn']);
          const sequences = firsts.map((r) => r.body.data.sequence as number);
          expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
        }
      } finally {
        await server.kill('SIGKILL');
        await receiver.close();
      }
    }, 180_000);
  });
}
