import { z } from 'zod';

/** Stable, machine-readable error codes. Clients switch on these, never on titles. */
export const ErrorCode = z.enum([
  'validation_failed',
  'unsupported_file_type',
  'file_type_mismatch',
  'decision_already_in_favour',
  'override_out_of_range',
  'malformed_json',
  'forbidden_key',
  'unsupported_media_type',
  'payload_too_large',
  'batch_too_large',
  'idempotency_conflict',
  'not_found',
  'method_not_allowed',
  'unauthenticated',
  'forbidden',
  'invalid_credentials',
  'too_many_attempts',
  'staff_local_login_disabled',
  'cross_origin_refused',
  'invalid_cursor',
  'case_already_open',
  'version_conflict',
  'four_eyes_violation',
  'invalid_state',
  'deadline_passed',
  'legal_hold',
  'unsafe_destination',
  'conflict',
  'not_ready',
  'internal_error',
  'own_account',
  'account_disabled',
  'password_change_required',
  'ingest_type_not_allowed',
  'headers_too_large',
  'malformed_request',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ProblemFieldError = z.object({ path: z.string(), message: z.string() });
export type ProblemFieldError = z.infer<typeof ProblemFieldError>;

/** RFC 9457 problem details. Extension members (like `currentVersion`) may be added per code. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: ErrorCode,
    errors: z.array(ProblemFieldError).optional(),
  })
  .passthrough();
export type Problem = z.infer<typeof Problem>;
