import { randomBytes } from 'node:crypto';
import type {
  MemberRequest,
  MemberRequestDecision,
  MemberRequestExtension,
  MemberRequestList,
  MemberRequestUpdate,
  NewMemberRequest,
  RegisteredMemberRequest,
} from '@shared/schemas/member-request';
import type { User } from '@shared/schemas/session';
import { can } from '@shared/auth/permissions';
import type { Clock } from '../clock';
import { dueDate, extendedDueDate, localDateString } from '../domain/deadlines';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../domain/errors';
import { erasureConfirmationEntry, requestNoticeEntry } from '../domain/outbound-events';
import { appendStaffLog, staffActor } from '../domain/staff-log';
import type { Store, StoredMemberRequest } from '../storage/store';
import type { ErasureService } from './erasure.service';

const isOpen = (r: Pick<StoredMemberRequest, 'status'>) => r.status === 'received' || r.status === 'in_progress';

/**
 * A request as the rules read it: one stored before deadlines were kept is taken as received in
 * the portal when filed, due one calendar month later, version 1.
 */
function withDeadline(r: StoredMemberRequest): Required<Omit<StoredMemberRequest, 'details'>> & Pick<StoredMemberRequest, 'details'> {
  const receivedAt = r.receivedAt ?? r.filedAt;
  const originalDueAt = r.originalDueAt ?? dueDate(new Date(receivedAt)).toISOString();
  return {
    ...r,
    channel: r.channel ?? 'portal',
    receivedAt,
    originalDueAt,
    dueAt: r.dueAt ?? originalDueAt,
    extension: r.extension ?? null,
    answer: r.answer ?? null,
    version: r.version ?? 1,
  };
}

/**
 * The requests the privacy statement promises (erasure, rectification, restriction, objection,
 * consent withdrawal), filed by the member in the portal or registered by an admin from a call or
 * a letter, kept with where they stand and their legal deadline (GDPR Art. 12(3), the same month
 * and extension as an objection), so the admin who answers them works from a list.
 */
export function createRequestService(deps: { store: Store; clock: Clock; erasure: Pick<ErasureService, 'eraseMember'> }) {
  const { store, clock, erasure } = deps;

  const view = (r: StoredMemberRequest): MemberRequest => {
    const full = withDeadline(r);
    return { ...full, overdue: isOpen(full) && full.dueAt < clock.now().toISOString() };
  };

  const requireAdmin = (user: User) => {
    if (!can(user, 'personalData.erase')) throw forbidden('forbidden', "Only admin answers members' requests.");
  };

  async function receive(
    memberId: string,
    kind: StoredMemberRequest['kind'],
    details: string | undefined,
    channel: 'portal' | 'phone' | 'post',
    receivedAt: Date,
  ) {
    const open = (await store.memberRequests.forMember(memberId)).find((r) => r.kind === kind && isOpen(r));
    if (open) throw conflict('conflict', `There is already an open ${kind} request (filed ${open.filedAt}).`, { requestId: open.id });
    const at = clock.now().toISOString();
    const due = dueDate(receivedAt).toISOString();
    const request: StoredMemberRequest = {
      id: `req_${randomBytes(12).toString('hex')}`,
      memberId,
      kind,
      details: details ? details : null,
      status: 'received',
      filedAt: at,
      updatedAt: at,
      channel,
      receivedAt: receivedAt.toISOString(),
      dueAt: due,
      originalDueAt: due,
      extension: null,
      answer: null,
      version: 1,
    };
    await store.memberRequests.put(request);
    return request;
  }

  /** Loads an open request for the admin, checking the version they saw before any state rule. */
  async function loadForAnswer(id: string, expectedVersion: number | undefined) {
    const stored = await store.memberRequests.get(id);
    if (!stored) throw notFound('There is no request with this id.');
    const current = withDeadline(stored);
    if (expectedVersion !== undefined && current.version !== expectedVersion) {
      throw conflict('version_conflict', `This request changed since you opened it (now version ${current.version}).`, { currentVersion: current.version });
    }
    if (!isOpen(current)) throw conflict('invalid_state', `This request is ${current.status} and closed.`);
    return current;
  }

  /** Writes the next state only if nobody else answered first: the loser of a race gets 409. */
  async function swap(current: ReturnType<typeof withDeadline>, fields: Partial<StoredMemberRequest>): Promise<StoredMemberRequest> {
    const next: StoredMemberRequest = { ...current, ...fields, updatedAt: clock.now().toISOString(), version: current.version + 1 };
    if (!(await store.memberRequests.compareAndSet(current.id, current.version, next))) {
      const now = await store.memberRequests.get(current.id);
      throw conflict('version_conflict', 'Someone else answered this request at the same moment. Reload and try again.', {
        currentVersion: now?.version ?? null,
      });
    }
    return next;
  }

  const log = (user: User, data: Record<string, unknown>) =>
    // Without the member or any words: the request's id, kind and what changed.
    appendStaffLog(store, clock, { actor: staffActor(user), action: 'member_request_updated', subjectDigest: null, data });

  return {
    async file(user: User, body: NewMemberRequest): Promise<MemberRequest> {
      if (!user.memberId) throw forbidden('forbidden', 'Only members file requests about their data here.');
      return view(await receive(user.memberId, body.kind, body.details, 'portal', clock.now()));
    },

    /** An erasure request received by phone or post: its deadline runs from the day it really came in. */
    async register(user: User, body: RegisteredMemberRequest): Promise<MemberRequest> {
      requireAdmin(user);
      if (body.receivedAt > clock.now().toISOString()) throw validationFailed([{ path: 'receivedAt', message: 'may not be in the future' }]);
      const request = await receive(body.memberId, body.kind, body.details, body.channel, new Date(body.receivedAt));
      await log(user, { requestId: request.id, kind: request.kind, change: 'registered', channel: body.channel });
      return view(request);
    },

    async listOwn(user: User): Promise<MemberRequestList> {
      if (!user.memberId) throw forbidden('forbidden', 'Only members have requests of their own.');
      return { items: (await store.memberRequests.forMember(user.memberId)).map(view) };
    },

    async listAll(user: User): Promise<MemberRequestList> {
      requireAdmin(user);
      return { items: (await store.memberRequests.list()).map(view) };
    },

    /**
     * The admin moves a request on. A closed one (done, refused) stays closed: the member was
     * answered, and a new request is theirs to file. On the staff log without the member or
     * their words: the request's id, kind and the change.
     */
    async update(user: User, id: string, body: MemberRequestUpdate): Promise<MemberRequest> {
      requireAdmin(user);
      const stored = await store.memberRequests.get(id);
      if (!stored) throw notFound('There is no request with this id.');
      if (stored.status === body.status) return view(stored);
      if (!isOpen(stored)) throw conflict('invalid_state', `This request is ${stored.status} and closed.`);
      const next = await swap(withDeadline(stored), { status: body.status });
      await log(user, { requestId: id, kind: stored.kind, from: stored.status, to: body.status });
      return view(next);
    },

    /**
     * GDPR Art. 17: the admin erases the member (the existing erasure; a legal hold refuses it
     * with 409, nothing changed) or refuses on a ground of Art. 17(3) with words the member reads.
     * Either way the member is told by e-mail through the outbox. The erasure's confirmation is
     * addressed from the contact before the erasure forgets it.
     */
    async decide(user: User, id: string, body: MemberRequestDecision): Promise<MemberRequest> {
      requireAdmin(user);
      const current = await loadForAnswer(id, body.expectedVersion);
      const at = clock.now().toISOString();
      if (body.decision === 'refuse') {
        const answer = { outcome: 'refuse' as const, ground: body.ground, explanation: body.explanation, at };
        const next = await swap(current, { status: 'refused', answer });
        await store.outbox.add(requestNoticeEntry(id, current.memberId, 'request_refused', at));
        await log(user, { requestId: id, kind: current.kind, from: current.status, to: 'refused', answer: 'refuse', ground: body.ground });
        return view(next);
      }
      if (current.kind !== 'erasure') throw validationFailed([{ path: 'decision', message: 'only an erasure request is answered by erasing' }]);
      const hold = await store.holds.get(current.memberId);
      if (hold) throw conflict('legal_hold', `Member data is under a legal hold (${hold.reason}); lift it first, or refuse on that ground.`);
      const contact = await store.contacts.get(current.memberId);
      const recipient = contact?.email && !contact.emailOptOut ? { email: contact.email, language: contact.language } : null;
      // Taken first: of two admins answering at once, only one erases.
      const taken = await swap(current, { status: 'in_progress', answer: { outcome: 'erase', ground: null, explanation: null, at } });
      try {
        // The confirmation is handed to the outbox by the erasure itself, once nothing can refuse it, before the contact is forgotten.
        await erasure.eraseMember(user, current.memberId, { confirmation: erasureConfirmationEntry(id, recipient, at) });
      } catch (error) {
        // A hold set meanwhile: the request is open again, unanswered, and nobody was told anything.
        if (error instanceof AppError && error.code === 'legal_hold') await swap(withDeadline(taken), { status: current.status, answer: null });
        throw error;
      }
      await log(user, { requestId: id, kind: current.kind, from: current.status, to: 'done', answer: 'erase', mailed: recipient !== null });
      // The erasure closed the request (done) and took the member's id and words off it.
      return view((await store.memberRequests.get(id))!);
    },

    /** Art. 12(3): once, by one or two months, with a reason the member reads, and only before the original due date. */
    async extend(user: User, id: string, body: MemberRequestExtension): Promise<MemberRequest> {
      requireAdmin(user);
      const current = await loadForAnswer(id, body.expectedVersion);
      if (current.extension) throw conflict('invalid_state', 'The deadline was already extended once.');
      const now = clock.now();
      if (now.toISOString() > current.originalDueAt) {
        throw conflict(
          'deadline_passed',
          `The original deadline (${localDateString(new Date(current.originalDueAt))}) has passed; it can no longer be extended.`,
        );
      }
      const dueAt = extendedDueDate(new Date(current.originalDueAt), body.months).toISOString();
      const next = await swap(current, { dueAt, extension: { months: body.months, reason: body.reason, at: now.toISOString() } });
      await store.outbox.add(requestNoticeEntry(id, current.memberId, 'request_extended', now.toISOString()));
      await log(user, { requestId: id, kind: current.kind, change: 'extended', months: body.months, dueDate: localDateString(new Date(dueAt)) });
      return view(next);
    },
  };
}

export type RequestService = ReturnType<typeof createRequestService>;
