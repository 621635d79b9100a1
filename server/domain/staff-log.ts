import { createHmac } from 'node:crypto';
import type { Clock } from '../clock';
import { DuplicateKeyError, type EventActor, type StaffLogEntry, type Store } from '../storage/store';
import { linkHash } from './hash-chain';

/**
 * A keyed digest of a member id for the staff log: lets an auditor check "was M-1001 exported?"
 * with the key, without the log itself holding the identifier.
 */
export const subjectDigest = (key: string, memberId: string) => createHmac('sha256', key).update(`member:${memberId}`).digest('hex');

export const staffLogHash = (entry: StaffLogEntry) => {
  const { hash: _hash, prevHash, ...body } = entry;
  return linkHash(prevHash, body);
};

/** Appends to the hash-chained staff log; retries when another process took the seq. */
export async function appendStaffLog(
  store: Store,
  clock: Clock,
  entry: Pick<StaffLogEntry, 'actor' | 'action' | 'subjectDigest' | 'data'>,
): Promise<StaffLogEntry> {
  for (let attempt = 0; ; attempt++) {
    const latest = await store.staffLog.latest();
    const next: StaffLogEntry = {
      seq: (latest?.seq ?? 0) + 1,
      at: clock.now().toISOString(),
      actor: entry.actor,
      action: entry.action,
      subjectDigest: entry.subjectDigest,
      data: JSON.parse(JSON.stringify(entry.data)) as Record<string, unknown>,
      prevHash: latest?.hash ?? '',
      hash: '',
    };
    next.hash = staffLogHash(next);
    try {
      await store.staffLog.append(next);
      return next;
    } catch (error) {
      if (!(error instanceof DuplicateKeyError) || attempt >= 20) throw error;
    }
  }
}

/** The person behind a staff action; a provisioned one also by the issuer and subject of their provider. */
export const staffActor = (user: { id: string; roles: string[]; source?: { issuer: string; subject: string } }): EventActor => ({
  id: user.id,
  role: user.roles[0] ?? 'staff',
  ...sourceOf(user),
});

/** The issuer and subject for an event's actor; nothing for a local user, so their events keep their old shape. */
export const sourceOf = (user: { source?: { issuer: string; subject: string } }): Pick<EventActor, 'issuer' | 'subject'> =>
  user.source ? { issuer: user.source.issuer, subject: user.source.subject } : {};
