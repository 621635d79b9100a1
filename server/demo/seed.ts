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

// Staff carry display names, as colleagues know them (the queue and the audit log name people).
export const DEMO_USERS: { username: string; roles: Role[]; memberId?: string; scopes?: DecisionType[]; displayName?: string }[] = [
  { username: 'anna', roles: ['member'], memberId: 'M-1001' },
  { username: 'bram', roles: ['member'], memberId: 'M-1002' },
  { username: 'fraud.reviewer', roles: ['reviewer', 'discloser'], scopes: ['fraud_flag'], displayName: 'Femke Janssens' },
  { username: 'pricing.reviewer', roles: ['reviewer'], scopes: ['renewal_price', 'risk_score'], displayName: 'Pieter Claes' },
  { username: 'senior.reviewer', roles: ['reviewer', 'approver'], scopes: ['renewal_price', 'fraud_flag', 'risk_score'], displayName: 'Sofie Dubois' },
  { username: 'governance', roles: ['governance'], displayName: 'Greet Willems' },
  { username: 'admin', roles: ['admin'], displayName: 'Ahmed Benali' },
];

export const DEMO_DECISIONS = 3000;
/** About a quarter of these policies renew within the demo's 90 days, once each. */
export const DEMO_MEMBERS = 300;
const DEMO_SEED = 7;

/** The meta entry that says this store has its demo data; its value is when it was seeded. */
export const DEMO_SEEDED = 'demo_seeded';

/** The demo decisions for a seeding at `now`: the story of generateDecisions, then the crowd. */
export const demoDecisions = (now: Date) => generateDecisions({ count: DEMO_DECISIONS, members: DEMO_MEMBERS, now, seed: DEMO_SEED });

type SeedDeps = { store: Store; clock: Clock; decisions: DecisionService; cases: CaseService; logger?: Logger };
export interface SeedResult {
  /** False when the store had its demo data already: nothing was written. */
  seeded: boolean;
  users: number;
  decisions: number;
  cases: number;
}

/**
 * Seeds demo users, models, decisions (through the real ingest path) and cases, once per store.
 * The decisions are dated relative to the clock, so seeding again later would send other bodies
 * under the same keys: a store with the marker (or, seeded before the marker existed, with the
 * first demo decision) is left as it is.
 */
export async function seedDemo(deps: SeedDeps): Promise<SeedResult> {
  const { store, clock, decisions } = deps;
  if (await alreadySeeded(store, clock)) return { seeded: false, users: 0, decisions: 0, cases: 0 };
  for (const user of DEMO_USERS) {
    if (!(await store.users.byUsername(user.username))) await createUser(store, clock, { ...user, password: DEMO_PASSWORD });
  }
  for (const entry of DEMO_MODEL_ENTRIES) await store.models.put(entry);
  // What the insurer's CRM would push: anna is e-mailed in Dutch; bram has no address on file, so
  // his reviewers see that he must be told by post.
  await store.contacts.put({ memberId: 'M-1001', email: 'anna@example.org', language: 'nl', emailOptOut: false, updatedAt: clock.now().toISOString() });
  const batch: unknown[] = [];
  let accepted = 0;
  for (const decision of demoDecisions(clock.now())) {
    batch.push(decision);
    if (batch.length === 1000) accepted += (await decisions.ingestBatch(batch.splice(0))).accepted;
  }
  if (batch.length) accepted += (await decisions.ingestBatch(batch)).accepted;
  const cases = accepted > 0 ? await seedDemoCases(deps) : 0;
  await store.meta.putIfAbsent(DEMO_SEEDED, clock.now().toISOString());
  return { seeded: true, users: DEMO_USERS.length, decisions: accepted, cases };
}

async function alreadySeeded(store: Store, clock: Clock): Promise<boolean> {
  if (await store.meta.get(DEMO_SEEDED)) return true;
  if (!(await store.decisions.get(decisionIdFor('demo-0')))) return false;
  await store.meta.putIfAbsent(DEMO_SEEDED, clock.now().toISOString());
  return true;
}

/**
 * Start-up (server/index.ts): seeds when SEED_DEMO says so, or by default when the embedded store
 * is new. `demo` tells whether the demo users are in use, for the start-up banner.
 */
export async function seedDemoOnStart(deps: SeedDeps & { seedDemo: boolean | undefined }): Promise<{ demo: boolean; result: SeedResult | null }> {
  const { seedDemo: asked, ...seedDeps } = deps;
  const { store } = seedDeps;
  const empty = (await store.decisions.count()) === 0 && (await store.users.list()).length === 0;
  const demo = asked ?? (empty && store.kind === 'sqlite');
  return { demo, result: demo ? await seedDemo(seedDeps) : null };
}

/**
 * Cases in every state, so each screen has something real, on the story decisions of
 * generateDecisions: anna's renewal increase (demo-0) is left for her to contest.
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

  // anna: an earlier risk score she contested; confirmed with reasons.
  const older = await object(anna, 6, 'Why am I placed in this risk group? I rarely need to see a doctor.');
  let c = (await cases.claim(pricing!, older.id, older.version)).case;
  await cases.resolve(pricing!, older.id, {
    outcome: 'confirm',
    rationale: 'The score follows the claims of the last 36 months and the age group, as the model describes; the data used is correct.',
    expectedVersion: c.version,
  });

  // bram: his renewal increase; an override waits for a second person.
  const waiting = await object(bram, 1, 'Three claims are counted but two of them were for my son, who has his own policy.');
  c = (await cases.claim(pricing!, waiting.id, waiting.version)).case;
  c = (
    await cases.comment(pricing!, waiting.id, {
      text: 'Checked the claims register: two claims belong to policy P-5099.',
      visibility: 'internal',
      expectedVersion: c.version,
    })
  ).case;
  await cases.resolve(pricing!, waiting.id, {
    outcome: 'override',
    rationale: 'Two of the three claims belong to another policy; the premium is recalculated with one claim.',
    override: { newPremiumCents: Math.max(0, ((await store.decisions.get(decisionOf(1)))!.output as { newPremiumCents: number }).newPremiumCents - 6000) },
    expectedVersion: c.version,
  } as never);

  // bram: his flagged claim was released after review (approved override).
  const released = await object(bram, 3, 'The provider is my regular GP. Please release the payment.');
  c = (await cases.claim(fraud!, released.id, released.version)).case;
  c = (
    await cases.resolve(fraud!, released.id, {
      outcome: 'override',
      rationale: 'Provider checked and not on the current watchlist; the claim is in order.',
      override: { flagged: false, action: 'none' },
      expectedVersion: c.version,
    } as never)
  ).case;
  await cases.approve(senior!, released.id, { approve: true, rationale: 'Agree: the watchlist entry was removed last month.', expectedVersion: c.version });

  // bram: his risk score, extended because a medical file is needed.
  const extended = await object(bram, 5, 'My chronic condition is under control; my doctor can confirm this.');
  c = (await cases.claim(pricing!, extended.id, extended.version)).case;
  await cases.extend(pricing!, extended.id, {
    months: 2,
    reason: 'We asked your doctor for a short report and need time to receive it.',
    expectedVersion: c.version,
  });

  // The queue: objections by post and phone from other members, each about the decision it names
  // (M-1004's renewal increase, M-1005's held claim, M-1006's risk score); the letter of 40 days ago is overdue.
  const received = [
    { n: 11, days: 40, channel: 'post' as const, text: 'Letter: I dispute the new premium.' },
    { n: 12, days: 12, channel: 'post' as const, text: 'Letter: my claim was held without explanation.' },
    { n: 13, days: 3, channel: 'phone' as const, text: 'Phone call: member asks for a review of the score.' },
  ];
  for (const r of received) {
    const decision = await store.decisions.get(decisionOf(r.n));
    if (!decision) continue;
    const reviewer = decision.type === 'fraud_flag' ? fraud! : pricing!;
    await cases.fileObjection(reviewer, decision.id, { statement: r.text, channel: r.channel, receivedAt: daysAgo(r.days) });
    opened++;
  }
  return opened;
}
