import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import { formatPath, validationFailed } from './problem';

export function zodErrors(error: z.ZodError, prefix = '') {
  return error.issues.map((issue) => ({ path: formatPath(issue.path, prefix), message: issue.message }));
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, prefix = ''): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationFailed(zodErrors(result.error, prefix));
  return result.data;
}

interface Schemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

/** Validates with the shared schemas and replaces params, query and body with the parsed values. */
export function validate(schemas: Schemas) {
  return (req: Request, _res: Response, next: NextFunction) => {
    try {
      if (schemas.params) req.params = parseOrThrow(schemas.params, req.params) as Request['params'];
      if (schemas.query) {
        // Express 5 exposes query through a getter; shadow it with the parsed value.
        Object.defineProperty(req, 'query', { value: parseOrThrow(schemas.query, req.query), writable: true });
      }
      if (schemas.body) req.body = parseOrThrow(schemas.body, req.body ?? {});
      next();
    } catch (error) {
      next(error);
    }
  };
}
