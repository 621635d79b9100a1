import type { User } from '@shared/schemas/session';
import type { Clock } from '../clock';
import { forbidden } from '../http/problem';
import type { Store } from '../storage/store';
import { createAnchor } from './anchors';
import { verifyAll } from './verify';

const mayInspect = (user: User) => user.roles.includes('governance') || user.roles.includes('admin');

export function createAuditService({ store, clock, signingKey }: { store: Store; clock: Clock; signingKey?: string }) {
  const requireInspector = (user: User) => {
    if (!mayInspect(user)) throw forbidden('forbidden', 'Only governance and admin may inspect the audit trail.');
  };
  return {
    async verify(user: User) {
      requireInspector(user);
      return verifyAll(store, signingKey);
    },
    async anchors(user: User) {
      requireInspector(user);
      return store.anchors.list();
    },
    /** On demand, e.g. before a regulator's export; governance may seal but never change the log. */
    async anchorNow(user: User) {
      requireInspector(user);
      return (await createAnchor(store, clock, signingKey)) ?? (await store.anchors.latest());
    },
    /** For the periodic job. */
    anchor: () => createAnchor(store, clock, signingKey),
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
