import { can } from '@shared/auth/permissions';
import type { StaffAction, StaffLogEntryView } from '@shared/schemas/staff-log';
import type { User } from '@shared/schemas/session';
import { forbidden } from '../domain/errors';
import type { Store, StaffLogEntry } from '../storage/store';

// The keyed subject digest stays out: it is for an auditor who holds the key, not for the screen.
const view = ({ seq, at, actor, action, data, hash }: StaffLogEntry): StaffLogEntryView => ({ seq, at, actor, action, data, hash });

/** Governance (and admin) read what staff did outside the decision chains. */
export function createStaffLogService({ store }: { store: Store }) {
  return {
    async list(user: User, limit: number, action?: StaffAction) {
      if (!can(user, 'audit.inspect')) throw forbidden('forbidden', 'Only governance and admin read the staff log.');
      // The log grows by staff actions (a few a day), not by decisions: a full read stays small.
      const all = (await store.staffLog.list()).filter((e) => !action || e.action === action);
      return { items: all.slice(-limit).reverse().map(view), total: all.length };
    },
  };
}

export type StaffLogService = ReturnType<typeof createStaffLogService>;
