import type { User } from '@shared/schemas/session';
import { can } from '@shared/auth/permissions';
import { appendStaffLog, staffActor, subjectDigest } from '../domain/staff-log';
import type { Clock } from '../clock';
import { forbidden, notFound } from '../domain/errors';
import type { Store } from '../storage/store';

/** A legal hold keeps a member's data from erasure (a dispute, an investigation) until lifted. */
export function createHoldService(deps: { store: Store; clock: Clock; digestKey: string }) {
  const { store, clock } = deps;
  const requireAdmin = (user: User) => {
    if (!can(user, 'legalHolds.manage')) throw forbidden('forbidden', 'Only admin sets or lifts legal holds.');
  };
  return {
    async list(user: User) {
      requireAdmin(user);
      return { items: await store.holds.list() };
    },
    async set(user: User, memberId: string, reason: string) {
      requireAdmin(user);
      const hold = { memberId, reason, setBy: user.id, setAt: clock.now().toISOString() };
      await store.holds.put(hold);
      await appendStaffLog(store, clock, {
        actor: staffActor(user),
        action: 'legal_hold_set',
        subjectDigest: subjectDigest(deps.digestKey, memberId),
        data: { reason },
      });
      return hold;
    },
    /** `reason` is optional: lifting a hold must not depend on a body a client may not send. */
    async lift(user: User, memberId: string, reason: string | null) {
      requireAdmin(user);
      if (!(await store.holds.get(memberId))) throw notFound(`No legal hold on ${memberId}.`);
      await store.holds.delete(memberId);
      await appendStaffLog(store, clock, {
        actor: staffActor(user),
        action: 'legal_hold_lifted',
        subjectDigest: subjectDigest(deps.digestKey, memberId),
        data: { reason },
      });
    },
  };
}

export type HoldService = ReturnType<typeof createHoldService>;
