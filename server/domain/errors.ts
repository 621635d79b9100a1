import type { ErrorCode, ProblemFieldError } from '@shared/schemas/problem';

/** A failure with a stable code; the one error handler turns it into RFC 9457 problem+json. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly title: string,
    detail: string,
    readonly errors?: ProblemFieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail);
    this.name = 'AppError';
  }
}

export const badRequest = (code: ErrorCode, detail: string, errors?: ProblemFieldError[]) => new AppError(400, code, 'Bad request', detail, errors);
export const validationFailed = (errors: ProblemFieldError[], detail = 'The request has invalid fields.') =>
  new AppError(400, 'validation_failed', 'Validation failed', detail, errors);
export const unauthenticated = (detail = 'Sign in first.') => new AppError(401, 'unauthenticated', 'Not signed in', detail);
export const forbidden = (code: ErrorCode, detail: string) => new AppError(403, code, 'Forbidden', detail);
/** Also used for what exists but is not the caller's: no enumeration. */
export const notFound = (detail = 'Not found.') => new AppError(404, 'not_found', 'Not found', detail);
export const conflict = (code: ErrorCode, detail: string, extra?: Record<string, unknown>, errors?: ProblemFieldError[]) =>
  new AppError(409, code, 'Conflict', detail, errors, extra);
export const payloadTooLarge = (code: ErrorCode, detail: string) => new AppError(413, code, 'Payload too large', detail);
export const unsupportedMediaType = (detail: string) => new AppError(415, 'unsupported_media_type', 'Unsupported media type', detail);
/** The process runs but cannot serve yet (readiness): a load balancer sends traffic elsewhere. */
export const notReady = (detail: string) => new AppError(503, 'not_ready', 'Not ready', detail);
export const tooManyAttempts = (detail: string, retryAfterSeconds: number) =>
  new AppError(429, 'too_many_attempts', 'Too many attempts', detail, undefined, { retryAfterSeconds });
