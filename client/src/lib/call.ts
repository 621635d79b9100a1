import type { z } from 'zod';
import { urlFor, type BodyOut, type RouteSpec, type SuccessStatus } from '@shared/contract/route';
import { ApiError, readJson, send, withQuery, type RequestOptions } from './api-client';

type Query = Record<string, string | number | boolean | null | undefined>;

/** What a fetcher is given, typed by its route's definition: the path's names, the query, the body. */
export type CallInput<R extends RouteSpec> = (R['params'] extends z.ZodType ? { params: z.input<R['params']> } : { params?: undefined }) &
  (R['query'] extends z.ZodType ? { query?: Partial<z.input<R['query']>> } : { query?: undefined }) &
  (R['body'] extends z.ZodType ? (R['bodyOptional'] extends true ? { body?: z.input<R['body']> } : { body: z.input<R['body']> }) : { body?: undefined });

/** What a fetcher gives: the body of whichever success status answered, parsed with its schema. */
export type CallResult<R extends RouteSpec> = BodyOut<R, SuccessStatus<R>>;

/** The URL of a route with its parameters and query; for links the browser follows itself (downloads). */
export function urlOf<R extends RouteSpec>(spec: R, input: Pick<CallInput<R>, 'params' | 'query'>): string {
  return urlWith(spec, input.params, input.query);
}

// The input was typed by the route's schemas at the call; here it is only read as names and values.
const urlWith = (spec: RouteSpec, params: unknown, query: unknown): string =>
  withQuery(urlFor(spec, (params ?? {}) as Record<string, unknown>), (query ?? {}) as Query);

/**
 * The client's fetcher of a route, derived from its one definition: the URL from its path, the
 * body it sends, and the answer read with the schema of the status that came back.
 */
export function call<R extends RouteSpec>(spec: R) {
  const what = `${spec.method.toUpperCase()} /api${spec.path}`;
  return async (input: CallInput<R>, options: RequestOptions = {}): Promise<CallResult<R>> => {
    const response = await send(
      spec.method.toUpperCase(),
      urlWith(spec, input.params, input.query),
      input.body,
      options,
      'application/json, application/problem+json',
    );
    const answer = spec.responses[response.status];
    if (!answer) throw new ApiError(response.status, 'invalid_response', `${what} answered ${response.status}, which it does not document.`);
    if (!answer.schema) return undefined as CallResult<R>;
    return (await readJson(response, answer.schema, what)) as CallResult<R>;
  };
}

/** A file the server offers as a download (the member's export), with the name it suggests. */
export function download<R extends RouteSpec>(spec: R) {
  return async (input: CallInput<R>, options: RequestOptions = {}): Promise<{ blob: Blob; filename: string | null }> => {
    const response = await send(spec.method.toUpperCase(), urlWith(spec, input.params, input.query), input.body, options, '*/*');
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const filename = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
    return { blob: await response.blob(), filename };
  };
}
