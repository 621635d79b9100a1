import type request from 'supertest';
import { TEST_NOW, type TestApp } from './app';

export const DAY = 86_400_000;
export const daysAfterNow = (days: number) => new Date(Date.parse(TEST_NOW) + days * DAY).toISOString();
const statement = 'I do not agree with this decision, please review it.';
// Clock moves by weeks in these tests; sessions must outlive them.
export const longSessions = { sampleRate: 0, sessionIdleMs: 365 * DAY, sessionAbsoluteMs: 365 * DAY };

/** Case commands through the real HTTP API, each checking its status. */
export function caseSteps(app: TestApp) {
  const ok = (res: request.Response, status = 200) => {
    if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  return {
    async batch(decisions: unknown[]): Promise<string[]> {
      return ok(await app.ingest().post('/api/decisions/batch').send({ decisions })).ids;
    },
    async object(username: string, decisionId: string, extra: Record<string, unknown> = {}) {
      const body = ok(await (await app.as(username)).post(`/api/decisions/${decisionId}/objections`).send({ statement, ...extra }), 201);
      return body.case as { id: string; version: number };
    },
    async claim(reviewer: string, c: { id: string; version: number }) {
      return ok(await (await app.as(reviewer)).post(`/api/cases/${c.id}/claim`).send({ expectedVersion: c.version })).case as { id: string; version: number };
    },
    async confirm(reviewer: string, c: { id: string; version: number }) {
      const res = await (
        await app.as(reviewer)
      )
        .post(`/api/cases/${c.id}/resolve`)
        .send({ outcome: 'confirm', rationale: 'Checked: the decision follows the published rules.', expectedVersion: c.version });
      return ok(res).case as { id: string; version: number; status: string };
    },
    async override(reviewer: string, c: { id: string; version: number }, override: Record<string, unknown>) {
      const res = await (
        await app.as(reviewer)
      )
        .post(`/api/cases/${c.id}/resolve`)
        .send({ outcome: 'override', rationale: 'The inputs were wrong; the outcome is corrected.', override, expectedVersion: c.version });
      return ok(res).case as { id: string; version: number; status: string };
    },
    async approve(approver: string, c: { id: string; version: number }, approve = true) {
      const res = await (
        await app.as(approver)
      )
        .post(`/api/cases/${c.id}/approve`)
        .send({ approve, rationale: 'Second look: agreed with the reasoning.', expectedVersion: c.version });
      return ok(res).case as { id: string; version: number; status: string };
    },
  };
}
