import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '../../server/app';
import { buildTestApp, type TestApp } from '../support/app';
import { describeEachStore, type TestStore } from '../support/stores';

/** A password nothing else in the test contains, so finding it anywhere later is a leak. */
const HANDED_OVER = 'Handed-over-7f3a9c-once';
const CHOSEN = 'My-own-password-2b81e4';

describeEachStore('admin console: people', (kind) => {
  let t: TestStore;
  let app: TestApp;
  const logLines: string[] = [];
  beforeAll(async () => {
    t = await kind.open();
    app = await buildTestApp(t.store, {}, { logger: createLogger('debug', { write: (line: string) => void logLines.push(line) }) });
  });
  afterAll(async () => t.dispose());

  const admin = () => app.as('admin');
  const signIn = async (username: string, password: string) => {
    const agent = request.agent(app.app);
    const res = await agent.post('/api/session').send({ username, password });
    return { agent, res };
  };
  const userList = async () => (await (await admin()).get('/api/admin/users')).body.items as { id: string; username: string }[];

  it('refuses bad input with 400 problem+json and changes nothing', async () => {
    await admin(); // signed in first: the sign-in itself writes lastSignInAt
    const before = await app.store.users.list();
    const logBefore = (await app.store.staffLog.list()).length;
    const bad = [
      { username: 'x', roles: [] },
      { username: 'x', roles: ['member'] },
      { username: 'x', roles: ['superuser'] },
      { username: 'x', roles: ['governance'], scopes: ['fraud_flag'] }, // scopes only for reviewers
      { username: 'x', roles: ['reviewer'], scopes: ['everything'] },
      { username: 'x', roles: ['reviewer'], password: 'short' }, // under 12 characters
      { username: 'has space', roles: ['reviewer'] },
      { username: 'x', roles: ['reviewer'], extra: true },
      [],
      null,
    ];
    for (const body of bad) {
      const res = await (await admin()).post('/api/admin/users').send(body as object);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const someone = before.find((u) => u.username === 'fraud.reviewer')!;
    for (const body of [{}, { roles: [] }, { disabled: 'yes' }, { scopes: ['fraud_flag'], roles: ['governance'] }]) {
      const res = await (await admin()).patch(`/api/admin/users/${someone.id}`).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    // Scopes given to someone who is not a reviewer (the roles stay governance).
    const gov = before.find((u) => u.username === 'governance')!;
    expect((await (await admin()).patch(`/api/admin/users/${gov.id}`).send({ scopes: ['fraud_flag'] })).status).toBe(400);
    expect((await (await admin()).post(`/api/admin/users/${someone.id}/password-reset`).send({ password: 'short' })).status).toBe(400);
    expect(await app.store.users.list()).toEqual(before);
    expect((await app.store.staffLog.list()).length).toBe(logBefore);
  });

  it('makes a reviewer with a one-time password who must choose their own before anything else', async () => {
    const made = await (
      await admin()
    )
      .post('/api/admin/users')
      .send({ username: 'Nina.Reviewer', displayName: 'Nina de Vries', roles: ['reviewer'], scopes: ['fraud_flag'], password: HANDED_OVER });
    expect(made.status).toBe(201);
    expect(made.body.generatedPassword).toBeUndefined();
    expect(made.body.user).toMatchObject({
      username: 'nina.reviewer',
      displayName: 'Nina de Vries',
      roles: ['reviewer'],
      scopes: ['fraud_flag'],
      source: { kind: 'local' },
      disabled: false,
      mustChangePassword: true,
      lastSignInAt: null,
    });
    // The name is taken now.
    expect((await (await admin()).post('/api/admin/users').send({ username: 'nina.reviewer', roles: ['reviewer'] })).body.code).toBe('conflict');

    const { agent, res } = await signIn('nina.reviewer', HANDED_OVER);
    expect(res.status).toBe(200);
    expect(res.body.user.mustChangePassword).toBe(true);
    // Only the session itself and the password change are open.
    expect((await agent.get('/api/session')).status).toBe(200);
    const refused = await agent.get('/api/cases');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('password_change_required');

    expect((await agent.post('/api/session/password').send({ currentPassword: 'not-the-password', newPassword: CHOSEN })).status).toBe(401);
    expect((await agent.post('/api/session/password').send({ currentPassword: HANDED_OVER, newPassword: 'short' })).status).toBe(400);
    expect((await agent.post('/api/session/password').send({ currentPassword: HANDED_OVER, newPassword: HANDED_OVER })).status).toBe(400);
    const changed = await agent.post('/api/session/password').send({ currentPassword: HANDED_OVER, newPassword: CHOSEN });
    expect(changed.status).toBe(200);
    expect(changed.body.user.mustChangePassword).toBeUndefined();
    expect((await agent.get('/api/cases')).status).toBe(200);

    // The one-time password is spent; the chosen one works, and the sign-in is recorded.
    expect((await signIn('nina.reviewer', HANDED_OVER)).res.status).toBe(401);
    expect((await signIn('nina.reviewer', CHOSEN)).res.status).toBe(200);
    const listed = (await userList()).find((u) => u.username === 'nina.reviewer') as unknown as { lastSignInAt: string; mustChangePassword: boolean };
    expect(listed).toMatchObject({ lastSignInAt: app.clock.now().toISOString(), mustChangePassword: false });
  });

  it('generates a password when none is given, shows it once, and a reset forces a new one again', async () => {
    const made = await (await admin()).post('/api/admin/users').send({ username: 'olaf.approver', roles: ['approver'], scopes: ['renewal_price'] });
    expect(made.status).toBe(201);
    const generated: string = made.body.generatedPassword;
    expect(generated).toHaveLength(24);
    const { agent } = await signIn('olaf.approver', generated);
    await agent.post('/api/session/password').send({ currentPassword: generated, newPassword: CHOSEN }).expect(200);
    expect((await agent.get('/api/cases')).status).toBe(200);

    const reset = await (await admin()).post(`/api/admin/users/${made.body.user.id}/password-reset`);
    expect(reset.status).toBe(200);
    const temporary: string = reset.body.generatedPassword;
    expect(reset.body.user.mustChangePassword).toBe(true);
    // The reset ends the person's sessions; the old password no longer signs in.
    expect((await agent.get('/api/session')).status).toBe(401);
    expect((await signIn('olaf.approver', CHOSEN)).res.status).toBe(401);
    const again = await signIn('olaf.approver', temporary);
    expect(again.res.body.user.mustChangePassword).toBe(true);
    expect((await again.agent.get('/api/decisions')).body.code).toBe('password_change_required');

    // Neither password is in any later answer, the staff log or the server's log.
    const later = JSON.stringify([(await (await admin()).get('/api/admin/users')).body, (await (await app.as('governance')).get('/api/audit/staff-log')).body]);
    for (const secret of [generated, temporary, HANDED_OVER, CHOSEN]) {
      expect(later).not.toContain(secret);
      expect(JSON.stringify(await app.store.staffLog.list())).not.toContain(secret);
      expect(logLines.join('\n')).not.toContain(secret);
    }
  });

  it('disabling ends every session at once and refuses sign-in; enabling lets the person back in', async () => {
    const made = await (
      await admin()
    )
      .post('/api/admin/users')
      .send({ username: 'pia.reviewer', roles: ['reviewer'], scopes: ['risk_score'], password: HANDED_OVER });
    const { agent } = await signIn('pia.reviewer', HANDED_OVER);
    await agent.post('/api/session/password').send({ currentPassword: HANDED_OVER, newPassword: CHOSEN }).expect(200);
    expect((await agent.get('/api/cases')).status).toBe(200);

    const disabled = await (await admin()).patch(`/api/admin/users/${made.body.user.id}`).send({ disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);
    expect((await agent.get('/api/cases')).status).toBe(401);
    const refused = await signIn('pia.reviewer', CHOSEN);
    expect(refused.res.status).toBe(401);
    expect(refused.res.body.code).toBe('account_disabled');
    // A wrong password says nothing about the account.
    expect((await signIn('pia.reviewer', 'wrong-password-here')).res.body.code).toBe('invalid_credentials');

    await (await admin()).patch(`/api/admin/users/${made.body.user.id}`).send({ disabled: false }).expect(200);
    expect((await signIn('pia.reviewer', CHOSEN)).res.status).toBe(200);
  });

  it('changes roles and scopes at once; a role without review drops the scopes', async () => {
    const made = await (await admin()).post('/api/admin/users').send({ username: 'quinn', roles: ['reviewer'], scopes: ['fraud_flag'], password: HANDED_OVER });
    const id = made.body.user.id as string;
    const approver = await (await admin()).patch(`/api/admin/users/${id}`).send({ roles: ['approver'], scopes: ['fraud_flag', 'risk_score'] });
    expect(approver.body).toMatchObject({ roles: ['approver'], scopes: ['fraud_flag', 'risk_score'] });
    const governance = await (await admin()).patch(`/api/admin/users/${id}`).send({ roles: ['governance'] });
    expect(governance.body).toMatchObject({ roles: ['governance'], scopes: [] });
    // A member's account is not made staff.
    const anna = (await app.store.users.byUsername('anna'))!;
    expect((await (await admin()).patch(`/api/admin/users/${anna.id}`).send({ roles: ['admin'] })).body.code).toBe('invalid_state');
    expect((await (await admin()).patch('/api/admin/users/u_nobody').send({ disabled: true })).status).toBe(404);
  });

  it('keeps the admin acting: nobody disables, demotes or resets themselves (409 own_account), so the last admin stays', async () => {
    const adminUser = (await app.store.users.byUsername('admin'))!;
    const before = await app.store.users.byId(adminUser.id);
    for (const body of [{ disabled: true }, { roles: ['governance'] }]) {
      const res = await (await admin()).patch(`/api/admin/users/${adminUser.id}`).send(body);
      expect(res.status, JSON.stringify(body)).toBe(409);
      expect(res.body.code).toBe('own_account');
    }
    const reset = await (await admin()).post(`/api/admin/users/${adminUser.id}/password-reset`).send({});
    expect([reset.status, reset.body.code]).toEqual([409, 'own_account']);
    expect(await app.store.users.byId(adminUser.id)).toEqual(before);

    // Another admin may: the second disables the first and stays the one enabled admin.
    const second = await (await admin()).post('/api/admin/users').send({ username: 'second.admin', roles: ['admin'], password: HANDED_OVER });
    expect((await (await admin()).patch(`/api/admin/users/${adminUser.id}`).send({ roles: ['admin', 'governance'] })).status).toBe(200);
    const { agent: secondSession } = await signIn('second.admin', HANDED_OVER);
    const changed = await secondSession.post('/api/session/password').send({ currentPassword: HANDED_OVER, newPassword: 'second-admin-own-password' });
    expect(changed.status).toBe(200);
    expect((await secondSession.patch(`/api/admin/users/${second.body.user.id}`).send({ disabled: true })).body.code).toBe('own_account');
    await secondSession.patch(`/api/admin/users/${adminUser.id}`).send({ disabled: false }).expect(200);
  });

  it("lists a provisioned person with their issuer; their roles and password stay the provider's, disabling works", async () => {
    // Written as OpenID Connect sign-in provisions a person: a source naming issuer and subject.
    const provisioned = {
      id: 'u_oidc_1',
      username: 'rita@insurer.example',
      roles: ['reviewer' as const],
      scopes: ['fraud_flag' as const],
      passwordHash: '',
      createdAt: app.clock.now().toISOString(),
      source: { issuer: 'https://login.insurer.example', subject: 'rita-42' },
    };
    await app.store.users.insert(provisioned);
    const listed = (await (await admin()).get('/api/admin/users')).body.items.find((u: { id: string }) => u.id === 'u_oidc_1');
    expect(listed.source).toEqual({ kind: 'oidc', issuer: 'https://login.insurer.example', subject: 'rita-42' });
    expect((await (await admin()).post('/api/admin/users/u_oidc_1/password-reset')).body.code).toBe('invalid_state');
    expect((await (await admin()).patch('/api/admin/users/u_oidc_1').send({ roles: ['approver'] })).body.code).toBe('invalid_state');
    const disabled = await (await admin()).patch('/api/admin/users/u_oidc_1').send({ disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ disabled: true, roles: ['reviewer'], source: { kind: 'oidc' } });
  });

  it('puts every change on the staff log, which governance reads in order', async () => {
    const res = await (await app.as('governance')).get('/api/audit/staff-log?limit=500');
    expect(res.status).toBe(200);
    const actions = (res.body.items as { action: string }[]).map((e) => e.action);
    expect(actions).toContain('user_created');
    expect(actions).toContain('user_updated');
    expect(actions).toContain('user_password_reset');
    const created = (res.body.items as { action: string; data: { userId?: string } }[]).filter((e) => e.action === 'user_created');
    const ids = new Set((await app.store.users.list()).map((u) => u.id));
    for (const entry of created) expect(ids.has(entry.data.userId!)).toBe(true);
    // Newest first.
    const seqs = (res.body.items as { seq: number }[]).map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
  });
});
