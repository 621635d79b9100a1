import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { api, ApiError, setUnauthenticatedHandler, withQuery } from './api-client';

const Thing = z.object({ id: z.string() });

function answer(status: number, body: unknown, contentType = 'application/json') {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

const problem = (status: number, code: string, extra: object = {}) => ({ type: 'about:blank', title: code, status, detail: `${code} detail`, code, ...extra });

describe('api client', () => {
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
    await expect(api.get('/api/things/a', Thing)).resolves.toEqual({ id: 'a' });
  });

  it('sends JSON bodies', async () => {
    fetchMock.mockResolvedValue(answer(201, { id: 'b' }));
    await api.post('/api/things', { name: 'b' }, Thing);
    const [, init] = fetchMock.mock.calls[0]!;
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"name":"b"}');
    expect((init?.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('turns problem+json into an ApiError with code and field errors', async () => {
    const errors = [{ path: 'statement', message: 'required' }];
    fetchMock.mockResolvedValue(answer(400, problem(400, 'validation_failed', { errors }), 'application/problem+json'));
    const error = await api.post('/api/things', {}, Thing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', detail: 'validation_failed detail', fieldErrors: errors });
    expect((error as ApiError).isClientError).toBe(true);
  });

  it('reports a 401 as a lost session, unless the caller expects it', async () => {
    fetchMock.mockImplementation(async () => answer(401, problem(401, 'unauthenticated')));
    await expect(api.get('/api/things', Thing)).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(unauthenticated).toHaveBeenCalledTimes(1);
    await expect(api.get('/api/session', Thing, { quietUnauthenticated: true })).rejects.toMatchObject({ status: 401 });
    expect(unauthenticated).toHaveBeenCalledTimes(1);
  });

  it('does not treat wrong credentials as a lost session', async () => {
    fetchMock.mockResolvedValue(answer(401, problem(401, 'invalid_credentials')));
    await expect(api.post('/api/session', {}, Thing)).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(unauthenticated).not.toHaveBeenCalled();
  });

  it('refuses an answer that breaks the shared schema', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    fetchMock.mockResolvedValue(answer(200, { id: 42 }));
    await expect(api.get('/api/things/a', Thing)).rejects.toMatchObject({ code: 'invalid_response', fieldErrors: [{ path: 'id' }] });
  });

  it('names a failed connection and a non-problem error page', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(api.get('/api/things', Thing)).rejects.toMatchObject({ status: 0, code: 'network_error' });
    fetchMock.mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    await expect(api.get('/api/things', Thing)).rejects.toMatchObject({ status: 502, code: 'internal_error' });
  });

  it('answers void for a 204 without a schema', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(api.delete('/api/session')).resolves.toBeUndefined();
  });

  it('builds query strings without empty values', () => {
    expect(withQuery('/api/decisions', { type: 'risk_score', cursor: undefined, limit: 20, memberId: '' })).toBe('/api/decisions?type=risk_score&limit=20');
  });
});
