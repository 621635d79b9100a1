import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../domain/errors';

const TYPE_BASE = 'https://recourse.example/problems/';

export function sendProblem(res: Response, error: AppError): void {
  if (error.code === 'too_many_attempts' && typeof error.extra?.retryAfterSeconds === 'number') {
    res.setHeader('Retry-After', String(error.extra.retryAfterSeconds));
  }
  res
    .status(error.status)
    .type('application/problem+json')
    .json({
      type: TYPE_BASE + error.code.replace(/_/g, '-'),
      title: error.title,
      status: error.status,
      detail: error.message,
      code: error.code,
      ...(error.errors ? { errors: error.errors } : {}),
      ...error.extra,
    });
}

/** Maps errors that Express or body parsing raise on their own (bad JSON, too large) to problems. */
function fromFrameworkError(error: unknown): AppError | null {
  const e = error as { type?: string; status?: number; statusCode?: number; expose?: boolean };
  const status = e.status ?? e.statusCode;
  if (e.type === 'entity.too.large' || status === 413) return new AppError(413, 'payload_too_large', 'Payload too large', 'The body is too large.');
  if (e.type === 'entity.parse.failed') return new AppError(400, 'malformed_json', 'Bad request', 'The body is not valid JSON.');
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(status, 'validation_failed', 'Bad request', 'The request could not be understood.');
  }
  return null;
}

/** The one place an error becomes a response. Unknown errors are logged (without request data) and hidden. */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const known = error instanceof AppError ? error : fromFrameworkError(error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (known) return sendProblem(res, known);
    logger.error({ err: error, route: req.route?.path, method: req.method }, 'unhandled error');
    sendProblem(res, new AppError(500, 'internal_error', 'Internal error', 'Something went wrong on our side. It has been logged.'));
  };
}

export function notFoundHandler(_req: Request, _res: Response, next: NextFunction) {
  next(new AppError(404, 'not_found', 'Not found', 'No such endpoint.'));
}
