import { z } from 'zod';
import { Instant } from './common';

/** Every kind of entry of the staff log; governance reads each one in words. */
export const STAFF_ACTIONS = [
  'member_export',
  'erasure',
  'legal_hold_set',
  'legal_hold_lifted',
  'retention_run',
  'model_registered',
  'sign_in_throttle_lifted',
  'user_created',
  'user_updated',
  'user_password_reset',
  'ingest_key_created',
  'ingest_key_rotated',
  'ingest_key_revoked',
  // A staff member provisioned, or given other roles or scopes, by the identity provider's groups.
  'user_provisioned',
  'user_grants_changed',
  'member_request_updated',
  // Governance's monitors: a threshold added, changed (or switched on or off) or removed.
  'monitor_created',
  'monitor_updated',
  'monitor_removed',
] as const;
export const StaffAction = z.enum(STAFF_ACTIONS);
export type StaffAction = z.infer<typeof StaffAction>;

/**
 * One entry as governance reads it: who (a staff id and role), what, when, and the entry's own
 * facts. Member ids are never in it (only keyed digests, left out here); secrets never are.
 */
export const StaffLogEntryView = z.object({
  seq: z.number().int(),
  at: Instant,
  actor: z.object({ id: z.string(), role: z.string() }),
  action: StaffAction,
  data: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type StaffLogEntryView = z.infer<typeof StaffLogEntryView>;

export const StaffLogQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Only entries of this kind (say, the erasures done, for the admin console). */
  action: StaffAction.optional(),
});
export const StaffLogPage = z.object({ items: z.array(StaffLogEntryView), total: z.number().int() });
