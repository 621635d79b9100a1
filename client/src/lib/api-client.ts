import type { z } from 'zod';
import { Problem, type ErrorCode, type ProblemFieldError } from '@shared/schemas/problem';

/** Codes the server sends, plus two for failures that never reached a server answer. */
export type ApiErrorCode = ErrorCode | 'network_error' | 'invalid_response';

/** Every failed call ends here: built from the problem+json body, or from what went wrong on the way. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    readonly detail: string,
    readonly fieldErrors: ProblemFieldError[] = [],
    readonly problem?: Problem,
  ) {
    super(detail);
  }

  /** An extension member of the problem (`currentVersion` of a version_conflict, `caseId` of case_already_open). */
  extra(name: string): unknown {
    return (this.problem as Record<string, unknown> | undefined)?.[name];
  }

  /** A 4xx is an answer, not an accident: retrying it will not help. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

type UnauthenticatedListener = () => void;
let onUnauthenticated: UnauthenticatedListener = () => {};

/**
 * The app decides what a 401 means (end the session, send the reader to sign in and back);
 * the client only reports it, so it stays free of routing.
 */
export function setUnauthenticatedHandler(listener: UnauthenticatedListener): void {
  onUnauthenticated = listener;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Set where a 401 is an expected answer (asking who is signed in), not a lost session. */
  quietUnauthenticated?: boolean;
}

async function readProblem(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const problem = Problem.safeParse(body);
  if (problem.success) {
    const p = problem.data;
    return new ApiError(p.status || response.status, p.code, p.detail, p.errors ?? [], p);
  }
  const code: ApiErrorCode = response.status === 401 ? 'unauthenticated' : response.status === 404 ? 'not_found' : 'internal_error';
  return new ApiError(response.status, code, `${response.status} ${response.statusText}`.trim());
}

/** One fetch on the session's cookie; a failure (an answer that is not 2xx, or none at all) becomes an ApiError. */
async function fetchOrFail(url: string, init: RequestInit, options: RequestOptions): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'same-origin', signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', error instanceof Error ? error.message : 'The request failed.');
  }
  if (!response.ok) {
    const error = await readProblem(response);
    if (error.status === 401 && error.code === 'unauthenticated' && !options.quietUnauthenticated) onUnauthenticated();
    throw error;
  }
  return response;
}

/** Sends a request with a JSON body (if any); errors as fetchOrFail. */
export async function send(method: string, url: string, body: unknown, options: RequestOptions, accept: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return fetchOrFail(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }, options);
}

/** Sends a multipart form (an upload): the browser sets the boundary; errors as fetchOrFail. */
export async function sendForm(url: string, form: FormData, options: RequestOptions = {}): Promise<Response> {
  return fetchOrFail(url, { method: 'POST', headers: { Accept: 'application/json, application/problem+json' }, body: form }, options);
}

/** Reads a JSON answer with its shared schema: an answer that breaks the contract is a bug to see, not data to show. */
export async function readJson<S extends z.ZodType>(response: Response, schema: S, what: string): Promise<z.output<S>> {
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ApiError(response.status, 'invalid_response', `The answer from ${what} is not JSON.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const fieldErrors = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    console.error(`Contract broken by ${what}:`, fieldErrors);
    throw new ApiError(response.status, 'invalid_response', `The answer from ${what} does not match its schema.`, fieldErrors);
  }
  return parsed.data;
}

/** Builds `path?key=value…`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | boolean | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
