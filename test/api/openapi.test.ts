import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { z } from 'zod';
import { API_ROUTES } from '@shared/contract';
import { openApiPath, pathNames } from '@shared/contract/route';
import { DecisionType } from '@shared/schemas/common';
import { FairnessReport, ModelMetricsList } from '@shared/schemas/metrics';
import { binEdges } from '../../server/metrics/bins';
import { FAIRNESS_THRESHOLD } from '../../server/metrics/fairness';
import { PSI_EPSILON } from '../../server/metrics/psi';
import { dayOf, FAVOURABLE } from '../../server/metrics/rollups';
import { buildTestApp } from '../support/app';
import { fraudDecision, riskDecision } from '../support/fixtures';
import { apiRoutes, toOpenApiPath } from '../support/routes';
import { openTestSqlite } from '../support/stores';

describe('the OpenAPI document', () => {
  it('describes exactly the routes the server serves', async () => {
    const t = await openTestSqlite();
    const app = await buildTestApp(t.store);
    const doc = (await request(app.app).get('/api/openapi.json')).body;
    const served = apiRoutes(app.app)
      .map((r) => `${r.method} ${toOpenApiPath(r.path)}`)
      .sort();
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(served.length).toBeGreaterThan(30);
    expect(documented).toEqual(served);
    await t.dispose();
  });

  it('documents for each route the very schemas its definition validates requests with and answers in', async () => {
    const t = await openTestSqlite();
    const app = await buildTestApp(t.store);
    const doc = (await request(app.app).get('/api/openapi.json')).body;
    // What zod itself makes of a schema, as the document should show it. zod-openapi adds
    // `type: object` beside a discriminated union's `oneOf`; that says nothing new, so it is dropped.
    const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => normalise(z.toJSONSchema(schema, { io, unrepresentable: 'any' }));
    const ids = new Set<string>();
    for (const spec of API_ROUTES) {
      const name = `${spec.method.toUpperCase()} ${spec.path}`;
      const op = doc.paths[`/api${openApiPath(spec.path)}`]?.[spec.method];
      expect(op, name).toBeDefined();
      expect(op.operationId, name).toBe(spec.operationId);
      ids.add(op.operationId);

      if (spec.body) {
        expect(op.requestBody.required, name).toBe(!spec.bodyOptional);
        expect(normalise(op.requestBody.content['application/json'].schema), name).toEqual(jsonSchema(spec.body, 'input'));
      } else if (spec.bodyMedia) {
        // A route reading other media only (an upload): those media, no JSON.
        expect(op.requestBody.required, name).toBe(!spec.bodyOptional);
        expect(Object.keys(op.requestBody.content), name).toEqual(Object.keys(spec.bodyMedia));
        for (const [media, schema] of Object.entries(spec.bodyMedia)) {
          expect(normalise(op.requestBody.content[media].schema), name).toEqual(jsonSchema(schema, 'input'));
        }
      } else expect(op.requestBody, name).toBeUndefined();

      const parameters = (op.parameters ?? []) as { in: string; name: string; required?: boolean; schema: unknown }[];
      expect(
        parameters.filter((p) => p.in === 'path').map((p) => p.name),
        name,
      ).toEqual(pathNames(spec.path));
      for (const [where, schema] of [
        ['path', spec.params],
        ['query', spec.query],
      ] as const) {
        const own = parameters.filter((p) => p.in === where);
        if (!schema) {
          expect(own, name).toEqual([]);
          continue;
        }
        const described = jsonSchema(schema, 'input') as { properties: Record<string, unknown>; required?: string[] };
        expect(own.map((p) => p.name).sort(), name).toEqual(Object.keys(described.properties).sort());
        for (const p of own) {
          expect(normalise(p.schema), `${name} ${p.name}`).toEqual(described.properties[p.name]);
          expect(!!p.required, `${name} ${p.name} required`).toBe((described.required ?? []).includes(p.name));
        }
      }

      for (const [status, response] of Object.entries(spec.responses)) {
        const documented = op.responses[status];
        expect(documented, `${name} ${status}`).toBeDefined();
        if (response.schema)
          expect(normalise(documented.content['application/json'].schema), `${name} ${status}`).toEqual(jsonSchema(response.schema, 'output'));
        else expect(documented.content?.['application/json'], `${name} ${status}`).toBeUndefined();
        for (const media of [...(response.media ?? []), ...Object.keys(response.jsonMedia ?? {})])
          expect(documented.content[media], `${name} ${status} ${media}`).toBeDefined();
        for (const [header, h] of Object.entries(response.headers ?? {}))
          expect(documented.headers?.[header]?.required ?? false, `${name} ${status} ${header}`).toBe(h.required);
      }
      // Every write may meet a body that is too large or not JSON; every caller may be unknown.
      if (spec.method !== 'get') expect(Object.keys(op.responses), name).toEqual(expect.arrayContaining(['400', '413', '415']));
      if (spec.caller !== 'anyone') expect(Object.keys(op.responses), name).toContain('401');
    }
    expect(ids.size).toBe(API_ROUTES.length);
    await t.dispose();
  });

  it('defines every metric with the numbers the server computes with, enough to recompute them', async () => {
    const t = await openTestSqlite();
    const app = await buildTestApp(t.store);
    const doc = (await request(app.app).get('/api/openapi.json')).body;
    const defs = doc['x-metric-definitions'];

    // The day's time zone is the one the rollups count in, also around midnight and in summer time.
    const zone = new Intl.DateTimeFormat('en-CA', { timeZone: defs.day.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    for (const instant of ['2026-01-31T23:30:00.000Z', '2026-02-01T00:30:00.000Z', '2026-07-14T22:30:00.000Z', '2026-07-15T01:00:00.000Z']) {
      expect(dayOf(instant), instant).toBe(zone.format(new Date(instant)));
    }
    expect(defs.gauges.fields).toEqual(['openCases', 'overdueCases']);
    expect(defs.histogram.closed).toBe('left');
    for (const type of DecisionType.options) expect(defs.histogram.types[type].bins, type).toEqual(binEdges(type));
    expect(defs.psi).toMatchObject({ epsilon: PSI_EPSILON, thresholds: { moderate: 0.1, major: 0.25 } });
    expect(defs.fairness).toMatchObject({ threshold: FAIRNESS_THRESHOLD, favourable: FAVOURABLE });
    // How significant drift is decided, in the definitions and in the drift and models operations.
    expect(defs.drift.significance).toContain('χ²(k − 1) · (1/n₁ + 1/n₂)');
    expect(defs.drift.significance).toContain('DRIFT_MIN_SAMPLE, default 100');
    expect(doc.paths['/api/metrics/drift'].get.description).toContain(defs.drift.significance);
    expect(doc.paths['/api/metrics/models'].get.description).toContain(defs.psi.significance);
    for (const path of ['overview', 'models', 'fairness', 'drift', 'overrides', 'findings', 'coverage']) {
      expect(doc.paths[`/api/metrics/${path}`].get.description, path).toContain(`in ${defs.day.timeZone}`);
    }
    expect(doc.paths['/api/metrics/overview'].get.description).toContain('Period-independent gauges (openCases, overdueCases)');
    expect(doc.paths['/api/metrics/models'].get.description).toContain('renewal_price (relative_premium_change = ');

    // A governance lead recomputes the PSI of a response from its histograms and the published epsilon.
    const scores = (version: string, values: number[]) =>
      values.map((score) => riskDecision({ model: { id: 'recompute', version }, output: { score, band: 'low' } }));
    const batch = await app
      .ingest()
      .post('/api/decisions/batch')
      .send({ decisions: [...scores('1', [0.05, 0.1, 0.1, 0.3, 0.95]), ...scores('2', [0.1, 0.35, 0.4, 0.4, 0.55, 1])] });
    expect(batch.status).toBe(200);
    const gov = await app.as('governance');
    const { items } = ModelMetricsList.parse((await gov.get('/api/metrics/models?modelId=recompute')).body);
    const [v1, v2] = items;
    expect(v2!.psiAgainst).toBe(v1!.modelVersion);
    const shares = (counts: number[]) => {
      const total = counts.reduce((a, b) => a + b, 0);
      const smoothed = counts.map((c) => c / total + defs.psi.epsilon);
      const norm = smoothed.reduce((a, b) => a + b, 0);
      return smoothed.map((p) => p / norm);
    };
    const e = shares(v1!.histogram.bins.map((b) => b.count));
    const a = shares(v2!.histogram.bins.map((b) => b.count));
    expect(v2!.psi).toBeCloseTo(
      a.reduce((sum, ai, i) => sum + (ai - e[i]!) * Math.log(ai / e[i]!), 0),
      12,
    );
    // Edges are closed on the left: 0.1 and 0.4 open their bins; 1 is in the last.
    expect(v2!.histogram.bins.filter((b) => b.count > 0).map((b) => [b.from, b.count])).toEqual([
      [0.1, 1],
      [0.35, 1],
      [0.4, 2],
      [0.55, 1],
      [0.95, 1],
    ]);

    // And the fairness status from the published threshold, significance level and minimum group.
    const fraud = (ageBand: string, flagged: boolean) =>
      fraudDecision({
        model: { id: 'recompute-fraud', version: '1' },
        inputs: { claim_amount_cents: 1, provider_on_watchlist: flagged, age_band: ageBand },
        output: { claimId: 'C-1', score: flagged ? 0.95 : 0.1, threshold: 0.7, flagged, action: flagged ? 'hold_payment' : 'none' },
      });
    const flags = (ageBand: string, n: number, flagged: number) => Array.from({ length: n }, (_, i) => fraud(ageBand, i < flagged));
    await app
      .ingest()
      .post('/api/decisions/batch')
      .send({ decisions: [...flags('18-29', 40, 12), ...flags('30-44', 40, 2), ...flags('45-59', 10, 10)] });
    const fairness = FairnessReport.parse((await gov.get('/api/metrics/fairness?modelId=recompute-fraud&attribute=age_band')).body);
    // 28/40 against 38/40: ratio 0.7368…; statsmodels proportions_ztest([28, 38], [40, 40]) gives p = 0.003256.
    expect(fairness.groups!.map((g) => [g.group, g.status])).toEqual([
      ['18-29', 'flagged'],
      ['30-44', 'reference'],
      ['45-59', 'too_few'],
    ]);
    for (const g of fairness.groups!) {
      if (g.status === 'reference' || g.status === 'too_few') continue;
      const flagged = g.ratio! < defs.fairness.threshold && g.pValue! < defs.fairness.alpha && g.n >= fairness.minGroup;
      expect(g.status).toBe(flagged ? 'flagged' : 'ok');
    }
    await t.dispose();
  });
});

/** Drops what zod-openapi adds without changing a schema's meaning, and the `$schema` marker zod adds. */
function normalise(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(normalise);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema' || key === 'discriminator') continue;
    if (key === 'type' && value === 'object' && 'oneOf' in schema && !('properties' in schema)) continue;
    out[key] = normalise(value);
  }
  return out;
}
