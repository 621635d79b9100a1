import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { route } from '@shared/contract/route';
import { ApiError, setUnauthenticatedHandler, withQuery } from './api-client';
import { call } from './call';

const Thing = z.object({ id: z.string() });
const ThingParams = z.object({ id: z.string() });

// Routes defined for the test as the app defines its own; the fetchers derive from them.
const getThing = call(
  route({
    operationId: 'getThing',
    method: 'get',
    path: '/things/:id',
    summary: 'A thing',
    caller: 'person',
    params: ThingParams,
    responses: { 200: { description: 'OK', schema: Thing } },
  }),
);
const listThings = call(
  route({
    operationId: 'listThings',
    method: 'get',
    path: '/things',
    summary: 'Things',
    caller: 'person',
    responses: { 200: { description: 'OK', schema: Thing } },
  }),
);
const postThing = call(
  route({
    operationId: 'postThing',
    method: 'post',
    path: '/things',
    summary: 'New thing',
    caller: 'person',
    body: z.object({ name: z.string().optional() }),
    responses: { 201: { description: 'Made', schema: Thing } },
  }),
);
const signIn = call(
  route({
    operationId: 'signIn',
    method: 'post',
    path: '/session',
    summary: 'Sign in',
    caller: 'anyone',
    body: z.object({}),
    responses: { 200: { description: 'OK', schema: Thing } },
  }),
);
const getSession = call(
  route({
    operationId: 'getSession',
    method: 'get',
    path: '/session',
    summary: 'Who',
    caller: 'person',
    responses: { 200: { description: 'OK', schema: Thing } },
  }),
);
const signOut = call(
  route({ operationId: 'signOut', method: 'delete', path: '/session', summary: 'Out', caller: 'person', responses: { 204: { description: 'Signed out' } } }),
);

function answer(status: number, body: unknown, contentType = 'application/json') {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

const problem = (status: number, code: string, extra: object = {}) => ({ type: 'about:blank', title: code, status, detail: `${code} detail`, code, ...extra });

describe('the fetchers derived from route definitions', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const unauthenticated = vi.fn();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    setUnauthenticatedHandler(unauthenticated);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    fetchMock.mockReset();
    unauthenticated.mockReset();
  });

  it('parses an answer with the schema', async () => {
    fetchMock.mockResolvedValue(answer(200, { id: 'a', extra: 1 }));
    await expect(getThing({ params: { id: 'a' } })).resolves.toEqual({ id: 'a' });
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/things/a');
  });

  it('sends JSON bodies', async () => {
    fetchMock.mockResolvedValue(answer(201, { id: 'b' }));
    await postThing({ body: { name: 'b' } });
    const [, init] = fetchMock.mock.calls[0]!;
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"name":"b"}');
    expect((init?.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('turns problem+json into an ApiError with code and field errors', async () => {
    const errors = [{ path: 'statement', message: 'required' }];
    fetchMock.mockResolvedValue(answer(400, problem(400, 'validation_failed', { errors }), 'application/problem+json'));
    const error = await postThing({ body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', detail: 'validation_failed detail', fieldErrors: errors });
    expect((error as ApiError).isClientError).toBe(true);
  });

  it('reports a 401 as a lost session, unless the caller expects it', async () => {
    fetchMock.mockImplementation(async () => answer(401, problem(401, 'unauthenticated')));
    await expect(listThings({})).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(unauthenticated).toHaveBeenCalledTimes(1);
    await expect(getSession({}, { quietUnauthenticated: true })).rejects.toMatchObject({ status: 401 });
    expect(unauthenticated).toHaveBeenCalledTimes(1);
  });

  it('does not treat wrong credentials as a lost session', async () => {
    fetchMock.mockResolvedValue(answer(401, problem(401, 'invalid_credentials')));
    await expect(signIn({ body: {} })).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(unauthenticated).not.toHaveBeenCalled();
  });

  it('refuses an answer that breaks the shared schema', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    fetchMock.mockResolvedValue(answer(200, { id: 42 }));
    await expect(getThing({ params: { id: 'a' } })).rejects.toMatchObject({ code: 'invalid_response', fieldErrors: [{ path: 'id' }] });
  });

  it('names a failed connection and a non-problem error page', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(listThings({})).rejects.toMatchObject({ status: 0, code: 'network_error' });
    fetchMock.mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    await expect(listThings({})).rejects.toMatchObject({ status: 502, code: 'internal_error' });
  });

  it('answers void for a 204 without a schema', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(signOut({})).resolves.toBeUndefined();
  });

  it('fills in and encodes path names, and refuses a success status the route does not document', async () => {
    fetchMock.mockResolvedValueOnce(answer(200, { id: 'a/b' }));
    await getThing({ params: { id: 'a/b?c' } });
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/things/a%2Fb%3Fc');
    fetchMock.mockResolvedValueOnce(answer(200, { id: 'b' }));
    await expect(postThing({ body: {} })).rejects.toMatchObject({ status: 200, code: 'invalid_response' });
  });

  it('builds query strings without empty values', () => {
    expect(withQuery('/api/decisions', { type: 'risk_score', cursor: undefined, limit: 20, memberId: '' })).toBe('/api/decisions?type=risk_score&limit=20');
  });
});
