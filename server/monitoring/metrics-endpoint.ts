import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { notFound, unauthenticated } from '../domain/errors';
import type { Monitoring } from './monitoring';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * GET /metrics for Prometheus, with `Authorization: Bearer <METRICS_TOKEN>`. Without a token
 * configured the endpoint does not exist (404): figures about traffic and jobs are not for
 * whoever can reach the port.
 */
export function metricsEndpoint(monitoring: Monitoring, token: string | undefined): RequestHandler {
  const expected = token ? digest(token) : null;
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!expected) return next(notFound('No such endpoint.'));
    const bearer = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!bearer || !timingSafeEqual(digest(bearer), expected)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      return next(unauthenticated('Send the metrics token as Authorization: Bearer <METRICS_TOKEN>.'));
    }
    try {
      const body = await monitoring.registry.metrics();
      res.setHeader('Cache-Control', 'no-store');
      res.type(monitoring.registry.contentType).send(body);
    } catch (error) {
      next(error);
    }
  };
}

/**
 * The route label of a request: the pattern the router declares (`/api/cases/:id`), never the
 * URL. What no route matched is one of two fixed labels, so a scanner cannot mint series.
 */
export function routeLabel(req: Pick<Request, 'route' | 'baseUrl' | 'originalUrl'>): string {
  const route: unknown = req.route?.path;
  if (typeof route === 'string') return `${req.baseUrl}${route}`;
  return /^\/api(\/|$|\?)/.test(req.originalUrl) ? '/api (no route)' : '(client)';
}

/** Times every request into the HTTP histogram once its response has been sent. */
export function observeRequests(monitoring: Monitoring): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      monitoring.observeRequest({ method: req.method, route: routeLabel(req), status: res.statusCode }, seconds);
    });
    next();
  };
}
