import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import { parseOrThrow } from '../domain/parse';

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
