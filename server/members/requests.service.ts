import { randomBytes } from 'node:crypto';
import type { MemberRequest, MemberRequestList, NewMemberRequest } from '@shared/schemas/member-request';
import type { User } from '@shared/schemas/session';
import { can } from '@shared/auth/permissions';
import type { Clock } from '../clock';
import { conflict, forbidden } from '../domain/errors';
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
      const open = (await store.erasureRequests.forMember(user.memberId)).find((r) => r.kind === body.kind && isOpen(r));
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
      await store.erasureRequests.put(request);
      return request;
    },

    async listOwn(user: User): Promise<MemberRequestList> {
      if (!user.memberId) throw forbidden('forbidden', 'Only members have requests of their own.');
      return { items: await store.erasureRequests.forMember(user.memberId) };
    },

    async listAll(user: User): Promise<MemberRequestList> {
      if (!can(user, 'personalData.erase')) throw forbidden('forbidden', "Only admin answers members' requests.");
      return { items: await store.erasureRequests.list() };
    },
  };
}

export type RequestService = ReturnType<typeof createRequestService>;
