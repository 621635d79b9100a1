import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { buildTestApp } from '../support/app';
import { apiRoutes, toOpenApiPath } from '../support/routes';
import { openTestSqlite } from '../support/stores';

describe('the OpenAPI document', () => {
  it('describes exactly the routes the server serves', async () => {
    const t = await openTestSqlite();
    const app = await buildTestApp(t.store);
    const doc = (await request(app.app).get('/api/openapi.json')).body;
    const served = apiRoutes(app.app).map((r) => `${r.method} ${toOpenApiPath(r.path)}`).sort();
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(served.length).toBeGreaterThan(30);
    expect(documented).toEqual(served);
    await t.dispose();
  });
});
