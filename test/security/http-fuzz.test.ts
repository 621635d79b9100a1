/**
 * HTTP fuzzing: every operation of the OpenAPI document, fuzzed from its own schemas
 * with a fixed seed and budget. Parameters, queries and bodies start valid and are then bent:
 * wrong types, huge numbers, "NaN", deep nesting, unicode, missing and extra fields, `__proto__`.
 * Whatever arrives: no 5xx, every error a problem+json with a code, every 2xx JSON body valid
 * against the schema the document declares for it, and the server healthy at the end.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import request from 'supertest';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Problem } from '@shared/schemas/problem';
import { DEMO_INGEST_KEY } from '../../server/config';
import { answerClientErrorsAsProblems } from '../../server/http/client-errors';
import { buildTestApp, type TestApp } from '../support/app';
import { fraudDecision, renewalDecision, riskDecision } from '../support/fixtures';
import { sessionCookieFor } from '../support/session-cookies';
import { openTestSqlite, type TestStore } from '../support/stores';

const SEED = 20_261_208;
const BUDGET = 1_500;

type Schema = Record<string, any>;
interface Operation {
  method: string;
  path: string;
  op: Schema;
}

// ---- values from schemas -------------------------------------------------------------------

function stringFor(s: Schema): fc.Arbitrary<string> {
  const max = Math.min(s.maxLength ?? 40, 40);
  const min = s.minLength ?? 0;
  if (s.format === 'date-time')
    return fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2026-11-25T11:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'date' || s.pattern === '^\\d{4}-\\d{2}-\\d{2}$')
    return fc
      .date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  if (s.pattern) {
    try {
      return fc
        .stringMatching(new RegExp(s.pattern))
        .map((v) => v.slice(0, max))
        .filter((v) => v.length >= min && new RegExp(s.pattern).test(v));
    } catch {
      // a pattern fast-check cannot generate from: plain strings, which the server must refuse cleanly
    }
  }
  return fc.string({ minLength: min, maxLength: Math.max(min, max) });
}

/** A value the schema (mostly) accepts; cross-field rules are the server's to enforce. */
function validFor(s: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 8) return fc.constant(null);
  if ('const' in s) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...(s.enum as unknown[]));
  const union = s.oneOf ?? s.anyOf;
  if (union) return fc.oneof(...(union as Schema[]).map((x) => validFor(x, depth + 1)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return stringFor(s);
    case 'integer':
      return fc.integer({ min: Math.max(s.minimum ?? -1000, -(2 ** 31)), max: Math.min(s.maximum ?? 100_000_000, 2 ** 31) });
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validFor(s.items, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 3, 3) });
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      if (Object.keys(props).length === 0 && s.additionalProperties && typeof s.additionalProperties === 'object') {
        return fc.dictionary(
          s.propertyNames ? stringFor(s.propertyNames) : fc.string({ minLength: 1, maxLength: 12 }),
          validFor(s.additionalProperties, depth + 1),
          { maxKeys: 4 },
        );
      }
      const arbs = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, validFor(v, depth + 1)]));
      return fc.record(arbs, { requiredKeys: (s.required ?? []) as string[] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

// ---- bending them ----------------------------------------------------------------------------

const HOSTILE_SCALARS: unknown[] = [
  'NaN',
  'Infinity',
  '-Infinity',
  '-1',
  -1,
  0,
  -0,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 2,
  2 ** 64,
  '1e400',
  '0x10',
  '',
  ' ',
  'a'.repeat(10_001),
  '\u0000',
  '\u202e\u202d',
  '😀'.repeat(50),
  'e\u0301',
  'ﬁ',
  'Ａｄｍｉｎ',
  true,
  false,
  null,
  [],
  {},
  [1, 2],
  { $ne: null },
  { $gt: '' },
  '$where',
  '__proto__',
  'constructor',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  'M-1001',
  'dec_000000000000000000000000',
];
const EXTRA_KEYS = ['extra', '$where', '$gt', '__proto__', 'constructor', 'prototype', 'a.b', '', '😀'];

function nodes(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [path, ...entries.flatMap(([k, v]) => nodes(v, [...path, k]))];
}

function bend(value: unknown, how: number, pick: number, scalar: unknown, extra: string): unknown {
  const copy = structuredClone(value);
  const all = nodes(copy).filter((p) => p.length > 0);
  const path = all.length ? all[pick % all.length]! : [];
  const parentOf = (p: (string | number)[]) => p.slice(0, -1).reduce<any>((o, k) => o[k], copy);
  switch (how % 6) {
    case 0: // a hostile value somewhere
      if (!path.length) return scalar;
      parentOf(path)[path[path.length - 1]!] = scalar;
      return copy;
    case 1: // a field missing
      if (!path.length) return {};
      if (Array.isArray(parentOf(path))) parentOf(path).splice(Number(path[path.length - 1]), 1);
      else delete parentOf(path)[path[path.length - 1]!];
      return copy;
    case 2: {
      // a field too many, possibly one that pollutes prototypes
      const target = copy !== null && typeof copy === 'object' && !Array.isArray(copy) ? (copy as Record<string, unknown>) : null;
      if (!target) return { [extra]: copy };
      Object.defineProperty(target, extra, { value: scalar, enumerable: true, configurable: true, writable: true });
      return copy;
    }
    case 3: {
      // deep nesting, around the server's limit of 64 and far past it
      let nested: unknown = copy;
      for (let i = 0; i < [10, 63, 65, 300][pick % 4]!; i++) nested = { a: nested };
      return nested;
    }
    case 4: // the wrong root type
      return [[copy], JSON.stringify(copy), 42, null, true][pick % 5];
    default:
      return copy;
  }
}

const RAW_BODIES = [
  '{"a":1,"a":2}',
  '{',
  '}',
  'NaN',
  '1e400',
  '"text"',
  'null',
  '[]',
  '',
  '\ufeff{}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '['.repeat(2000) + ']'.repeat(2000),
  '{"a":"\\ud800"}',
  '{"a":1}garbage',
];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/x-ndjson',
  'application/json; charset=utf-16',
  'multipart/form-data; boundary=x',
];

interface FuzzRequest {
  params: Record<string, string>;
  query: string;
  body: { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; type: string } | { kind: 'none' };
}

function requestsFor(op: Operation, samples: Record<string, string[]>): fc.Arbitrary<FuzzRequest> {
  const parameters = (op.op.parameters ?? []) as Schema[];
  const pathParams = parameters.filter((p) => p.in === 'path');
  const queryParams = parameters.filter((p) => p.in === 'query');
  const hostileString = fc.constantFrom(...HOSTILE_SCALARS.filter((v) => typeof v === 'string' || typeof v === 'number').map(String));
  const params = fc.record(
    Object.fromEntries(
      pathParams.map((p) => [
        p.name,
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...(samples[p.name] ?? ['x'])) },
          { weight: 1, arbitrary: validFor(p.schema).map(String) },
          { weight: 2, arbitrary: hostileString },
        ),
      ]),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
  const queryPairs = fc.tuple(
    ...queryParams.map((p) =>
      fc
        .option(fc.oneof({ weight: 3, arbitrary: validFor(p.schema).map(String) }, { weight: 1, arbitrary: hostileString }), { nil: undefined })
        .map((v) => [p.name, v] as const),
    ),
  );
  const extraQuery = fc.constantFrom(
    '',
    '',
    '',
    'memberId[$ne]=x',
    '__proto__[admin]=1',
    'constructor[prototype][x]=1',
    'limit=1&limit=2',
    'lang=xx',
    'format=csv',
    'cursor=' + 'A'.repeat(600),
    'unknown=1',
    '%zz=1',
    'from=2026-13-45&to=2026-00-00',
  );
  const query = fc.tuple(queryPairs, extraQuery).map(([pairs, extra]) => {
    const search = new URLSearchParams();
    for (const [k, v] of pairs) if (v !== undefined) search.append(k, v);
    return [search.toString(), extra].filter(Boolean).join('&');
  });
  const bodySchema = op.op.requestBody?.content?.['application/json']?.schema as Schema | undefined;
  const body: fc.Arbitrary<FuzzRequest['body']> = bodySchema
    ? fc.oneof(
        { weight: 3, arbitrary: validFor(bodySchema).map((value) => ({ kind: 'json' as const, value })) },
        {
          weight: 6,
          arbitrary: fc
            .tuple(validFor(bodySchema), fc.nat(), fc.nat(), fc.constantFrom(...HOSTILE_SCALARS), fc.constantFrom(...EXTRA_KEYS))
            .map(([v, how, pick, scalar, extra]) => ({ kind: 'json' as const, value: bend(v, how, pick, scalar, extra) })),
        },
        {
          weight: 2,
          arbitrary: fc.tuple(fc.constantFrom(...RAW_BODIES), fc.constantFrom(...CONTENT_TYPES)).map(([text, type]) => ({ kind: 'raw' as const, text, type })),
        },
      )
    : fc.oneof(
        { weight: 4, arbitrary: fc.constant({ kind: 'none' as const }) },
        { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((text) => ({ kind: 'raw' as const, text, type: 'application/json' })) },
      );
  return fc.record({ params, query, body });
}

// ---- who calls ------------------------------------------------------------------------------

/** An authorised caller of the right kind for each operation, so requests get past the door. */
function callerFor(method: string, path: string, i: number): string | 'ingest' | null {
  if (path.startsWith('/api/decisions') && method === 'POST' && !path.includes('{id}')) return 'ingest';
  if (path === '/api/members/{memberId}/contact') return 'ingest';
  if (path === '/api/session' && method === 'POST') return null;
  if (path.startsWith('/api/metrics')) return 'governance';
  if (path.startsWith('/api/audit')) return i % 2 ? 'governance' : 'admin';
  if (path.startsWith('/api/admin') || (path === '/api/models' && method === 'PUT')) return 'admin';
  if (path === '/api/me/export' || path === '/api/me/contact' || path.endsWith('/withdraw')) return 'anna';
  if (path.startsWith('/api/cases/{id}/')) return ['senior.reviewer', 'pricing.reviewer'][i % 2]!;
  if (path.endsWith('/objections')) return ['anna', 'senior.reviewer'][i % 2]!;
  return ['anna', 'pricing.reviewer', 'senior.reviewer', 'governance', 'admin'][i % 5]!;
}

// ---- the run --------------------------------------------------------------------------------

describe('HTTP fuzzing from the OpenAPI document', () => {
  let t: TestStore;
  let app: TestApp;
  let doc: Schema;
  let server: Server;
  let base: string;
  const samples: Record<string, string[]> = {};

  beforeAll(async () => {
    t = await openTestSqlite();
    app = await buildTestApp(t.store);
    // Over a real listening server, as in production (server/index.ts): Node itself answers what it cannot parse.
    server = answerClientErrorsAsProblems(createServer(app.app));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    doc = (await request(app.app).get('/api/openapi.json')).body;
    const ids = (
      await app
        .ingest()
        .post('/api/decisions/batch')
        .send({ decisions: [renewalDecision(), fraudDecision(), riskDecision(), renewalDecision({ subject: { memberId: 'M-1002' } })] })
    ).body.ids as string[];
    const cases: string[] = [];
    for (const [id, member] of [
      [ids[0], 'anna'],
      [ids[1], 'anna'],
      [ids[2], 'bram'],
    ] as const) {
      cases.push((await (await app.as(member)).post(`/api/decisions/${id}/objections`).send({ statement: 'Please look at this again.' })).body.case.id);
    }
    samples.id = [...ids, ...cases, 'dec_ffffffffffffffffffffffff', 'case_ffffffffffffffffffffffff_1'];
    samples.memberId = ['M-1001', 'M-1002', 'M-404'];
    samples.modelId = ['renewal-tariff', 'claims-fraud-screen'];
    samples.version = ['2026.2', '3.2', '0'];
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await t.dispose();
  });

  it(`sends ${BUDGET} generated requests: no 5xx, problems with codes, 2xx bodies valid against the document`, async () => {
    const operations: Operation[] = Object.entries(doc.paths as Record<string, Record<string, Schema>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );
    expect(operations.length).toBeGreaterThan(35);
    const perOperation = Math.floor(BUDGET / operations.length);
    const responseSchemas = new Map<string, z.ZodType>();
    const failures: string[] = [];
    let sent = 0;
    const statuses = new Map<number, number>();

    for (const [index, operation] of operations.entries()) {
      const generated = fc.sample(requestsFor(operation, samples), { seed: SEED + index, numRuns: perOperation });
      for (const [i, r] of generated.entries()) {
        // An empty path parameter would name another route (`/api/admin/mail/` is the list, not a mail), so it stands for one that exists nowhere.
        const url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(r.params[name] || 'x')) + (r.query ? `?${r.query}` : '');
        let req = (request(base) as unknown as Record<string, (u: string) => request.Test>)[operation.method.toLowerCase()]!(url);
        const caller = callerFor(operation.method, operation.path, i);
        if (caller === 'ingest') req = req.set('Authorization', `Bearer ${DEMO_INGEST_KEY}`);
        else if (caller) req = req.set('Cookie', await sessionCookieFor(t.store, app.clock, app.config, caller));
        if (r.body.kind === 'json') req = req.set('Content-Type', 'application/json').send(JSON.stringify(r.body.value) ?? 'null');
        else if (r.body.kind === 'raw') req = req.set('Content-Type', r.body.type).send(r.body.text);
        const res = await req;
        sent++;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const what = `${operation.method} ${url.slice(0, 120)} as ${caller ?? 'anonymous'} → ${res.status}`;

        if (res.status >= 500) {
          failures.push(`${what}, sent ${JSON.stringify(r.body).slice(0, 300)}`);
          continue;
        }
        if (res.status >= 400) {
          if (!/^application\/problem\+json/.test(res.headers['content-type'] ?? '')) failures.push(`${what}: not problem+json`);
          else if (!Problem.safeParse(res.body).success) failures.push(`${what}: a problem without a valid code: ${JSON.stringify(res.body).slice(0, 200)}`);
          continue;
        }
        const declared = operation.op.responses?.[String(res.status)] as Schema | undefined;
        if (!declared) {
          failures.push(`${what}: status not in the document`);
          continue;
        }
        const content = declared.content as Record<string, Schema> | undefined;
        if (!content || res.status === 204) continue;
        const type = res.type;
        if (!content[type]) {
          failures.push(`${what}: ${type} is not a declared content type (${Object.keys(content).join(', ')})`);
          continue;
        }
        if (type !== 'application/json') continue;
        const key = `${operation.method} ${operation.path} ${res.status}`;
        if (!responseSchemas.has(key)) responseSchemas.set(key, z.fromJSONSchema(content[type]!.schema));
        const parsed = responseSchemas.get(key)!.safeParse(res.body);
        if (!parsed.success)
          failures.push(
            `${what}: breaks its schema at ${parsed.error.issues
              .slice(0, 3)
              .map((i) => `${i.path.join('.')}: ${i.message}`)
              .join('; ')}`,
          );
      }
    }

    // Unique failures, so one broken route does not bury another.
    const distinct = [...new Set(failures.map((f) => f.replace(/ (\/api\/\S*)/, (m) => m.split('?')[0]!)))];
    expect(distinct.slice(0, 25)).toEqual([]);
    expect(sent).toBeGreaterThan(BUDGET * 0.9);
    // The budget reached the code behind validation too, not only the 400s.
    expect([...statuses.entries()].filter(([s]) => s < 300).reduce((n, [, c]) => n + c, 0)).toBeGreaterThan(BUDGET / 10);

    expect((await request(app.app).get('/api/health')).body).toEqual({ status: 'ok', storage: 'sqlite' });
    const verify = await (await app.as('governance')).get('/api/audit/verify');
    expect(verify.body.ok, JSON.stringify(verify.body)).toBe(true);
  }, 120_000);
});
