import type { z } from 'zod';
import type { Permission } from '../auth/permissions';

/**
 * The one definition of an HTTP route. The server's typed handler (server/http/serve.ts), the
 * OpenAPI document (server/openapi.ts) and the client's fetchers (client/src/lib/call.ts) are all
 * derived from it, so a path, a parameter or a body is written once and cannot drift.
 */
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who calls: anyone; a person with a session cookie; a scoring service with an ingest key. */
export type Caller = 'anyone' | 'person' | 'ingest';

export interface HeaderSpec {
  description: string;
  /** Sent on every response of its status; an optional header is only sometimes there. */
  required: boolean;
}

/** A success response: its JSON body, other media it may take, and the headers it carries. */
export interface ResponseSpec {
  description: string;
  /** The JSON body; absent for 204 and for responses in other media only. */
  schema?: z.ZodType;
  /** Media types other than JSON this status may answer with (CSV, NDJSON, HTML): text, unless given a schema. */
  media?: readonly string[];
  /** Other JSON media types (`…+json`) this status may answer with, each with the schema of its document. */
  jsonMedia?: Readonly<Record<string, z.ZodType>>;
  headers?: Readonly<Record<string, HeaderSpec>>;
}

/** Problems a route answers beyond those derived from its definition, with the codes they carry. */
export type ExtraProblems = Readonly<Partial<Record<400 | 403 | 404 | 409 | 413 | 415 | 429 | 503, string>>>;

export interface RouteSpec {
  /** Stable name of the operation: the OpenAPI operationId and the name of the client's fetcher. */
  operationId: string;
  method: HttpMethod;
  /** Under /api, Express style: `/cases/:id/claim`. */
  path: `/${string}`;
  summary: string;
  description?: string;
  caller: Caller;
  /**
   * The permissions of the table that admit a caller. The services enforce them with the resource
   * in hand (a reviewer's scopes, a member's own decisions); the document lists who may call.
   */
  permissions?: readonly Permission[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** A body the caller may leave out (lifting a hold, withdrawing). */
  bodyOptional?: boolean;
  /**
   * The service reads the body itself instead of the route parsing it first: ingest reports each
   * item's errors by index and keeps the body as sent for its idempotency check.
   */
  bodyReadByService?: boolean;
  /**
   * Request media other than JSON that the route reads: NDJSON batches (the schema of one line), or
   * multipart/form-data (the schema of the form, binary parts as `format: binary`). A route with
   * media but no `body` reads only those media.
   */
  bodyMedia?: Readonly<Record<string, z.ZodType>>;
  /** Success statuses only; the problems (400, 401, 403, …) are derived from the definition. */
  responses: Readonly<Record<number, ResponseSpec>>;
  problems?: ExtraProblems;
  /**
   * Served to a person who must still choose a new password (after an admin made or reset it);
   * every other route answers them 403 password_change_required.
   */
  beforePasswordChange?: true;
}

/** Declares a route; `const` keeps its literal types, from which handlers and fetchers are typed. */
export const route = <const R extends RouteSpec>(spec: R): R => spec;

/** A JSON response described in one line. */
export const json = <const S extends z.ZodType>(schema: S, description = 'OK') => ({ description, schema }) as const;

export type SuccessStatus<R extends RouteSpec> = Extract<keyof R['responses'], number>;

type SchemaAt<R extends RouteSpec, K> = K extends keyof R['responses']
  ? R['responses'][K] extends { schema: infer S extends z.ZodType }
    ? S
    : undefined
  : never;

/** The body a handler returns for a status (what the schema accepts). */
export type BodyIn<R extends RouteSpec, K> = SchemaAt<R, K> extends z.ZodType ? z.input<SchemaAt<R, K>> : undefined;
/** The body a client reads for a status (what the schema gives). */
export type BodyOut<R extends RouteSpec, K> = SchemaAt<R, K> extends z.ZodType ? z.output<SchemaAt<R, K>> : undefined;

type Part<S> = S extends z.ZodType ? z.output<S> : undefined;
export type ParamsOf<R extends RouteSpec> = Part<R['params']>;
export type QueryOf<R extends RouteSpec> = Part<R['query']>;
export type BodyOf<R extends RouteSpec> = R['bodyReadByService'] extends true ? unknown : Part<R['body']>;

/** The statuses in the order a route prefers them: the lowest success status is its usual answer. */
export const successStatuses = (spec: RouteSpec): number[] =>
  Object.keys(spec.responses)
    .map(Number)
    .sort((a, b) => a - b);

/** `/cases/:id/claim` → `/cases/{id}/claim` (OpenAPI). */
export const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');

/** The path names of a route, in order: `/models/:modelId/:version` → ['modelId', 'version']. */
export const pathNames = (path: string): string[] => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);

/** The URL of a route under /api with its path parameters filled in, each encoded. */
export function urlFor(spec: RouteSpec, params: Readonly<Record<string, unknown>> = {}): string {
  return `/api${spec.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params[name] ?? '')))}`;
}
