import type { Request, Response, Router } from 'express';
import type { User } from '@shared/schemas/session';
import { successStatuses, type BodyIn, type BodyOf, type ParamsOf, type QueryOf, type RouteSpec, type SuccessStatus } from '@shared/contract/route';
import { parseOrThrow } from '../domain/parse';
import { assertIngestKey } from './auth';
import { forbidden, unauthenticated } from '../domain/errors';

/** What a handler is given: the parsed parts of the request, as its route's definition types them. */
export interface RouteInput<R extends RouteSpec> {
  params: ParamsOf<R>;
  query: QueryOf<R>;
  body: R['bodyOptional'] extends true ? BodyOf<R> | undefined : BodyOf<R>;
  /** The signed-in person; always there on a route for people. */
  user: R['caller'] extends 'person' ? User : User | undefined;
  /** The raw request and response, for what only they know: the address, content negotiation, cookies, streams. */
  req: Request;
  res: Response;
  /** Answers with another success status of the route than its usual one (201 Recorded vs 200 Seen before). */
  reply: <K extends SuccessStatus<R>>(status: K, body: BodyIn<R, K>) => Reply;
}

const REPLY = Symbol('reply');
interface Reply {
  [REPLY]: true;
  status: number;
  body: unknown;
}
const isReply = (value: unknown): value is Reply => typeof value === 'object' && value !== null && REPLY in value;

/**
 * A handler returns the body of the route's usual (lowest) success status, a `reply(status, body)`,
 * or nothing when it answered through `res` itself (a stream, a 204).
 */
type Answer<R extends RouteSpec> = BodyIn<R, SuccessStatus<R>> | Reply | void;
export type Handler<R extends RouteSpec> = (input: RouteInput<R>) => Answer<R> | Promise<Answer<R>>;

/**
 * Mounts one route from its definition: who may call, the parsed params, query and body (a
 * validation problem when they do not parse), then the handler. The definition is also the
 * OpenAPI operation and the client's fetcher, so what is served here is what is documented.
 */
export function serve<R extends RouteSpec>(router: Router, spec: R, handler: Handler<R>): void {
  const usual = successStatuses(spec)[0] ?? 200;
  router[spec.method](spec.path, async (req: Request, res: Response) => {
    if (spec.caller === 'ingest') assertIngestKey(req, res);
    if (spec.caller === 'person' && !req.user) throw unauthenticated();
    // A one-time password opens the door to choosing one's own, and to nothing else.
    if (spec.caller === 'person' && req.user?.mustChangePassword && !spec.beforePasswordChange) {
      throw forbidden('password_change_required', 'Choose a new password first (POST /api/session/password).');
    }
    const input = {
      params: spec.params ? parseOrThrow(spec.params, req.params) : undefined,
      query: spec.query ? parseOrThrow(spec.query, req.query) : undefined,
      body: readBody(spec, req.body),
      user: req.user,
      req,
      res,
      reply: (status: number, body: unknown): Reply => ({ [REPLY]: true, status, body }),
    };
    // The input is built from the definition's own schemas above; TypeScript cannot follow a
    // conditional type through a generic spec, so it is named once here, not in every route.
    const answer = await handler(input as unknown as RouteInput<R>);
    if (res.headersSent) return;
    if (isReply(answer)) return void res.status(answer.status).json(answer.body);
    if (answer === undefined) return void res.status(usual).end();
    res.status(usual).json(answer);
  });
}

function readBody(spec: RouteSpec, body: unknown): unknown {
  if (spec.bodyReadByService) return body;
  if (!spec.body) return undefined;
  // No body at all reads as an empty object (an optional body, or the missing fields named);
  // a body that is there, JSON `null` included, must be what the schema says.
  return parseOrThrow(spec.body, body === undefined ? {} : body);
}
