import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_INGEST_KEY } from '../../server/config';
import { buildTestApp, type TestApp } from '../support/app';
import { renewalDecision } from '../support/fixtures';
import { describeEachStore, type TestStore } from '../support/stores';

describeEachStore('member contact data', (kind) => {
  let t: TestStore;
  let app: TestApp;
  const crm = (memberId: string, body: unknown) =>
    request(app.app)
      .put(`/api/members/${memberId}/contact`)
      .set('Authorization', `Bearer ${DEMO_INGEST_KEY}`)
      .send(body as object);

  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store);
    expect(
      (
        await app
          .ingest()
          .post('/api/decisions')
          .send(renewalDecision({ subject: { memberId: 'M-1001', policyId: 'P-1' } }))
      ).status,
    ).toBe(201);
  });
  afterAll(async () => t.dispose());

  it('takes the CRM push of an address and a language, and keeps it normalised', async () => {
    const res = await crm('m-1001', { email: '  Anna.Peeters@Example.ORG ', language: 'nl' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ memberId: 'M-1001', email: 'anna.peeters@example.org', language: 'nl', emailOptOut: false, channel: 'email' });
    expect(await app.store.contacts.get('M-1001')).toMatchObject({ email: 'anna.peeters@example.org', language: 'nl' });
  });

  it.each([
    ['no address', { language: 'nl' }],
    ['not an address', { email: 'anna at example', language: 'nl' }],
    ['an unknown language', { email: 'anna@example.org', language: 'de' }],
    ['a field it does not know', { email: 'anna@example.org', language: 'nl', phone: '+32 2 000 00 00' }],
    ['an address too long', { email: `${'a'.repeat(250)}@example.org`, language: 'nl' }],
    ['not an object', ['anna@example.org']],
  ])('refuses a body with %s as 400 problem+json and changes nothing', async (_what, body) => {
    const before = await app.store.contacts.get('M-1001');
    const res = await crm('M-1001', body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('validation_failed');
    expect(await app.store.contacts.get('M-1001')).toEqual(before);
  });

  it('refuses a push without the ingest key, and a member session is no key', async () => {
    expect((await request(app.app).put('/api/members/M-1001/contact').send({ email: 'x@example.org', language: 'fr' })).status).toBe(401);
    const anna = await app.as('anna');
    expect((await anna.put('/api/members/M-1001/contact').send({ email: 'x@example.org', language: 'fr' })).status).toBe(401);
    expect((await app.store.contacts.get('M-1001'))?.email).toBe('anna.peeters@example.org');
  });

  it('shows the member their contact data, and lets them change language and opt out of e-mail, which a CRM push keeps', async () => {
    const anna = await app.as('anna');
    expect((await anna.get('/api/me/contact')).body).toMatchObject({ email: 'anna.peeters@example.org', language: 'nl', channel: 'email' });
    const changed = await anna.patch('/api/me/contact').send({ language: 'fr', emailOptOut: true });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ language: 'fr', emailOptOut: true, channel: 'post', languageChosen: true });
    expect((await anna.patch('/api/me/contact').send({ email: 'other@example.org' })).status).toBe(400);
    // The CRM owns the address and the language; the member's choice of post stays.
    expect((await crm('M-1001', { email: 'anna@example.org', language: 'nl' })).body).toMatchObject({
      email: 'anna@example.org',
      emailOptOut: true,
      channel: 'post',
    });
    expect((await anna.patch('/api/me/contact').send({ emailOptOut: false })).body).toMatchObject({ channel: 'email' });
  });

  it('tells a member without a record that they are reached by post', async () => {
    const bram = await app.as('bram');
    expect((await bram.get('/api/me/contact')).body).toEqual({
      memberId: 'M-1002',
      email: null,
      language: 'en',
      emailOptOut: false,
      channel: 'post',
      updatedAt: null,
      languageChosen: false,
    });
  });

  it("puts the contact data in the member's export", async () => {
    const anna = await app.as('anna');
    const res = await anna.get('/api/me/export');
    expect(res.status).toBe(200);
    expect(res.body.contact).toMatchObject({ memberId: 'M-1001', email: 'anna@example.org', language: 'nl' });
    expect((await (await app.as('bram')).get('/api/me/export')).body.contact).toBeNull();
  });

  it('shows reviewers on the case whether the member is told by e-mail or must be told by post, and members not at all', async () => {
    const decisionId = (await app.store.decisions.page({ memberId: 'M-1001' }, null, 1))[0]!.id;
    const anna = await app.as('anna');
    const filed = await anna.post(`/api/decisions/${decisionId}/objections`).send({ statement: 'I do not agree with this decision, please review it.' });
    expect(filed.status).toBe(201);
    const caseId: string = filed.body.case.id;
    const reviewer = await app.as('pricing.reviewer');
    expect((await reviewer.get(`/api/cases/${caseId}`)).body.memberContact).toBe('email');
    await anna.patch('/api/me/contact').send({ emailOptOut: true });
    expect((await reviewer.get(`/api/cases/${caseId}`)).body.memberContact).toBe('post');
    await anna.patch('/api/me/contact').send({ emailOptOut: false });
    expect((await anna.get(`/api/cases/${caseId}`)).body).not.toHaveProperty('memberContact');
    await app.store.contacts.delete('M-1001');
    expect((await reviewer.get(`/api/cases/${caseId}`)).body.memberContact).toBe('post');
    await crm('M-1001', { email: 'anna@example.org', language: 'nl' });
  });

  it('removes the contact data on erasure, also of a member the CRM alone knows', async () => {
    const admin = await app.as('admin');
    const erased = await admin.post('/api/admin/erasure').send({ memberId: 'M-1001' });
    expect(erased.status).toBe(200);
    expect(erased.body.contacts).toBe(1);
    expect(await app.store.contacts.get('M-1001')).toBeNull();
    await crm('M-3003', { email: 'c@example.org', language: 'fr' });
    expect((await admin.post('/api/admin/erasure').send({ memberId: 'M-3003' })).body).toEqual({
      decisions: 0,
      cases: 0,
      accounts: 0,
      contacts: 1,
      attachments: 0,
    });
    expect(await app.store.contacts.get('M-3003')).toBeNull();
  });
});
