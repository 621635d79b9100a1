import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ReportDetail, ReportPage } from '@shared/schemas/reports';
import { canonicalJson } from '../../server/domain/hash-chain';
import { buildTestApp, type TestApp } from '../support/app';
import { caseSteps, longSessions } from '../support/case-steps';
import { fraudDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';

/*
 * Frozen reports (issue 19, item 7): a period's figures as of the moment of freezing, kept as the
 * exact canonical JSON that was hashed, chained report to report and sealed by the anchors.
 */
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const PERIOD = { from: '2026-11-01', to: '2026-11-30' };

describeEachStore('frozen reports', (kind) => {
  let t: TestStore;
  let app: TestApp;
  let steps: ReturnType<typeof caseSteps>;
  let decisionIds: string[];
  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store, longSessions);
    steps = caseSteps(app);
    decisionIds = await steps.batch(
      Array.from({ length: 6 }, (_, i) =>
        fraudDecision({
          decidedAt: `2026-11-1${i}T10:00:00.000Z`,
          inputs: { claim_amount_cents: 480_000, provider_on_watchlist: i % 2 === 0, age_band: i < 3 ? '18-29' : '30-44', region: 'Flanders' },
          output: { claimId: 'C-1', score: i % 2 === 0 ? 0.95 : 0.2, threshold: 0.7, flagged: i % 2 === 0, action: i % 2 === 0 ? 'hold_payment' : 'none' },
        }),
      ),
    );
  });
  afterAll(async () => t.dispose());

  const gov = () => app.as('governance');
  const freeze = async (body: unknown) => (await gov()).post('/api/reports').type('json').send(JSON.stringify(body));
  const read = async (id: string) => {
    const res = await (await gov()).get(`/api/reports/${id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return ReportDetail.parse(res.body);
  };
  const download = async (id: string) => {
    const res = await (
      await gov()
    )
      .get(`/api/reports/${id}?format=json`)
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (chunk: string) => (text += chunk));
        r.on('end', () => done(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/vnd\.recourse\.frozen-report\+json; charset=utf-8$/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="recourse-report-\d+\.json"/);
    return res.body as string;
  };
  const liveOverview = async () => (await (await gov()).get(`/api/metrics/overview?from=${PERIOD.from}&to=${PERIOD.to}`)).body;

  it('freezes the figures of a period and reads them back byte for byte, unchanged by later objections and resolutions', async () => {
    const res = await freeze(PERIOD);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const frozen = ReportDetail.parse(res.body);
    expect(frozen.id).toMatch(/^rep_[0-9a-f]{24}$/);
    expect(frozen.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(frozen).toMatchObject({ seq: 1, prevHash: '', from: PERIOD.from, to: PERIOD.to, type: null, verification: { ok: true } });
    expect(frozen.frozenBy.username).toBe('governance');

    const report = frozen.report!;
    expect(report.query).toEqual({ ...PERIOD, type: null });
    expect(report.frozenBy.id).toBe(frozen.frozenBy.id);
    expect(report.frozenAt).toBe(frozen.frozenAt);
    expect(report.figures.overview).toMatchObject({ decisions: 6, contested: 0, resolved: 0 });
    expect(report.definitions).toMatchObject({ fairness: { threshold: 0.8, alpha: 0.05, minGroup: 30 }, monitoredAttributes: ['age_band', 'region'] });
    // Every monitored attribute, on the model's output and on the final outcome.
    expect(report.figures.fairness.map((f) => `${f.attribute}/${f.basis}`)).toEqual(['age_band/model', 'age_band/final', 'region/model', 'region/final']);
    expect(report.figures.models.items.map((m) => m.modelId)).toEqual(['claims-fraud-screen']);
    expect(report.app.version).toMatch(/^\d+\.\d+\.\d+/);

    // The download is the stored canonical JSON: its SHA-256 is the hash, and it is the report read back.
    const bytes = await download(frozen.id);
    expect(sha256(bytes)).toBe(frozen.hash);
    expect(canonicalJson(JSON.parse(bytes))).toBe(bytes);
    expect(JSON.parse(bytes)).toEqual(report);
    expect(await read(frozen.id)).toEqual(frozen);

    // Late: an objection against a decision of the period, and its resolution.
    app.clock.advance(3 * 86_400_000);
    const filed = await steps.object('anna', decisionIds[1]!);
    const claimed = await steps.claim('fraud.reviewer', filed);
    await steps.confirm('fraud.reviewer', claimed);
    const live = await liveOverview();
    expect(live).toMatchObject({ decisions: 6, contested: 1, resolved: 1 });

    // The frozen report has not moved a byte, and it still verifies.
    expect(await download(frozen.id)).toBe(bytes);
    const again = await read(frozen.id);
    expect(again).toEqual(frozen);
    expect(again.verification).toEqual({ hashMatches: true, linked: true, ok: true });

    // A second freeze of the same period holds the new figures and links to the first.
    const second = ReportDetail.parse((await freeze(PERIOD)).body);
    expect(second).toMatchObject({ seq: 2, prevHash: frozen.hash, verification: { ok: true } });
    expect(second.report!.figures.overview).toMatchObject({ contested: 1, resolved: 1 });
    expect(second.hash).not.toBe(frozen.hash);
  });

  it('refuses a bad period or type with 400 problem+json naming the fields, and stores nothing', async () => {
    const before = (await t.store.reports.latest())?.seq ?? 0;
    const cases: [unknown, string[]][] = [
      [{ from: '2026-11-30', to: '2026-11-01' }, ['to']],
      [{ from: '2026-02-30', to: '2026-11-01' }, ['from']],
      [{ from: 'yesterday', to: '2026-11-01T00:00:00Z' }, ['from', 'to']],
      [{ to: '2026-11-01' }, ['from']],
      [{ ...PERIOD, type: 'car_loan' }, ['type']],
      [{ ...PERIOD, extra: true }, ['']],
      // Found by Schemathesis: a JSON `null` reached the period check and answered 500.
      [null, ['(root)']],
      [[], ['(root)']],
    ];
    for (const [body, paths] of cases) {
      const res = await freeze(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('validation_failed');
      for (const path of paths.filter(Boolean))
        expect(
          res.body.errors.map((e: { path: string }) => e.path),
          JSON.stringify(body),
        ).toContain(path);
    }
    expect((await t.store.reports.latest())?.seq ?? 0).toBe(before);
  });

  it('narrows the report to one decision type when asked', async () => {
    const res = await freeze({ ...PERIOD, type: 'renewal_price' });
    expect(res.status).toBe(201);
    const report = ReportDetail.parse(res.body).report!;
    expect(report.query.type).toBe('renewal_price');
    expect(report.figures.overview.decisions).toBe(0);
  });

  it('lists the reports newest first, page by page, each verified', async () => {
    const first = ReportPage.parse((await (await gov()).get('/api/reports?limit=2')).body);
    expect(first.items.map((r) => r.seq)).toEqual([3, 2]);
    expect(first.items.every((r) => r.verification.ok)).toBe(true);
    expect(first.items[0]!.frozenBy.username).toBe('governance');
    expect(first.nextCursor).not.toBeNull();
    const next = ReportPage.parse((await (await gov()).get(`/api/reports?limit=2&cursor=${first.nextCursor}`)).body);
    expect(next.items.map((r) => r.seq)).toEqual([1]);
    expect(next.nextCursor).toBeNull();
    expect((await (await gov()).get('/api/reports?cursor=not-ours')).body.code).toBe('invalid_cursor');
  });

  it('gives the report as CSV: one line per cell of its tables', async () => {
    const id = (await t.store.reports.bySeq(1))!.id;
    const res = await (await gov()).get(`/api/reports/${id}?format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('recourse-report-1.csv');
    const lines = res.text.trim().split(/\r?\n/);
    expect(lines[0]).toBe('table,row,column,value');
    expect(lines).toContain(`report,1,hash,${(await t.store.reports.bySeq(1))!.hash}`);
    expect(lines).toContain('overview,31,decisions,6'); // the total row after 30 days of November
    expect(lines.some((l) => l.startsWith('fairness,') && l.includes(',basis,final'))).toBe(true);
  });

  it('freezes concurrently without forking the report chain', async () => {
    const results = await Promise.all(Array.from({ length: 4 }, () => freeze(PERIOD)));
    const made = results.filter((r) => r.status === 201).map((r) => ReportDetail.parse(r.body));
    for (const r of results) expect([201, 409]).toContain(r.status);
    expect(made.length).toBeGreaterThan(0);
    const seqs = made.map((r) => r.seq).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(seqs.length);
    const verify = await (await gov()).get('/api/audit/verify');
    expect(verify.body).toMatchObject({ ok: true });
  });

  it('detects a report altered behind the app, on reading it and in the audit verification', async () => {
    let original: Record<string, any> | null = null;
    await t.raw.updateReport(1, (doc) => {
      original = structuredClone(doc);
      const document = JSON.parse(doc.content);
      document.figures.overview.contested = 7;
      doc.content = canonicalJson(document);
    });
    const id = (await t.store.reports.bySeq(1))!.id;
    const read1 = await read(id);
    expect(read1.verification).toEqual({ hashMatches: false, linked: true, ok: false });
    expect(read1.report!.figures.overview.contested).toBe(7);
    const listed = ReportPage.parse((await (await gov()).get('/api/reports?limit=100')).body);
    expect(listed.items.find((r) => r.seq === 1)!.verification.ok).toBe(false);
    const verify = await (await gov()).get('/api/audit/verify');
    expect(verify.body).toMatchObject({ ok: false, brokenAt: { reportSeq: 1, reason: 'report_altered' } });

    // Rehashing the altered report does not help: the next report names the old hash.
    await t.raw.updateReport(1, (doc) => {
      doc.hash = sha256(doc.content);
    });
    expect((await read(id)).verification.ok).toBe(true);
    const next = (await t.store.reports.bySeq(2))!;
    expect((await read(next.id)).verification).toMatchObject({ hashMatches: true, linked: false, ok: false });
    expect((await (await gov()).get('/api/audit/verify')).body).toMatchObject({ ok: false, brokenAt: { reportSeq: 2, reason: 'report_altered' } });

    await t.raw.updateReport(1, (doc) => Object.assign(doc, original));
    expect((await (await gov()).get('/api/audit/verify')).body).toMatchObject({ ok: true });
  });

  it('detects a deleted report: a gap in the chain, and the newest one through the anchor that sealed it', async () => {
    app.clock.advance(60_000);
    const sealed = await (await gov()).post('/api/audit/anchors');
    expect(sealed.status).toBe(201);
    expect((await (await gov()).get('/api/audit/verify')).body).toMatchObject({ ok: true });

    const newest = (await t.store.reports.latest())!;
    const removed = (await t.store.reports.get(newest.id))!;
    await t.raw.deleteReport(newest.seq);
    expect((await (await gov()).get('/api/audit/verify')).body).toMatchObject({ ok: false, brokenAt: { reason: 'missing_chain', anchorSeq: 1 } });
    await t.store.reports.append(removed);
    expect((await (await gov()).get('/api/audit/verify')).body).toMatchObject({ ok: true });

    await t.raw.deleteReport(2);
    expect((await (await gov()).get('/api/audit/verify')).body).toMatchObject({ ok: false, brokenAt: { reportSeq: 2, reason: 'missing_report' } });
  });

  it('keeps reports to governance: 403 on the list and freezing, 404 for a report, for everyone else', async () => {
    const id = (await t.store.reports.bySeq(1))!.id;
    for (const username of ['anna', 'fraud.reviewer', 'senior.reviewer', 'admin']) {
      const agent = await app.as(username);
      expect((await agent.get('/api/reports')).status, username).toBe(403);
      expect((await agent.post('/api/reports').send(PERIOD)).status, username).toBe(403);
      const one = await agent.get(`/api/reports/${id}`);
      expect(one.status, username).toBe(404);
      expect(JSON.stringify(one.body)).not.toContain('figures');
    }
    expect((await (await gov()).get('/api/reports/rep_000000000000000000000000')).status).toBe(404);
  });
});
