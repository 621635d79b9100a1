import { randomBytes } from 'node:crypto';
import type { MemberRequest, MemberRequestList, MemberRequestUpdate, NewMemberRequest } from '@shared/schemas/member-request';
import type { User } from '@shared/schemas/session';
import { can } from '@shared/auth/permissions';
import type { Clock } from '../clock';
import { conflict, forbidden, notFound } from '../domain/errors';
import { appendStaffLog, staffActor } from '../domain/staff-log';
import type { Store, StoredMemberRequest } from '../storage/store';

const isOpen = (r: StoredMemberRequest) => r.status === 'received' || r.status === 'in_progress';

/**
 * The requests the privacy statement promises (erasure, rectification, restriction, objection,
 * consent withdrawal), filed by the member in the portal and kept with where they stand, so the
 * admin who answers them works from a list, not from letters to the data protection officer.
 */
export function createRequestService(deps: { store: Store; clock: Clock }) {
  const { store, clock } = deps;

  return {
    async file(user: User, body: NewMemberRequest): Promise<MemberRequest> {
      if (!user.memberId) throw forbidden('forbidden', 'Only members file requests about their data here.');
      const open = (await store.memberRequests.forMember(user.memberId)).find((r) => r.kind === body.kind && isOpen(r));
      if (open) throw conflict('conflict', `You already have an open ${body.kind} request (filed ${open.filedAt}).`, { requestId: open.id });
      const at = clock.now().toISOString();
      const request: StoredMemberRequest = {
        id: `req_${randomBytes(12).toString('hex')}`,
        memberId: user.memberId,
        kind: body.kind,
        details: body.details ? body.details : null,
        status: 'received',
        filedAt: at,
        updatedAt: at,
      };
      await store.memberRequests.put(request);
      return request;
    },

    async listOwn(user: User): Promise<MemberRequestList> {
      if (!user.memberId) throw forbidden('forbidden', 'Only members have requests of their own.');
      return { items: await store.memberRequests.forMember(user.memberId) };
    },

    async listAll(user: User): Promise<MemberRequestList> {
      if (!can(user, 'personalData.erase')) throw forbidden('forbidden', "Only admin answers members' requests.");
      return { items: await store.memberRequests.list() };
    },

    /**
     * The admin moves a request on. A closed one (done, refused) stays closed: the member was
     * answered, and a new request is theirs to file. On the staff log without the member or
     * their words: the request's id, kind and the change.
     */
    async update(user: User, id: string, body: MemberRequestUpdate): Promise<MemberRequest> {
      if (!can(user, 'personalData.erase')) throw forbidden('forbidden', "Only admin answers members' requests.");
      const current = await store.memberRequests.get(id);
      if (!current) throw notFound('There is no request with this id.');
      if (current.status === body.status) return current;
      if (!isOpen(current)) throw conflict('invalid_state', `This request is ${current.status} and closed.`);
      const next: StoredMemberRequest = { ...current, status: body.status, updatedAt: clock.now().toISOString() };
      await store.memberRequests.put(next);
      await appendStaffLog(store, clock, {
        actor: staffActor(user),
        action: 'member_request_updated',
        subjectDigest: null,
        data: { requestId: id, kind: current.kind, from: current.status, to: body.status },
      });
      return next;
    },
  };
}

export type RequestService = ReturnType<typeof createRequestService>;
