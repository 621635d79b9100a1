import { afterAll, beforeAll, expect, it } from 'vitest';
import type request from 'supertest';
import { ACTIVE_STATUSES } from '@shared/schemas/case';
import type { DecisionType } from '@shared/schemas/common';
import { MetricsOverview } from '@shared/schemas/metrics';
import { diffRollups, rebuildRollups, upgradeRollups } from '../../server/metrics/rebuild';
import { DUE_ATTRIBUTE } from '../../server/metrics/rollups';
import { buildTestApp, type TestApp } from '../support/app';
import { fraudDecision, renewalDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';

const DAY = 86_400_000;
// The clock moves over months here; sessions must outlive that.
// Samples due 31 days after they are drawn: the story below dates them a month on, like the members' cases.
const longSessions = { sampleRate: 0, sampleReviewDays: 31, sessionIdleMs: 365 * DAY, sessionAbsoluteMs: 365 * DAY };
const statement = 'I do not agree with this decision, please review it.';
const rationale = 'Checked: the decision follows the published rules.';

interface CaseRef {
  id: string;
  version: number;
  status: string;
}

/** Case commands through the HTTP API, each checking its status. */
function caseSteps(app: TestApp) {
  const ok = (res: request.Response, status = 200) => {
    if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body.case as CaseRef;
  };
  const post = async (username: string, url: string, body: Record<string, unknown>, status = 200) =>
    ok(await (await app.as(username)).post(url).send(body), status);
  return {
    object: (username: string, decisionId: string, extra: Record<string, unknown> = {}) =>
      post(username, `/api/decisions/${decisionId}/objections`, { statement, ...extra }, 201),
    claim: (reviewer: string, c: CaseRef) => post(reviewer, `/api/cases/${c.id}/claim`, { expectedVersion: c.version }),
    confirm: (reviewer: string, c: CaseRef) => post(reviewer, `/api/cases/${c.id}/resolve`, { outcome: 'confirm', rationale, expectedVersion: c.version }),
    override: (reviewer: string, c: CaseRef, override: Record<string, unknown>) =>
      post(reviewer, `/api/cases/${c.id}/resolve`, { outcome: 'override', rationale, override, expectedVersion: c.version }),
    approve: (approver: string, c: CaseRef, approve: boolean) =>
      post(approver, `/api/cases/${c.id}/approve`, { approve, rationale, expectedVersion: c.version }),
    extend: (reviewer: string, c: CaseRef, months: number) =>
      post(reviewer, `/api/cases/${c.id}/extend`, { months, reason: 'The file needs an expert opinion.', expectedVersion: c.version }),
    withdraw: (member: string, c: CaseRef) => post(member, `/api/cases/${c.id}/withdraw`, { expectedVersion: c.version }),
  };
}

describeEachStore('open and overdue cases from the due-day gauge', (kind) => {
  let t: TestStore;
  let app: TestApp;
  let steps: ReturnType<typeof caseSteps>;
  const sampled: string[] = [];

  /** The overview's open and overdue counts, against counts of the cases themselves, per type. */
  async function expectOverviewCountsCases() {
    const gov = await app.as('governance');
    const now = app.clock.now().toISOString();
    for (const type of [undefined, 'renewal_price', 'fraud_flag', 'risk_score'] as (DecisionType | undefined)[]) {
      const overview = MetricsOverview.parse((await gov.get(`/api/metrics/overview${type ? `?type=${type}` : ''}`)).body);
      const active = { statuses: ACTIVE_STATUSES, ...(type ? { type } : {}) };
      expect({ now, type, open: overview.openCases, overdue: overview.overdueCases }).toEqual({
        now,
        type,
        open: await app.store.cases.count(active),
        overdue: await app.store.cases.count({ ...active, dueBefore: now }),
      });
    }
    const all = MetricsOverview.parse((await gov.get('/api/metrics/overview')).body);
    return { open: all.openCases, overdue: all.overdueCases, decisions: all.decisions };
  }

  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store, longSessions);
    steps = caseSteps(app);

    // 10 October: eight renewals, four fraud flags near their threshold (sampled, due 10 November), two far from it.
    app.clock.set('2026-10-10T12:00:00.000Z');
    const decidedAt = '2026-10-01T10:00:00.000Z';
    const decisions = [
      ...Array.from({ length: 8 }, () => renewalDecision({ decidedAt })),
      ...Array.from({ length: 4 }, () =>
        fraudDecision({ decidedAt, output: { claimId: 'C-1', score: 0.72, threshold: 0.7, flagged: true, action: 'hold_payment' } }),
      ),
      ...Array.from({ length: 2 }, () => fraudDecision({ decidedAt })),
    ];
    const res = await app.ingest().post('/api/decisions/batch').send({ decisions });
    expect(res.status).toBe(200);
    const ids: string[] = res.body.ids;
    const [r0, r1, r2, r3, r4, r5, r6, r7] = ids.slice(0, 8);
    const [f0, f1, f2, f3, f4] = ids.slice(8);
    const sampleOf = async (decisionId: string) => (await app.store.cases.listForDecision(decisionId))[0] as CaseRef;
    for (const id of [f0!, f1!, f2!, f3!]) expect((await sampleOf(id))?.status).toBe('open');
    sampled.push(f2!, f3!);

    await steps.object('anna', r0!); // stays open
    expect(
      (await steps.override('pricing.reviewer', await steps.claim('pricing.reviewer', await steps.object('anna', r1!)), { newPremiumCents: 120_000 })).status,
    ).toBe('pending_approval');
    const approved = await steps.override('pricing.reviewer', await steps.claim('pricing.reviewer', await steps.object('anna', r2!)), {
      newPremiumCents: 120_000,
    });
    expect((await steps.approve('senior.reviewer', approved, true)).status).toBe('resolved');
    expect((await steps.confirm('pricing.reviewer', await steps.claim('pricing.reviewer', await steps.object('anna', r3!)))).status).toBe('resolved');
    expect((await steps.withdraw('anna', await steps.object('anna', r4!))).status).toBe('withdrawn');
    await steps.extend('pricing.reviewer', await steps.claim('pricing.reviewer', await steps.object('anna', r5!)), 2); // due 10 January
    const proposed = await steps.override('pricing.reviewer', await steps.claim('pricing.reviewer', await steps.object('anna', r6!)), {
      newPremiumCents: 120_000,
    });
    expect((await steps.approve('senior.reviewer', proposed, false)).status).toBe('in_review');
    expect((await steps.confirm('fraud.reviewer', await steps.claim('fraud.reviewer', await sampleOf(f1!)))).status).toBe('resolved');
    await steps.extend('fraud.reviewer', await sampleOf(f2!), 1); // the sample is due 10 December now
    const released = await steps.override('fraud.reviewer', await steps.claim('fraud.reviewer', await steps.object('anna', f4!)), {
      flagged: false,
      action: 'none',
    });
    expect((await steps.approve('senior.reviewer', released, true)).status).toBe('resolved');

    // 1 November: objections take in two sample cases (one extended), moving them to 1 December;
    // r4 is contested again; a postal objection received 25 October is due 25 November.
    app.clock.set('2026-11-01T12:00:00.000Z');
    expect((await steps.object('anna', f2!)).id).toBe((await sampleOf(f2!)).id);
    expect((await steps.object('anna', f3!)).id).toBe((await sampleOf(f3!)).id);
    await steps.object('anna', r4!);
    await steps.object('pricing.reviewer', r7!, { channel: 'post', receivedAt: '2026-10-25T09:00:00.000Z' });
  }, 60_000);
  afterAll(async () => t.dispose());

  it('counts exactly what the cases say, before and after each due date, per type', async () => {
    // Active: r0, r1, r6 and sample f0 (due 10 Nov), r7 (25 Nov), r4's second case, f2, f3 (1 Dec), r5 (10 Jan).
    app.clock.set('2026-11-10T12:00:00.000Z');
    expect(await expectOverviewCountsCases()).toEqual({ open: 9, overdue: 0, decisions: 14 });
    // Past 23:59 in Brussels on their due day, still the same UTC day: overdue by the exact count.
    app.clock.set('2026-11-10T23:30:00.000Z');
    expect(await expectOverviewCountsCases()).toMatchObject({ open: 9, overdue: 4 });
    app.clock.set('2026-11-25T12:00:00.000Z');
    expect(await expectOverviewCountsCases()).toMatchObject({ open: 9, overdue: 4 });
    app.clock.set('2026-11-25T23:30:00.000Z');
    expect(await expectOverviewCountsCases()).toMatchObject({ open: 9, overdue: 5 });
    // A new UTC day: the same cases, now counted from the gauge of earlier days.
    app.clock.set('2026-11-26T00:30:00.000Z');
    expect(await expectOverviewCountsCases()).toMatchObject({ open: 9, overdue: 5 });
    app.clock.set('2027-02-01T12:00:00.000Z');
    expect(await expectOverviewCountsCases()).toMatchObject({ open: 9, overdue: 9 });

    const gauge = await app.store.rollups.list({ attribute: DUE_ATTRIBUTE });
    expect(gauge.every((r) => (r.counters.active ?? 0) >= 0)).toBe(true);
    // The decision-level and fairness documents never carry the gauge.
    for (const attribute of ['', 'age_band', 'region']) {
      expect((await app.store.rollups.list({ attribute })).some((r) => 'active' in r.counters)).toBe(false);
    }
  });

  it('is reproduced by a rebuild, also from chains written before objections recorded the old due date', async () => {
    expect(diffRollups(await app.store.rollups.list({}), await rebuildRollups(app.store))).toEqual([]);
    // Events of the previous version: an objection taking in a sample case did not say which due date it replaced.
    for (const decisionId of sampled) {
      const objection = (await app.store.events.list(decisionId)).find((e) => e.action === 'objection_filed')!;
      expect(objection.data.fromDueAt).toEqual(expect.any(String));
      await t.raw.updateEvent(decisionId, objection.seq, (doc) => void delete doc.data.fromDueAt);
    }
    expect(diffRollups(await app.store.rollups.list({}), await rebuildRollups(app.store))).toEqual([]);
  });

  it('upgrades rollups of the previous format once, at start-up', async () => {
    app.clock.set('2026-11-25T23:30:00.000Z');
    // What the previous version left: no gauge and no format stamp.
    await app.store.rollups.replaceAll((await rebuildRollups(app.store)).filter((r) => !r.attribute.startsWith('@')));
    expect(await expectOverviewCountsCases().catch(() => 'differs')).toBe('differs');
    expect(await upgradeRollups(app.store)).toBe(true);
    expect(await expectOverviewCountsCases()).toEqual({ open: 9, overdue: 5, decisions: 14 });
    expect(await upgradeRollups(app.store)).toBe(false);
    expect(diffRollups(await app.store.rollups.list({}), await rebuildRollups(app.store))).toEqual([]);
  });
});
