import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createUser } from '../../server/auth/users.service';
import { DEMO_INGEST_KEY } from '../../server/config';
import { DEMO_PASSWORD } from '../../server/demo/seed';
import { dueDate, extendedDueDate } from '../../server/domain/deadlines';
import { deliverThrough } from '../../server/jobs/outbox';
import { createMailChannel } from '../../server/mail/mail-channel';
import { memberMailChannel } from '../../server/mail/member-mail-channel';
import { buildTestApp, TEST_NOW, type TestApp } from '../support/app';
import { DAY, longSessions } from '../support/case-steps';
import { renewalDecision } from '../support/fixtures';
import { startSmtpSink } from '../support/smtp-sink';
import { describeEachStore, type TestStore } from '../support/stores';

const logger = pino({ level: 'silent' });

describeEachStore('erasure on request (GDPR Art. 17 with the deadline of Art. 12(3))', (kind) => {
  let t: TestStore;
  let app: TestApp;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  const crm = (memberId: string, body: unknown) =>
    request(app.app)
      .put(`/api/members/${memberId}/contact`)
      .set('Authorization', `Bearer ${DEMO_INGEST_KEY}`)
      .send(body as object);

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await kind.open();
    app = await buildTestApp(t.store, { ...longSessions });
    await createUser(t.store, app.clock, { username: 'second.admin', password: DEMO_PASSWORD, roles: ['admin'] });
    expect((await crm('M-1001', { email: 'anna@example.org', language: 'nl' })).status).toBe(200);
    expect((await crm('M-1002', { email: 'bram@example.org', language: 'fr' })).status).toBe(200);
  });
  afterAll(async () => {
    await t.dispose();
    await sink.close();
  });

  /** One pass of the delivery engine with the member's mail over the real SMTP sink, as the server runs it. */
  async function deliverMail() {
    const mail = createMailChannel({
      store: app.store,
      config: { ...app.config, smtpUrl: sink.url, appUrl: 'https://portal.example.org' },
      clock: app.clock,
      logger,
    });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(app.clock.now());
    try {
      await deliverThrough(app.store, app.clock, [memberMailChannel(mail)]);
    } finally {
      vi.useRealTimers();
      mail.close();
    }
  }
  const mailsTo = (address: string) => sink.received.filter((m) => m.envelopeTo.includes(address)).map((m) => m.parsed);
  const file = async (username: string, details?: string) => {
    const res = await (await app.as(username)).post('/api/me/requests').send({ kind: 'erasure', ...(details ? { details } : {}) });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number; dueAt: string; originalDueAt: string };
  };
  const admin = () => app.as('admin');

  it('gives a request the deadline of an objection: one calendar month from receipt, shown to the admin', async () => {
    app.clock.set(TEST_NOW);
    const filed = await file('anna', 'Please erase everything you hold about me.');
    expect(filed).toMatchObject({ status: 'received', channel: 'portal', receivedAt: TEST_NOW, version: 1, overdue: false, extension: null, answer: null });
    expect(filed.dueAt).toBe(dueDate(new Date(TEST_NOW)).toISOString());
    const listed = (await (await admin()).get('/api/admin/requests')).body.items.find((r: { id: string }) => r.id === filed.id);
    expect(listed).toMatchObject({ dueAt: filed.dueAt, overdue: false });
    // The refusal that answers it comes in the next test; first the admin refuses bad bodies, changing nothing.
    const a = await admin();
    for (const body of [
      { decision: 'refuse' },
      { decision: 'refuse', ground: 'because', explanation: 'We keep it.' },
      { decision: 'refuse', ground: 'retention_duty', explanation: 'short' },
      { decision: 'delete' },
    ]) {
      const res = await a.post(`/api/admin/requests/${filed.id}/decision`).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.length).toBeGreaterThan(0);
    }
    expect((await a.post(`/api/admin/requests/${filed.id}/extend`).send({ months: 3, reason: 'We need the archives.' })).status).toBe(400);
    expect(await app.store.memberRequests.get(filed.id)).toMatchObject({ status: 'received', version: 1, answer: null, extension: null });
  });

  it('refuses on a legal ground the member reads in the portal and in a mail in their language; one of two admins wins', async () => {
    const [mine] = (await (await app.as('anna')).get('/api/me/requests')).body.items;
    const body = {
      decision: 'refuse',
      ground: 'retention_duty',
      explanation: 'De fiscale wet verplicht ons facturen zeven jaar te bewaren.',
      expectedVersion: 1,
    };
    const [first, second] = await Promise.all([
      (await admin()).post(`/api/admin/requests/${mine.id}/decision`).send(body),
      (await app.as('second.admin')).post(`/api/admin/requests/${mine.id}/decision`).send(body),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    expect([first, second].find((r) => r.status === 409)!.body.code).toBe('version_conflict');
    const read = (await (await app.as('anna')).get('/api/me/requests')).body.items.find((r: { id: string }) => r.id === mine.id);
    expect(read).toMatchObject({ status: 'refused', answer: { outcome: 'refuse', ground: 'retention_duty', explanation: body.explanation }, version: 2 });
    // Closed: a second answer is refused.
    expect((await (await admin()).post(`/api/admin/requests/${mine.id}/decision`).send({ decision: 'erase' })).body.code).toBe('invalid_state');

    await deliverMail();
    const [mail] = mailsTo('anna@example.org');
    expect(mail?.subject).toBe('Wij kunnen uw verzoek niet inwilligen');
    expect(mail?.text).toContain('de wet verplicht ons deze gegevens een bepaalde tijd te bewaren');
    expect(mail?.text).toContain(body.explanation);
    expect(mail?.text).toContain('Gegevensbeschermingsautoriteit');
    // The staff log says what was decided, never whom it concerned or the words.
    const log = (await app.store.staffLog.list()).filter((e) => e.action === 'member_request_updated' && e.data.requestId === mine.id);
    expect(log).toHaveLength(1);
    expect(log[0]!.data).toMatchObject({ answer: 'refuse', ground: 'retention_duty', to: 'refused' });
    expect(JSON.stringify(log)).not.toMatch(/fiscale|M-1001|anna/);
  });

  it('extends once, before the original due date, with a reason the member reads; later it is too late', async () => {
    app.clock.set(TEST_NOW);
    const filed = await file('anna');
    const a = await admin();
    const extended = await a
      .post(`/api/admin/requests/${filed.id}/extend`)
      .send({ months: 2, reason: 'Uw gegevens staan ook in ons archief op papier.', expectedVersion: 1 });
    expect(extended.status).toBe(200);
    expect(extended.body.dueAt).toBe(extendedDueDate(new Date(filed.originalDueAt), 2).toISOString());
    expect(extended.body.extension).toMatchObject({ months: 2, reason: 'Uw gegevens staan ook in ons archief op papier.' });
    const again = await a.post(`/api/admin/requests/${filed.id}/extend`).send({ months: 1, reason: 'Nog meer archief te doorzoeken.' });
    expect(again.status).toBe(409);
    const read = (await (await app.as('anna')).get('/api/me/requests')).body.items.find((r: { id: string }) => r.id === filed.id);
    expect(read.extension.reason).toBe('Uw gegevens staan ook in ons archief op papier.');
    await deliverMail();
    expect(mailsTo('anna@example.org').map((m) => m.subject)).toContain('Wij hebben meer tijd nodig voor uw verzoek');

    // A request registered from a letter: its month runs from the day it came in, and once that passed it cannot be extended.
    const letter = await a
      .post('/api/admin/requests')
      .send({ memberId: 'M-1003', kind: 'erasure', channel: 'post', receivedAt: new Date(Date.parse(TEST_NOW) - 40 * DAY).toISOString() });
    expect(letter.status).toBe(201);
    expect(letter.body).toMatchObject({ channel: 'post', overdue: true });
    expect(letter.body.dueAt).toBe(dueDate(new Date(Date.parse(TEST_NOW) - 40 * DAY)).toISOString());
    const late = await a.post(`/api/admin/requests/${letter.body.id}/extend`).send({ months: 1, reason: 'We need the archives from the branch office.' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('deadline_passed');
    const future = await a.post('/api/admin/requests').send({ memberId: 'M-1004', kind: 'erasure', channel: 'phone', receivedAt: '2027-01-01T00:00:00.000Z' });
    expect(future.status).toBe(400);
    // Overdue once its date has passed, until answered.
    app.clock.advance(100 * DAY);
    const listed = (await a.get('/api/admin/requests')).body.items.find((r: { id: string }) => r.id === filed.id);
    expect(listed.overdue).toBe(true);
    app.clock.set(TEST_NOW);
  });

  it('answers erase with 409 while a legal hold is on the member, changing nothing', async () => {
    const open = (await (await app.as('anna')).get('/api/me/requests')).body.items.find((r: { status: string }) => r.status === 'received');
    const a = await admin();
    expect((await a.put('/api/admin/legal-holds/M-1001').send({ reason: 'Court case 2026/123 about a disputed claim.' })).status).toBe(200);
    const res = await a.post(`/api/admin/requests/${open.id}/decision`).send({ decision: 'erase', expectedVersion: open.version });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('legal_hold');
    expect(await app.store.memberRequests.get(open.id)).toMatchObject({ status: 'received', version: open.version, answer: null });
    expect(await app.store.contacts.get('M-1001')).not.toBeNull();
    expect((await app.store.outbox.pending(1000)).some((e) => e.requestId === open.id)).toBe(false);
  });

  it('erases on request and mails the member before the contact is forgotten; the mail keeps no address once sent', async () => {
    expect(
      (
        await app
          .ingest()
          .post('/api/decisions')
          .send(renewalDecision({ subject: { memberId: 'M-1002', policyId: 'P-7' } }))
      ).status,
    ).toBe(201);
    const filed = await file('bram');
    const res = await (await admin()).post(`/api/admin/requests/${filed.id}/decision`).send({ decision: 'erase', expectedVersion: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'done', answer: { outcome: 'erase', ground: null }, memberId: 'ERASED' });
    // The erasure ran: contact and account gone.
    expect(await app.store.contacts.get('M-1002')).toBeNull();
    expect(await app.store.users.byUsername('bram')).toBeNull();

    await deliverMail();
    const [mail] = mailsTo('bram@example.org');
    expect(mail?.subject).toBe('Vos données personnelles ont été effacées');
    // Sent: nothing in the store remembers where it went.
    const delivery = await app.store.deliveries.get(`request#${filed.id}#erasure_done|member.erasure_done|mail:member`);
    expect(delivery).toMatchObject({ status: 'delivered', data: { recipient: null } });
    const everything = JSON.stringify([await app.store.outbox.pending(1000), await app.store.deliveries.due('9999-01-01T00:00:00.000Z', 1000), delivery]);
    expect(everything).not.toContain('bram@example.org');
    // The staff log has the erasure and the answer, neither naming bram.
    const log = await app.store.staffLog.list();
    expect(log.find((e) => e.data.requestId === filed.id)!.data).toMatchObject({ answer: 'erase', to: 'done', mailed: true });
    expect(JSON.stringify(log)).not.toMatch(/bram|M-1002/);
  });
});
