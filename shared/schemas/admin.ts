import { z } from 'zod';
import { isReviewer } from '../auth/permissions';
import { DecisionType, Instant, MemberId, Role, trimmedText } from './common';

/* The admin console's wire types: people and ingest keys. Secrets appear only in the answers that make them. */

/** Staff passwords are at least this long; the form reads the minimum from here. */
export const STAFF_PASSWORD_MIN = 12;

/** A password a person chooses or an admin hands over (NFC-normalised by the server before hashing). */
export const NewPassword = z.string().min(STAFF_PASSWORD_MIN, `at least ${STAFF_PASSWORD_MIN} characters`).max(200).regex(/\S/, 'not only spaces');

/** A name people can type and read: letters, digits and . _ @ - (after normalising to lower case). */
export const USERNAME_PATTERN = /^[\p{L}\p{N}._@-]{1,100}$/u;

/** The roles an admin gives staff; member accounts belong to members and are not made here. */
export const StaffRole = Role.exclude(['member']);
export type StaffRole = z.infer<typeof StaffRole>;

const StaffRoles = z.array(StaffRole).min(1, 'choose at least one role').max(StaffRole.options.length);
const Scopes = z.array(DecisionType).max(DecisionType.options.length);
const DisplayName = trimmedText(1, 100);

/** Scopes hold a reviewer (or approver) to decision types; they mean nothing for other roles. */
const scopesNeedReviewer = (roles: readonly Role[] | undefined, scopes: readonly string[] | undefined) =>
  !scopes?.length || roles === undefined || isReviewer({ roles });

export const CreateUser = z
  .strictObject({
    // A check rather than a pattern: the document's JSON Schema would carry \p{L}, which not every
    // tool reads; the server checks the name again after normalising it.
    username: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .refine((name) => USERNAME_PATTERN.test(name), 'use letters, digits and . _ @ - only'),
    displayName: DisplayName.optional(),
    roles: StaffRoles,
    scopes: Scopes.default([]),
    /** The one-time password the admin hands over; without it one is generated and answered once. */
    password: NewPassword.optional(),
  })
  .refine((u) => scopesNeedReviewer(u.roles, u.scopes), { path: ['scopes'], message: 'scopes are for reviewers and approvers only' });
export type CreateUser = z.infer<typeof CreateUser>;

/** Whether scopes are allowed with these roles (the form's check and the API's are this one). */
export const scopesAllowed = (roles: readonly Role[], scopes: readonly string[]) => scopesNeedReviewer(roles, scopes);

export const UpdateUser = z
  .strictObject({
    displayName: DisplayName.nullable().optional(),
    roles: StaffRoles.optional(),
    scopes: Scopes.optional(),
    /** true: sign-in is refused and every session of the person ends at once. */
    disabled: z.boolean().optional(),
  })
  .refine((u) => Object.keys(u).length > 0, { message: 'change at least one of displayName, roles, scopes, disabled' })
  .refine((u) => scopesNeedReviewer(u.roles, u.scopes), { path: ['scopes'], message: 'scopes are for reviewers and approvers only' });
export type UpdateUser = z.infer<typeof UpdateUser>;

export const UserIdParams = z.strictObject({ id: z.string().min(1).max(100) });

/** Where an account comes from, as the console shows it: made here, or provisioned at sign-in by an identity provider (the stored form is session.ts UserSource). */
export const AccountSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('local') }),
  z.object({ kind: z.literal('oidc'), issuer: z.string(), subject: z.string() }),
]);

/** A person as the admin console shows them: never a password or its hash. */
export const AdminUserView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string().nullable(),
  roles: z.array(Role),
  scopes: z.array(DecisionType),
  memberId: MemberId.optional(),
  source: AccountSource,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastSignInAt: Instant.nullable(),
  createdAt: Instant,
});
export type AdminUserView = z.infer<typeof AdminUserView>;

export const AdminUserList = z.object({ items: z.array(AdminUserView) });

/** A new account; `generatedPassword` only when the server chose it (shown once, never again). */
export const UserCreated = z.object({ user: AdminUserView, generatedPassword: z.string().optional() });

export const ResetPassword = z.strictObject({ password: NewPassword.optional() });
export const PasswordResetDone = z.object({ user: AdminUserView, generatedPassword: z.string().optional() });

/** The person's own change, required after an admin made or reset the password. */
export const ChangePassword = z
  .strictObject({ currentPassword: z.string().min(1).max(200), newPassword: NewPassword })
  .refine((p) => p.currentPassword !== p.newPassword, { path: ['newPassword'], message: 'choose a password other than the current one' });
export type ChangePassword = z.infer<typeof ChangePassword>;

// ---- ingest keys ----------------------------------------------------------------------------

/** How long a rotated key keeps working beside its successor unless the admin says otherwise. */
export const DEFAULT_KEY_OVERLAP_HOURS = 24;

export const CreateIngestKey = z.strictObject({
  name: trimmedText(1, 100),
  /** The decision types the key may write; left out, every type. */
  types: z.array(DecisionType).min(1, 'choose at least one type, or leave types out').max(DecisionType.options.length).optional(),
});
export type CreateIngestKey = z.infer<typeof CreateIngestKey>;

export const RotateIngestKey = z.strictObject({
  /** Hours the old key keeps working (0: at once no more); at most a week. */
  overlapHours: z.number().int().min(0).max(168).default(DEFAULT_KEY_OVERLAP_HOURS),
});

export const IngestKeyIdParams = z.strictObject({ id: z.string().min(1).max(100) });

/** A key as the console lists it: the first characters identify it; the key itself is never here. */
export const IngestKeyView = z.object({
  id: z.string(),
  name: z.string(),
  types: z.array(DecisionType).nullable(),
  prefix: z.string(),
  previousPrefix: z.string().nullable(),
  previousRetiresAt: Instant.nullable(),
  createdAt: Instant,
  rotatedAt: Instant.nullable(),
  lastUsedAt: Instant.nullable(),
  revokedAt: Instant.nullable(),
});
export type IngestKeyView = z.infer<typeof IngestKeyView>;

export const IngestKeyList = z.object({ items: z.array(IngestKeyView) });
/** Answered once, at creation or rotation: the key to give the scoring service. */
export const IngestKeyWithSecret = IngestKeyView.extend({ key: z.string().startsWith('rk_') });
