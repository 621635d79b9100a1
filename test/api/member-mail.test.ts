import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_INGEST_KEY } from '../../server/config';
import { deliverThrough } from '../../server/jobs/outbox';
import { webhookChannel } from '../../server/webhooks/webhook-channel';
import { memberMailChannel } from '../../server/mail/member-mail-channel';
import { createMailChannel } from '../../server/mail/mail-channel';
import { buildTestApp, type TestApp } from '../support/app';
import { caseSteps, longSessions } from '../support/case-steps';
import { fraudDecision, renewalDecision } from '../support/fixtures';
import { startSmtpSink } from '../support/smtp-sink';
import { openTestSqlite, type TestStore } from '../support/stores';
import { startReceiver } from '../support/webhook-receiver';

const logger = pino({ level: 'silent' });
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('the story leaves Recourse: e-mail to members over a real SMTP server and signed webhooks to billing, in one run', () => {
  let t: TestStore;
  let app: TestApp;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let billingSecret = '';
  const ids: Record<string, string> = {};
  const crm = (memberId: string, body: unknown) =>
    request(app.app)
      .put(`/api/members/${memberId}/contact`)
      .set('Authorization', `Bearer ${DEMO_INGEST_KEY}`)
      .send(body as object);
  const channel = () =>
    createMailChannel({ store: app.store, config: { ...app.config, smtpUrl: sink.url, appUrl: 'https://portal.example.org' }, clock: app.clock, logger });

  beforeAll(async () => {
    sink = await startSmtpSink();
    receiver = await startReceiver();
    t = await openTestSqlite();
    app = await buildTestApp(t.store, { ...longSessions, webhookAllowedHosts: ['127.0.0.1'] });
    const steps = caseSteps(app);
    const subscribed = await (
      await app.as('admin')
    )
      .post('/api/admin/webhooks')
      .send({ url: receiver.url, events: ['case.opened', 'case.extended', 'case.resolved', 'decision.outcome_changed'], description: 'billing and claims' });
    expect(subscribed.status).toBe(201);
    billingSecret = subscribed.body.secret as string;
    receiver.trust(billingSecret);
    expect((await crm('M-1001', { email: 'anna@example.org', language: 'nl' })).status).toBe(200);
    expect((await crm('M-1002', { email: 'bram@example.org', language: 'fr' })).status).toBe(200);
    ids.renewal = (await steps.batch([renewalDecision()]))[0]!;
    ids.fraud = (
      await steps.batch([
        fraudDecision({
          subject: { memberId: 'M-1002', claimId: 'C-9' },
          output: { claimId: 'C-9', score: 0.82, threshold: 0.7, flagged: true, action: 'hold_payment' },
        }),
      ])
    )[0]!;

    // Anna (nl): objection → extension → override proposed → approved.
    const opened = await steps.object('anna', ids.renewal!);
    const claimed = await steps.claim('pricing.reviewer', opened);
    const extended = await (
      await app.as('pricing.reviewer')
    )
      .post(`/api/cases/${claimed.id}/extend`)
      .send({ months: 2, reason: 'We wachten op het verslag van uw arts <dr. Peeters> & de kliniek.', expectedVersion: claimed.version });
    expect(extended.status).toBe(200);
    const proposed = await steps.override('pricing.reviewer', extended.body.case, { newPremiumCents: 118_050 });
    await steps.approve('senior.reviewer', proposed);
    // Bram (fr): a fraud flag contested and confirmed.
    const bramCase = await steps.object('bram', ids.fraud!);
    await steps.confirm('fraud.reviewer', await steps.claim('fraud.reviewer', bramCase));

    // One pass of the delivery engine with both channels, as the server runs it. The verifier
    // checks webhook-timestamp against Date.now(): it reads the app's clock meanwhile.
    const mail = channel();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(app.clock.now());
    try {
      await deliverThrough(app.store, app.clock, [
        memberMailChannel(mail),
        webhookChannel({ store: app.store, clock: app.clock, allowedHosts: ['127.0.0.1'] }),
      ]);
    } finally {
      vi.useRealTimers();
      mail.close();
    }
  });
  afterAll(async () => {
    await t.dispose();
    await sink.close();
    await receiver.close();
  });

  const mailsTo = (address: string) => sink.received.filter((m) => m.envelopeTo.includes(address)).map((m) => m.parsed);

  it('tells anna in Dutch of the objection received, the extension and the outcome, each with text, HTML and Content-Language', async () => {
    const mails = mailsTo('anna@example.org');
    expect(mails.map((m) => m.subject)).toEqual([
      'We hebben uw bezwaar ontvangen',
      'We hebben meer tijd nodig voor uw bezwaar',
      'Er is beslist over uw bezwaar',
    ]);
    for (const m of mails) {
      expect(m.headers.get('content-language')).toBe('nl');
      expect(m.text).toBeTruthy();
      expect(m.html).toContain('<html lang="nl">');
      expect(m.messageId).toMatch(/^<dec_.+#\d+@recourse\.localhost>$/);
    }
    const [received, extension, resolved] = mails.map((m) => nbsp(m.text ?? ''));
    // Received 25 November 2026 (the test clock), due a month later on the members' calendar.
    expect(received).toContain('Op 25 november 2026 hebben we uw bezwaar tegen de verlengingsprijs van uw polis ontvangen.');
    expect(received).toContain('uiterlijk op 25 december 2026');
    expect(extension).toContain('uiterlijk op 25 februari 2027');
    expect(extension).toContain('Waarom we meer tijd nodig hebben: We wachten op het verslag van uw arts <dr. Peeters> & de kliniek.');
    // The reviewer's words are escaped in the HTML part, never markup.
    expect(mails[1]!.html).toContain('&lt;dr. Peeters&gt; &amp; de kliniek');
    expect(mails[1]!.html).not.toContain('<dr. Peeters>');
    expect(resolved).toContain('de beslissing gewijzigd');
    expect(resolved).toContain('Uw jaarpremie is nu € 1.180,50.');
    expect(resolved).toContain(`https://portal.example.org/decisions/${ids.renewal}`);
    expect(mails[2]!.html).toContain(`<a href="https://portal.example.org/decisions/${ids.renewal}">`);
  });

  it('tells bram in French of his fraud case without any indicator', async () => {
    const mails = mailsTo('bram@example.org');
    expect(mails.map((m) => m.subject)).toEqual(['Nous avons reçu votre contestation', 'Votre contestation a été tranchée']);
    expect(mails.every((m) => m.headers.get('content-language') === 'fr')).toBe(true);
    expect(nbsp(mails[0]!.text ?? '')).toContain('au plus tard le 25 décembre 2026');
    expect(mails[1]!.text).toContain('Le paiement de votre sinistre reste suspendu');
    for (const m of mails) {
      const everything = `${m.text}\n${m.html}`.replaceAll(ids.fraud!, 'DECISION');
      for (const indicator of [
        '0.82',
        '0,82',
        '82',
        '0.7',
        '0,7',
        '70',
        'score',
        'seuil',
        'threshold',
        'watchlist',
        'claim_amount',
        'HIGH_CLAIM_AMOUNT',
        'Checked:',
      ]) {
        expect(everything, indicator).not.toContain(indicator);
      }
    }
  });

  it('tells billing and claims the same story, signed and in order per decision, in the same run', () => {
    const about = (decisionId: string) => receiver.received.filter((r) => r.body.data.decisionId === decisionId);
    const anna = about(ids.renewal!);
    expect(anna.map((r) => r.body.type)).toEqual(['case.opened', 'case.extended', 'case.resolved', 'decision.outcome_changed']);
    expect(anna[3]!.body.data).toMatchObject({ effective: { newPremiumCents: 118_050 } });
    const bram = about(ids.fraud!);
    // Confirmed: the outcome did not change, so claims hears of the case and nothing else.
    expect(bram.map((r) => r.body.type)).toEqual(['case.opened', 'case.resolved']);
    for (const r of [...anna, ...bram]) expect(r.verifiedWith).toEqual([billingSecret]);
    for (const story of [anna, bram]) {
      const sequences = story.map((r) => r.body.data.sequence as number);
      expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    }
    // Never the fraud indicators, nor the reviewer's extension reason (that is for the member).
    expect(JSON.stringify(bram)).not.toMatch(/0\.82|threshold|score/);
    expect(JSON.stringify(anna)).not.toContain('Peeters');
  });

  it('keeps the Message-ID of a message across retries, so the member sees one mail', async () => {
    const mail = channel();
    const c = (await app.store.cases.listForDecision(ids.renewal!))[0]!;
    const message = { id: 'retry-test#1', kind: 'received' as const, memberId: 'M-1001', caseId: c.id, decisionId: ids.renewal! };
    expect(await mail.send(message)).toMatchObject({ ok: true, status: 250 });
    expect(await mail.send(message)).toMatchObject({ ok: true, status: 250 });
    mail.close();
    const copies = sink.received.filter((m) => m.parsed.messageId === '<retry-test#1@recourse.localhost>');
    expect(copies).toHaveLength(2);
  });

  it('fails permanently, with the reason, for a member without an address or who chose post', async () => {
    const mail = channel();
    const c = (await app.store.cases.listForDecision(ids.fraud!))[0]!;
    const message = { id: 'post-test#1', kind: 'resolved' as const, memberId: 'M-1002', caseId: c.id, decisionId: ids.fraud! };
    await (await app.as('bram')).patch('/api/me/contact').send({ emailOptOut: true });
    expect(await mail.send(message)).toEqual({ ok: false, status: null, error: expect.stringMatching(/^member_chose_post/), permanent: true });
    expect(await mail.send({ ...message, memberId: 'M-4040' })).toEqual({
      ok: false,
      status: null,
      error: expect.stringMatching(/^no_email_on_file/),
      permanent: true,
    });
    mail.close();
    expect(sink.received.filter((m) => m.parsed.messageId?.startsWith('<post-test'))).toHaveLength(0);
    await (await app.as('bram')).patch('/api/me/contact').send({ emailOptOut: false });
  });

  it('writes .eml files under the data directory when there is no SMTP server', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'recourse-mail-'));
    const mail = createMailChannel({ store: app.store, config: { ...app.config, smtpUrl: undefined, dataDir }, clock: app.clock, logger });
    const c = (await app.store.cases.listForDecision(ids.renewal!))[0]!;
    expect(await mail.send({ id: `${ids.renewal}#9`, kind: 'resolved', memberId: 'M-1001', caseId: c.id, decisionId: ids.renewal! })).toMatchObject({
      ok: true,
    });
    mail.close();
    const files = fs.readdirSync(path.join(dataDir, 'mail')).sort();
    expect(files).toEqual([`${ids.renewal}_9.eml`, `${ids.renewal}_9.json`]);
    const parsed = await simpleParser(fs.readFileSync(path.join(dataDir, 'mail', files[0]!)));
    expect(parsed.subject).toBe('Er is beslist over uw bezwaar');
    expect(parsed.headers.get('content-language')).toBe('nl');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('the demonstration mailbox: .eml files an admin lists and reads', () => {
  let t: TestStore;
  let app: TestApp;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'recourse-mailbox-'));
    t = await openTestSqlite();
    app = await buildTestApp(t.store, { ...longSessions, dataDir, smtpUrl: undefined });
  });
  afterAll(async () => {
    await t.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists what the outbox job wrote, newest first, and shows one mail parsed', async () => {
    const steps = caseSteps(app);
    await request(app.app)
      .put('/api/members/M-1002/contact')
      .set('Authorization', `Bearer ${DEMO_INGEST_KEY}`)
      .send({ email: 'bram@example.org', language: 'fr' });
    const decisionId = (await steps.batch([renewalDecision({ subject: { memberId: 'M-1002', policyId: 'P-2' } })]))[0]!;
    await steps.object('bram', decisionId);
    const mail = createMailChannel({ store: app.store, config: app.config, clock: app.clock, logger });
    expect(mail.transport).toBe('files');
    await deliverThrough(app.store, app.clock, [memberMailChannel(mail)]);

    const admin = await app.as('admin');
    const list = await admin.get('/api/admin/mail');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({
      transport: 'files',
      mails: [{ to: 'bram@example.org', subject: 'Nous avons reçu votre contestation', language: 'fr', kind: 'received' }],
    });
    const one = await admin.get(`/api/admin/mail/${list.body.mails[0].id}`);
    expect(one.status).toBe(200);
    expect(one.body.text).toContain('Le 25 novembre 2026, nous avons reçu votre contestation');
    expect(one.body.html).toContain('<html lang="fr">');
    const eml = await simpleParser(fs.readFileSync(path.join(dataDir, 'mail', `${list.body.mails[0].id}.eml`)));
    expect(eml.to && 'text' in eml.to ? eml.to.text : '').toBe('bram@example.org');

    expect((await admin.get('/api/admin/mail/..%2Frecourse.sqlite')).status).toBe(400);
    expect((await admin.get('/api/admin/mail/no-such-mail')).status).toBe(404);
    expect((await (await app.as('governance')).get('/api/admin/mail')).status).toBe(403);
  });
});
