import type { Logger } from 'pino';
import type { DecisionType, Role } from '@shared/schemas/common';
import { createUser } from '../auth/users.service';
import type { Clock } from '../clock';
import type { DecisionService } from '../decisions/decisions.service';
import type { Store } from '../storage/store';
import { generateDecisions } from './generator';
import { DEMO_MODEL_ENTRIES } from './models';
import { toUser } from '../auth/sessions.service';
import type { CaseService } from '../cases/cases.service';
import { decisionIdFor } from '../decisions/ingest';

export const DEMO_PASSWORD = 'demo';

export const DEMO_USERS: { username: string; roles: Role[]; memberId?: string; scopes?: DecisionType[] }[] = [
  { username: 'anna', roles: ['member'], memberId: 'M-1001' },
  { username: 'bram', roles: ['member'], memberId: 'M-1002' },
  { username: 'fraud.reviewer', roles: ['reviewer'], scopes: ['fraud_flag'] },
  { username: 'pricing.reviewer', roles: ['reviewer'], scopes: ['renewal_price', 'risk_score'] },
  { username: 'senior.reviewer', roles: ['reviewer', 'approver'], scopes: ['renewal_price', 'fraud_flag', 'risk_score'] },
  { username: 'governance', roles: ['governance'] },
  { username: 'admin', roles: ['admin'] },
];

export const DEMO_DECISIONS = 3000;
export const DEMO_MEMBERS = 300;

/** Seeds demo users and a few thousand decisions through the real ingest path. Safe to re-run. */
export async function seedDemo(deps: { store: Store; clock: Clock; decisions: DecisionService; cases: CaseService; logger?: Logger }) {
  const { store, clock, decisions } = deps;
  for (const user of DEMO_USERS) {
    if (!(await store.users.byUsername(user.username))) await createUser(store, clock, { ...user, password: DEMO_PASSWORD });
  }
  for (const entry of DEMO_MODEL_ENTRIES) await store.models.put(entry);
  const batch: unknown[] = [];
  let accepted = 0;
  for (const decision of generateDecisions({ count: DEMO_DECISIONS, members: DEMO_MEMBERS, now: clock.now(), seed: 7 })) {
    batch.push(decision);
    if (batch.length === 1000) accepted += (await decisions.ingestBatch(batch.splice(0))).accepted;
  }
  if (batch.length) accepted += (await decisions.ingestBatch(batch)).accepted;
  const cases = accepted > 0 ? await seedDemoCases(deps) : 0;
  return { users: DEMO_USERS.length, decisions: accepted, cases };
}

/**
 * Cases in every state, so each screen has something real: the first ten demo decisions belong
 * to anna (even) and bram (odd); anna's renewal increase (demo-0) is left for her to contest.
 */
async function seedDemoCases({ store, clock, cases }: { store: Store; clock: Clock; cases: CaseService }) {
  const user = async (name: string) => toUser((await store.users.byUsername(name))!);
  const [anna, bram, fraud, pricing, senior] = await Promise.all(['anna', 'bram', 'fraud.reviewer', 'pricing.reviewer', 'senior.reviewer'].map(user));
  const decisionOf = (n: number) => decisionIdFor(`demo-${n}`);
  const daysAgo = (days: number) => new Date(clock.now().getTime() - days * 86_400_000).toISOString();
  let opened = 0;
  const object = async (member: typeof anna, n: number, statement: string) => {
    opened++;
    return (await cases.fileObjection(member!, decisionOf(n), { statement })).case;
  };

  // anna: her flagged claim is held; she objected and a fraud reviewer is on it.
  const held = await object(anna, 2, 'This hospital bill is genuine. I was admitted after a fall; the discharge letter is attached.');
  await cases.claim(fraud!, held.id, held.version);

  // anna: an older renewal she contested; confirmed with reasons.
  const older = await object(anna, 6, 'Why did my premium change when nothing in my situation changed?');
  let c = (await cases.claim(pricing!, older.id, older.version)).case;
  await cases.resolve(pricing!, older.id, { outcome: 'confirm', rationale: 'The change follows the published tariff: medical costs rose for everyone this year.', expectedVersion: c.version });

  // bram: his renewal increase; an override waits for a second person.
  const waiting = await object(bram, 1, 'Three claims are counted but two of them were for my son, who has his own policy.');
  c = (await cases.claim(pricing!, waiting.id, waiting.version)).case;
  c = (await cases.comment(pricing!, waiting.id, { text: 'Checked the claims register: two claims belong to policy P-5099.', visibility: 'internal', expectedVersion: c.version })).case;
  await cases.resolve(pricing!, waiting.id, {
    outcome: 'override',
    rationale: 'Two of the three claims belong to another policy; the premium is recalculated with one claim.',
    override: { newPremiumCents: Math.max(0, ((await store.decisions.get(decisionOf(1)))!.output as { newPremiumCents: number }).newPremiumCents - 6000) },
    expectedVersion: c.version,
  } as never);

  // bram: his flagged claim was released after review (approved override).
  const released = await object(bram, 3, 'The provider is my regular GP. Please release the payment.');
  c = (await cases.claim(fraud!, released.id, released.version)).case;
  c = (await cases.resolve(fraud!, released.id, { outcome: 'override', rationale: 'Provider checked and not on the current watchlist; the claim is in order.', override: { flagged: false, action: 'none' }, expectedVersion: c.version } as never)).case;
  await cases.approve(senior!, released.id, { approve: true, rationale: 'Agree: the watchlist entry was removed last month.', expectedVersion: c.version });

  // bram: his risk score, extended because a medical file is needed.
  const extended = await object(bram, 5, 'My chronic condition is under control; my doctor can confirm this.');
  c = (await cases.claim(pricing!, extended.id, extended.version)).case;
  await cases.extend(pricing!, extended.id, { months: 2, reason: 'We asked your doctor for a short report and need time to receive it.', expectedVersion: c.version });

  // The queue: objections by post from other members, one already overdue.
  const postal = [
    { type: 'renewal_price' as const, days: 40, text: 'Letter: I dispute the new premium.' },
    { type: 'fraud_flag' as const, days: 12, text: 'Letter: my claim was held without explanation.' },
    { type: 'risk_score' as const, days: 3, text: 'Phone call: member asks for a review of the score.' },
  ];
  for (const p of postal) {
    // A decision made before the letter arrived, from a member other than anna and bram.
    const decision = (await store.decisions.page({ type: p.type, to: daysAgo(p.days + 2) }, null, 20)).find(
      (d) => !['M-1001', 'M-1002'].includes(d.subject.memberId),
    );
    if (!decision) continue;
    const reviewer = decision.type === 'fraud_flag' ? fraud! : pricing!;
    const receivedAt = daysAgo(p.days);
    const active = (await store.cases.listForDecision(decision.id)).find((x) => x.status !== 'resolved' && x.status !== 'withdrawn');
    if (active?.origin === 'objection') continue;
    await cases.fileObjection(reviewer, decision.id, { statement: p.text, channel: p.days > 10 ? 'post' : 'phone', receivedAt });
    opened++;
  }
  return opened;
}
