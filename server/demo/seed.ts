import type { Logger } from 'pino';
import type { DecisionType, Role } from '@shared/schemas/common';
import { createUser } from '../auth/users.service';
import type { Clock } from '../clock';
import type { DecisionService } from '../decisions/decisions.service';
import type { Store } from '../storage/store';
import { generateDecisions } from './generator';

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
export async function seedDemo(deps: { store: Store; clock: Clock; decisions: DecisionService; logger?: Logger }) {
  const { store, clock, decisions } = deps;
  for (const user of DEMO_USERS) {
    if (!(await store.users.byUsername(user.username))) await createUser(store, clock, { ...user, password: DEMO_PASSWORD });
  }
  const batch: unknown[] = [];
  let accepted = 0;
  for (const decision of generateDecisions({ count: DEMO_DECISIONS, members: DEMO_MEMBERS, now: clock.now(), seed: 7 })) {
    batch.push(decision);
    if (batch.length === 1000) accepted += (await decisions.ingestBatch(batch.splice(0))).accepted;
  }
  if (batch.length) accepted += (await decisions.ingestBatch(batch)).accepted;
  return { users: DEMO_USERS.length, decisions: accepted };
}
