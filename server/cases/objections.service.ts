import type { CaseDetail, NewObjection } from '@shared/schemas/case';
import type { User } from '@shared/schemas/session';
import { canReadDecision, isMember, isReviewer, isStaff } from '@shared/auth/permissions';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../domain/errors';
import type { StoredCase, StoredDecision } from '../storage/store';
import { commitCaseChange, consistentHead } from './case-chain';
import { actorOf, bump, type CaseContext } from './case-context';
import { isActive } from '../domain/case-views';
import { contestable } from '@shared/cases/contestable';
import { localDateString } from '../domain/deadlines';
import { newCase, openingFields, type CaseOpening } from './new-case';

/**
 * Rectification (GDPR Art. 16): the corrections an objection claims, each of an input the
 * decision was made on (400 naming `corrections[i].feature` otherwise, before anything is written).
 */
function claimedCorrections(decision: StoredDecision, claims: NonNullable<NewObjection['corrections']>): NonNullable<StoredCase['corrections']> {
  const errors = claims.flatMap((claim, i) =>
    Object.hasOwn(decision.inputs, claim.feature)
      ? []
      : [{ path: `corrections[${i}].feature`, message: `"${claim.feature}" is not one of the decision's inputs` }],
  );
  if (errors.length) throw validationFailed(errors);
  return claims.map((claim) => ({
    feature: claim.feature,
    claimedValue: claim.claimedValue,
    reason: claim.reason,
    state: 'pending',
    decisionReason: null,
    decidedBy: null,
    decidedAt: null,
  }));
}

/** Objections: a member's own through the portal, or one a reviewer registers from phone or post. */
export function createObjectionService(ctx: CaseContext) {
  const { store, clock, chainDeps, detail } = ctx;

  return {
    async fileObjection(user: User, decisionId: string, body: NewObjection): Promise<CaseDetail> {
      const decision = await store.decisions.get(decisionId);
      if (!decision || !canReadDecision(user, decision)) throw notFound(`No decision ${decisionId}.`);
      const head = await consistentHead(store, decision);
      const now = clock.now();
      const staff = isStaff(user);
      let receivedAt: Date;
      let channel: StoredCase['channel'];
      if (staff) {
        if (!isReviewer(user)) throw forbidden('forbidden', 'Only reviewers register objections received by phone or post.');
        const errors = [];
        if (!body.receivedAt) errors.push({ path: 'receivedAt', message: 'give the date the objection was received' });
        if (!body.channel) errors.push({ path: 'channel', message: 'say whether it came by phone or post' });
        if (body.receivedAt && body.receivedAt > now.toISOString()) errors.push({ path: 'receivedAt', message: 'may not be in the future' });
        if (body.receivedAt && body.receivedAt < decision.decidedAt) errors.push({ path: 'receivedAt', message: 'may not be before the decision was made' });
        if (errors.length) throw validationFailed(errors);
        receivedAt = new Date(body.receivedAt!);
        channel = body.channel!;
      } else {
        if (!isMember(user)) throw notFound(`No decision ${decisionId}.`);
        if (body.receivedAt || body.channel) {
          throw validationFailed([{ path: body.receivedAt ? 'receivedAt' : 'channel', message: 'only staff register objections received by phone or post' }]);
        }
        receivedAt = now;
        channel = 'portal';
      }
      const corrections = body.corrections ? claimedCorrections(decision, body.corrections) : undefined;
      // The rule the portal follows too: a decision a person already changed in the member's favour is not contested.
      if (!staff && !contestable(decision)) {
        throw conflict(
          'decision_already_in_favour',
          `Decision ${decisionId} was already changed in your favour by a staff member; there is nothing to contest.`,
        );
      }
      const active = (await store.cases.listForDecision(decisionId)).find(isActive);
      if (active?.origin === 'objection') {
        throw conflict('case_already_open', `Decision ${decisionId} already has an open case.`, { caseId: active.id });
      }
      // Art. 18(1)(a) concerns a contested price: other types have nothing billing could hold.
      if (body.restrict && decision.type !== 'renewal_price') {
        throw validationFailed([{ path: 'restrict', message: 'a restriction can be asked only on a renewal price' }]);
      }
      const opening: CaseOpening = { origin: 'objection', channel, statement: body.statement, requestedOutcome: body.requestedOutcome ?? null, receivedAt };
      const restriction = body.restrict ? { restriction: { since: now.toISOString() } } : {};
      // An open sample case takes the objection in: one case per decision, history kept.
      const opened = active ? bump(active, openingFields(opening)) : newCase(decision, head.seq + 1, opening, now);
      const next: StoredCase = { ...opened, ...restriction, ...(corrections ? { corrections } : {}) };
      try {
        await commitCaseChange(chainDeps, decision, head, active ?? null, actorOf(user), {
          action: 'objection_filed',
          next,
          visibility: 'member',
          text: body.statement,
          data: {
            channel,
            fromSample: !!active,
            dueDate: localDateString(new Date(next.dueAt)),
            // Which inputs are contested (names only; the values are the member's, in the event's personal part).
            ...(corrections ? { correctedFeatures: corrections.map((x) => x.feature) } : {}),
            ...(body.restrict ? { restriction: 'imposed' } : {}),
          },
          notify: 'received',
        });
      } catch (error) {
        if (error instanceof AppError && error.code === 'version_conflict') {
          throw conflict('case_already_open', `Decision ${decisionId} already has an open case.`);
        }
        throw error;
      }
      return detail(user, next, decision);
    },
  };
}
