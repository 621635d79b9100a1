import { isMemberCase, type CaseDetail } from '@shared/schemas/case';
import type { User } from '@shared/schemas/session';
import { canReadDecision, isApprover, isReviewer, isStaff } from '@shared/auth/permissions';
import type { Clock } from '../clock';
import { memberSafe, restrictionOf, toWire } from '../domain/decision-views';
import { conflict, forbidden, notFound } from '../domain/errors';
import type { Policies } from '../domain/policies';
import type { EventActor, Store, StoredCase, StoredDecision } from '../storage/store';
import { commitCaseChange, consistentHead, type CaseChange, type CaseEventHook } from './case-chain';
import { timelineFor, toWireCase } from '../domain/case-views';
import { decisionIdOfCase } from './new-case';
import { overrideRange } from './override-range';
import { contactChannel } from '../domain/contact-channel';
import { sourceOf } from '../domain/staff-log';

export interface CaseDeps {
  store: Store;
  clock: Clock;
  policies: Policies;
  /** Sees every committed case event (metrics rollups); see CaseEventHook. */
  onEvent?: CaseEventHook;
}

export const invalidState = (detail: string) => conflict('invalid_state', detail);

export const actorOf = (user: User): EventActor => ({
  id: user.id,
  role: isApprover(user) ? 'approver' : isReviewer(user) ? 'reviewer' : (user.roles[0] ?? 'member'),
  // Members are never provisioned as staff; a member's own source stays out of the chain (personal data).
  ...(isStaff(user) ? sourceOf(user) : {}),
});

/** A new version of the case with these fields changed. */
export const bump = (c: StoredCase, fields: Partial<StoredCase>): StoredCase => ({ ...c, ...fields, version: c.version + 1 });

/** Staff who may act on this type; governance and admin read but never change a case. */
export function requireActingReviewer(user: User, c: StoredCase) {
  if (!isReviewer(user)) throw forbidden('forbidden', 'Only reviewers act on cases.');
  if (!user.scopes.includes(c.decisionType)) throw notFound(`No case ${c.id}.`);
}

/** What every part of the case service shares: loading a case as a user may see it, its detail view, and the command shape. */
export function createCaseContext(deps: CaseDeps) {
  const { store, clock, policies } = deps;
  const chainDeps = { store, clock, onEvent: deps.onEvent };

  /** Loads a case the user may see (404 otherwise), with the chain head read before it. */
  async function loadCase(user: User, caseId: string) {
    const decision = await store.decisions.get(decisionIdOfCase(caseId));
    const head = decision ? await consistentHead(store, decision) : null;
    const c = await store.cases.get(caseId);
    if (!c || !decision || !head || !canReadDecision(user, decision)) throw notFound(`No case ${caseId}.`);
    if (!isStaff(user) && !isMemberCase(c)) throw notFound(`No case ${caseId}.`);
    return { c, decision, head };
  }

  async function detail(user: User, c: StoredCase, decision: StoredDecision): Promise<CaseDetail> {
    const events = await store.events.list(decision.id);
    const cases = await store.cases.listForDecision(decision.id);
    const decisionView = { ...memberSafe(user, toWire(decision), cases), restriction: restrictionOf(cases) };
    return {
      case: toWireCase(c, clock.now(), user),
      decision: decisionView,
      timeline: timelineFor(events, c.id, user, decision),
      ...(isStaff(user)
        ? {
            overrideRange: overrideRange(decision, policies.overrides),
            memberContact: contactChannel(c.memberId ? await store.contacts.get(c.memberId) : null),
          }
        : {}),
    };
  }

  /**
   * The common shape of every case command: load, check who may act, then the version (a stale
   * view gets version_conflict before any state rule), then the state, then commit the change.
   */
  async function act(
    user: User,
    caseId: string,
    expectedVersion: number | undefined,
    rules: { access: (c: StoredCase) => void; state?: (c: StoredCase) => void },
    change: (c: StoredCase, decision: StoredDecision, now: Date) => CaseChange,
  ): Promise<CaseDetail> {
    const { c, decision, head } = await loadCase(user, caseId);
    rules.access(c);
    if (expectedVersion !== undefined && c.version !== expectedVersion) {
      throw conflict('version_conflict', `This case changed since you opened it (now version ${c.version}).`, { currentVersion: c.version });
    }
    rules.state?.(c);
    const next = await commitCaseChange(chainDeps, decision, head, c, actorOf(user), change(c, decision, clock.now()));
    return detail(user, next, (await store.decisions.get(decision.id))!);
  }

  return { store, clock, policies, chainDeps, loadCase, detail, act };
}

export type CaseContext = ReturnType<typeof createCaseContext>;
