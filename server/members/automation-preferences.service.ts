import { randomBytes, randomUUID } from 'node:crypto';
import type {
  AutomationPreferences,
  AutomationPreferencesUpdate,
  ConsentWithdrawalBody,
  HumanReviewFlags,
  HumanReviewReason,
  RegisteredAutomationPreferences,
  ScoringPreferences,
} from '@shared/schemas/automation-preferences';
import { DecisionType } from '@shared/schemas/common';
import type { ComplianceFinding } from '@shared/schemas/decision';
import type { User } from '@shared/schemas/session';
import type { Clock } from '../clock';
import { conflict, forbidden, notFound, validationFailed } from '../domain/errors';
import { isReviewer, visibleTypes } from '@shared/auth/permissions';
import { decisionHash } from '../domain/hash-chain';
import type { OutboxMessage, Store, StoredDecision, StoredMemberPreferences, StoredMemberRequest } from '../storage/store';

const TYPES = DecisionType.options;
/** How many of a member's decisions are read to find the types made on consent (members have a handful). */
const CONSENT_SCAN_LIMIT = 1000;
/** Compare-and-set attempts before a member's write gives up (only under a storm of their own writes). */
const ATTEMPTS = 5;

const emptyFor = (memberId: string): StoredMemberPreferences => ({
  memberId,
  humanReviewSince: {},
  consentWithdrawn: {},
  history: [],
  active: false,
  version: 0,
});
const flags = (on: (t: DecisionType) => boolean) => Object.fromEntries(TYPES.map((t) => [t, on(t)])) as HumanReviewFlags;
const isActive = (p: StoredMemberPreferences) => Object.keys(p.humanReviewSince).length > 0 || Object.keys(p.consentWithdrawn).length > 0;

/** The outbox entry announcing a withdrawal downstream: the member id and the types, nothing more. */
export function consentWithdrawnEntry(memberId: string, types: DecisionType[], at: string): OutboxMessage {
  return {
    id: `consent#${randomUUID()}`,
    decisionId: null,
    seq: 0,
    caseId: null,
    memberId,
    kind: null,
    events: [{ type: 'member.consent_withdrawn', data: { memberId, types, withdrawnAt: at } }],
    createdAt: at,
    deliveredAt: null,
  };
}

/**
 * Why a decision about to be recorded must be reviewed by a person, from what its member asked
 * before it was decided (decidedAt, not recordedAt: a decision the scoring service made before
 * the request was not made against it, and processing before a withdrawal stays lawful).
 */
export function reasonsFor(decision: StoredDecision, prefs: StoredMemberPreferences | undefined): HumanReviewReason[] {
  if (!prefs) return [];
  const reasons: HumanReviewReason[] = [];
  const since = prefs.humanReviewSince[decision.type];
  if (since && decision.decidedAt >= since) reasons.push('standing_request');
  const withdrawn = prefs.consentWithdrawn[decision.type];
  if (withdrawn && decision.legalBasis === 'consent' && decision.decidedAt >= withdrawn) reasons.push('consent_withdrawn');
  return reasons;
}

/**
 * A member's standing request that decisions of a type involve a person (GDPR Art. 21, 22(3)) and
 * their consent withdrawals (Art. 7(3)). Each is a request answered at once: it takes effect the
 * moment it is made, is kept as a member request marked done (so the admin's list shows every
 * right exercised), and lands in the history the member and their export read.
 */
export function createAutomationPreferenceService(deps: { store: Store; clock: Clock }) {
  const { store, clock } = deps;

  const memberOf = (user: User): string => {
    if (!user.memberId) throw forbidden('forbidden', 'Only members have preferences of their own.');
    return user.memberId;
  };

  async function view(memberId: string, p: StoredMemberPreferences): Promise<AutomationPreferences> {
    const decisions = await store.decisions.page({ memberId }, null, CONSENT_SCAN_LIMIT);
    const consentBased = new Set(decisions.filter((d) => d.legalBasis === 'consent').map((d) => d.type));
    return {
      humanReview: flags((t) => Boolean(p.humanReviewSince[t])),
      humanReviewSince: p.humanReviewSince,
      consentWithdrawn: p.consentWithdrawn,
      consentBasedTypes: TYPES.filter((t) => consentBased.has(t)),
      history: p.history,
    };
  }

  /** Applies a change by compare-and-set, again on the newer state when another write won the race. */
  async function change(memberId: string, apply: (current: StoredMemberPreferences, at: string) => StoredMemberPreferences | null) {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const current = (await store.memberPreferences.get(memberId)) ?? emptyFor(memberId);
      const at = clock.now().toISOString();
      const next = apply(current, at);
      if (!next) return { prefs: current, changed: false, at };
      const written = { ...next, active: isActive(next), version: current.version + 1 };
      if (await store.memberPreferences.compareAndSet(written, current.version)) return { prefs: written, changed: true, at };
    }
    throw conflict('version_conflict', 'Your preferences changed at the same moment; try again.');
  }

  /** Kept with the member's other requests, answered at once. */
  const recordRequest = (memberId: string, kind: StoredMemberRequest['kind'], details: string, at: string) =>
    store.memberRequests.put({ id: `req_${randomBytes(12).toString('hex')}`, memberId, kind, details, status: 'done', filedAt: at, updatedAt: at });

  /** Sets the named types, recording each real change once; `receivedAt`: when a registered request arrived (else now). */
  async function setHumanReview(
    memberId: string,
    body: Pick<AutomationPreferencesUpdate, 'humanReview'>,
    channel: 'portal' | 'phone' | 'post',
    receivedAt: string | null,
  ): Promise<AutomationPreferences> {
    const asked = TYPES.filter((t) => body.humanReview[t] !== undefined);
    let made: StoredMemberPreferences['history'] = [];
    const { prefs } = await change(memberId, (current, now) => {
      const at = receivedAt ?? now;
      made = asked
        .filter((t) => Boolean(current.humanReviewSince[t]) !== body.humanReview[t])
        .map((t) => ({ change: body.humanReview[t] ? 'human_review_requested' : 'human_review_taken_back', type: t, at, channel }) as const);
      if (made.length === 0) return null;
      const since = { ...current.humanReviewSince };
      for (const m of made) {
        if (m.change === 'human_review_requested') since[m.type] = at;
        else delete since[m.type];
      }
      return { ...current, humanReviewSince: since, history: [...current.history, ...made] };
    });
    for (const m of made) {
      const words = m.change === 'human_review_requested' ? 'asked that a person be involved in' : 'took back the request for a person in';
      await recordRequest(memberId, 'objection', `The member ${words} future ${m.type} decisions (Art. 21/22, by ${m.channel}).`, m.at);
    }
    return view(memberId, prefs);
  }

  return {
    async getOwn(user: User): Promise<AutomationPreferences> {
      const memberId = memberOf(user);
      return view(memberId, (await store.memberPreferences.get(memberId)) ?? emptyFor(memberId));
    },

    async setOwn(user: User, body: AutomationPreferencesUpdate): Promise<AutomationPreferences> {
      return setHumanReview(memberOf(user), body, 'portal', null);
    },

    /**
     * A reviewer registers a request received by phone or post, for the types in their scopes
     * (others: 404, as for anything outside them). It applies from when it was received.
     */
    async register(user: User, memberId: string, body: RegisteredAutomationPreferences): Promise<AutomationPreferences> {
      if (!isReviewer(user)) throw forbidden('forbidden', 'Only reviewers register requests received by phone or post.');
      const scopes = visibleTypes(user);
      const outside = TYPES.filter((t) => body.humanReview[t] !== undefined && scopes !== 'all' && !scopes.includes(t));
      if (outside.length) throw notFound(`No ${outside.join(', ')} decisions in your scopes.`);
      if (body.receivedAt > clock.now().toISOString()) throw validationFailed([{ path: 'receivedAt', message: 'may not be in the future' }]);
      return setHumanReview(memberId, body, body.channel, body.receivedAt);
    },

    async withdrawConsent(user: User, body: ConsentWithdrawalBody): Promise<AutomationPreferences> {
      const memberId = memberOf(user);
      let fresh: DecisionType[] = [];
      const { prefs, changed, at } = await change(memberId, (current, now) => {
        // A withdrawal stands from the first time it was made; withdrawing again changes nothing.
        fresh = body.types.filter((t) => !current.consentWithdrawn[t]);
        if (fresh.length === 0) return null;
        const withdrawn = { ...current.consentWithdrawn };
        for (const t of fresh) withdrawn[t] = now;
        const made = fresh.map((type) => ({ change: 'consent_withdrawn' as const, type, at: now, channel: 'portal' as const }));
        return { ...current, consentWithdrawn: withdrawn, history: [...current.history, ...made] };
      });
      if (changed) {
        await store.outbox.add(consentWithdrawnEntry(memberId, fresh, at));
        await recordRequest(memberId, 'consent_withdrawal', `The member withdrew consent for ${fresh.join(', ')} decisions (Art. 7(3)).`, at);
      }
      return view(memberId, prefs);
    },

    /** For the scoring service: the same all-false answer for a member with no preferences and one who does not exist. */
    async forScoring(memberId: string): Promise<ScoringPreferences> {
      const p = await store.memberPreferences.get(memberId);
      return { humanReview: flags((t) => Boolean(p?.humanReviewSince[t])), consentWithdrawn: flags((t) => Boolean(p?.consentWithdrawn[t])) };
    },

    /**
     * Ingest's batch read (see StandingRequestsOf): one indexed read when nobody has anything in
     * force, which is the usual case; else one read per distinct member of the batch.
     */
    async standingRequestsOf(records: StoredDecision[]): Promise<ReadonlyMap<string, readonly HumanReviewReason[]>> {
      const result = new Map<string, HumanReviewReason[]>();
      const members = [...new Set(records.flatMap((r) => (r.subject?.memberId ? [r.subject.memberId] : [])))];
      if (members.length === 0 || !(await store.memberPreferences.anyActive())) return result;
      const byMember = new Map((await store.memberPreferences.activeFor(members)).map((p) => [p.memberId, p]));
      if (byMember.size === 0) return result;
      for (const record of records) {
        const reasons = reasonsFor(record, record.subject?.memberId ? byMember.get(record.subject.memberId) : undefined);
        if (reasons.length === 0) continue;
        if (reasons.includes('consent_withdrawn')) {
          const finding: ComplianceFinding = {
            code: 'consent_withdrawn',
            message: `The member withdrew consent for ${record.type} decisions on ${byMember.get(record.subject.memberId)!.consentWithdrawn[record.type]}; this decision rests on consent (GDPR Art. 7(3)).`,
          };
          record.findings = [...record.findings, finding];
          record.hash = decisionHash(record);
        }
        result.set(record.id, reasons);
      }
      return result;
    },
  };
}

export type AutomationPreferenceService = ReturnType<typeof createAutomationPreferenceService>;
