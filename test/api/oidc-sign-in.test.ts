import request from 'supertest';
import { createLogger } from '../../server/app';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { caseSteps } from '../support/case-steps';
import { fraudDecision } from '../support/fixtures';
import { CookieJar, hop, signInAtProvider } from '../support/oidc-browser';
import { startOidcTestbed, type OidcTestbed } from '../support/oidc-testbed';
import { openTestSqlite, type TestStore } from '../support/stores';

/**
 * Staff and members sign in through a real OpenID Connect provider (oidc-provider on a loopback
 * port), driven over plain HTTP as a browser would. Every refusal must leave no session and no
 * user behind, and send the browser back to the sign-in page with a code it words.
 */
describe('sign-in through an OpenID Connect provider', () => {
  let t: TestStore;
  let bed: OidcTestbed;
  let jar: CookieJar;
  const host = () => new URL(bed.base).hostname;
  const staffStart = () => `${bed.base}/api/session/oidc`;
  const usersNow = async () => (await t.store.users.list()).length;

  beforeAll(async () => {
    t = await openTestSqlite();
    bed = await startOidcTestbed(t.store);
    bed.provider.accounts.set('ann.fraud', { groups: ['recourse-fraud', 'staff-everyone'], email: 'ann@insurer.example' });
    bed.provider.accounts.set('olga.approver', { groups: ['recourse-approvers'] });
    bed.provider.accounts.set('kim.nogroups', { groups: ['staff-everyone'] });
    bed.provider.accounts.set('mo.member', { member_id: 'm-4242' });
    bed.provider.accounts.set('nina.noid', {});
  });
  afterAll(async () => {
    await bed.close();
    await t.dispose();
  });
  beforeEach(() => {
    jar = new CookieJar();
    bed.provider.tamperIdTokens = false;
  });

  /** The callback, and what it left: where it sent the browser, and the session cookie if any. */
  async function deliver(callback: URL) {
    const res = await hop(jar, callback);
    expect(res.status).toBe(302);
    return { location: res.location!, session: jar.get(host(), 'recourse_session'), setCookie: res.setCookie };
  }

  async function expectRefused(callback: URL, code: string, usersBefore: number) {
    const { location, session } = await deliver(callback);
    expect(location).toBe(`${bed.base}/sign-in?error=${code}`);
    expect(session).toBeUndefined();
    expect(await usersNow()).toBe(usersBefore);
  }

  it('provisions a fraud reviewer from her groups, with a fresh session and her source recorded', async () => {
    const before = await usersNow();
    const { location, session, setCookie } = await deliver(await signInAtProvider(jar, staffStart(), 'ann.fraud'));
    expect(location).toBe(`${bed.base}/`);
    expect(session).toBeDefined();
    const cookie = setCookie.find((c) => c.startsWith('recourse_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    // The flow cookie is spent.
    expect(jar.get(host(), 'recourse_oidc_flow')).toBeUndefined();

    const me = await request(bed.app.app).get('/api/session').set('Cookie', `recourse_session=${session}`);
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({
      username: 'ann.fraud',
      roles: ['reviewer'],
      scopes: ['fraud_flag'],
      source: { issuer: bed.provider.issuer, subject: 'ann.fraud' },
    });
    expect(await usersNow()).toBe(before + 1);
    const stored = await t.store.users.bySource(bed.provider.issuer, 'ann.fraud');
    expect(stored?.passwordHash).toBe('');
  });

  it('gives a fresh session id at every sign-in, replacing the one the browser had', async () => {
    await deliver(await signInAtProvider(jar, staffStart(), 'ann.fraud'));
    const first = jar.get(host(), 'recourse_session')!;
    // The provider remembers her (its own session): no login form this time, straight back.
    await deliver(await signInAtProvider(jar, staffStart(), 'ann.fraud'));
    const second = jar.get(host(), 'recourse_session')!;
    expect(second).not.toBe(first);
    expect((await request(bed.app.app).get('/api/session').set('Cookie', `recourse_session=${first}`)).status).toBe(401);
  });

  it('brings the person back where they were going, and only to a path of this site', async () => {
    const back = await deliver(await signInAtProvider(jar, `${staffStart()}?returnTo=${encodeURIComponent('/review/cases/case_1?tab=timeline')}`, 'ann.fraud'));
    expect(back.location).toBe(`${bed.base}/review/cases/case_1?tab=timeline`);
    for (const elsewhere of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      jar = new CookieJar();
      const res = await deliver(await signInAtProvider(jar, `${staffStart()}?returnTo=${encodeURIComponent(elsewhere)}`, 'ann.fraud'));
      expect(res.location).toBe(`${bed.base}/`);
    }
  });

  it('reads the groups again at every sign-in: a group removed at the provider takes its role away', async () => {
    bed.provider.accounts.set('pia.pricing', { groups: ['recourse-pricing', 'recourse-approvers'] });
    await deliver(await signInAtProvider(jar, staffStart(), 'pia.pricing'));
    expect((await t.store.users.bySource(bed.provider.issuer, 'pia.pricing'))?.roles).toEqual(['approver', 'reviewer']);

    bed.provider.accounts.set('pia.pricing', { groups: ['recourse-pricing'] });
    const before = await usersNow();
    jar = new CookieJar();
    const { session } = await deliver(await signInAtProvider(jar, staffStart(), 'pia.pricing'));
    const me = await request(bed.app.app).get('/api/session').set('Cookie', `recourse_session=${session}`);
    expect(me.body.user).toMatchObject({ roles: ['reviewer'], scopes: ['renewal_price', 'risk_score'] });
    expect(await usersNow()).toBe(before);

    // Governance sees on the staff log who gained and lost what, named by issuer and subject.
    const changes = (await t.store.staffLog.list()).filter((e) => e.actor.subject === 'pia.pricing');
    expect(changes.map((e) => [e.action, e.data.roles])).toEqual([
      ['user_provisioned', ['approver', 'reviewer']],
      ['user_grants_changed', ['reviewer']],
    ]);
    expect(changes[0]!.actor).toMatchObject({ role: 'approver', issuer: bed.provider.issuer, subject: 'pia.pricing' });

    // Every Recourse group gone: refused, and the session still open elsewhere ends now.
    bed.provider.accounts.set('pia.pricing', { groups: ['staff-everyone'] });
    jar = new CookieJar();
    await expectRefused(await signInAtProvider(jar, staffStart(), 'pia.pricing'), 'oidc_no_role', before);
    expect((await request(bed.app.app).get('/api/session').set('Cookie', `recourse_session=${session}`)).status).toBe(401);
    expect((await t.store.users.bySource(bed.provider.issuer, 'pia.pricing'))?.roles).toEqual([]);
  });

  it('refuses a person whose groups map to no role, and creates nothing', async () => {
    await expectRefused(await signInAtProvider(jar, staffStart(), 'kim.nogroups'), 'oidc_no_role', await usersNow());
    expect(await t.store.users.bySource(bed.provider.issuer, 'kim.nogroups')).toBeNull();
  });

  it('refuses a wrong state', async () => {
    bed.provider.accounts.set('sam.state', { groups: ['recourse-fraud'] });
    const callback = await signInAtProvider(jar, staffStart(), 'sam.state');
    callback.searchParams.set('state', 'not-the-state-this-browser-sent');
    await expectRefused(callback, 'oidc_state_mismatch', await usersNow());
    expect(await t.store.users.bySource(bed.provider.issuer, 'sam.state')).toBeNull();
  });

  it('refuses a callback without the flow cookie (started in another browser)', async () => {
    bed.provider.accounts.set('fay.flow', { groups: ['recourse-fraud'] });
    const callback = await signInAtProvider(jar, staffStart(), 'fay.flow');
    jar = new CookieJar();
    await expectRefused(callback, 'oidc_flow_expired', await usersNow());
  });

  it('refuses a replayed code', async () => {
    bed.provider.accounts.set('rex.replay', { groups: ['recourse-fraud'] });
    const callback = await signInAtProvider(jar, staffStart(), 'rex.replay');
    const flow = jar.get(host(), 'recourse_oidc_flow')!;
    expect((await deliver(callback)).location).toBe(`${bed.base}/`);
    // The same code with the same flow cookie, as an attacker who saw both would send it.
    const replay = new CookieJar();
    replay.store(new URL(bed.base), [`recourse_oidc_flow=${flow}; Path=/api/session`]);
    jar = replay;
    await expectRefused(callback, 'oidc_code_rejected', await usersNow());
  });

  it('refuses an expired code', async () => {
    bed.provider.accounts.set('eve.expired', { groups: ['recourse-fraud'] });
    const callback = await signInAtProvider(jar, staffStart(), 'eve.expired');
    bed.provider.expireCodes();
    await expectRefused(callback, 'oidc_code_rejected', await usersNow());
    expect(await t.store.users.bySource(bed.provider.issuer, 'eve.expired')).toBeNull();
  });

  it('refuses a tampered ID token', async () => {
    bed.provider.accounts.set('tom.tamper', { groups: ['recourse-fraud'] });
    const callback = await signInAtProvider(jar, staffStart(), 'tom.tamper');
    bed.provider.tamperIdTokens = true;
    await expectRefused(callback, 'oidc_token_invalid', await usersNow());
    expect(await t.store.users.bySource(bed.provider.issuer, 'tom.tamper')).toBeNull();
    expect(await t.store.users.bySource(bed.provider.issuer, 'tom.tampex')).toBeNull();
  });

  it('refuses an ID token with another nonce than the flow sent', async () => {
    bed.provider.accounts.set('nat.nonce', { groups: ['recourse-fraud'] });
    const callback = await signInAtProvider(jar, staffStart(), 'nat.nonce', (url) => {
      url.searchParams.set('nonce', 'a-nonce-this-flow-never-made');
      return url;
    });
    await expectRefused(callback, 'oidc_token_invalid', await usersNow());
    expect(await t.store.users.bySource(bed.provider.issuer, 'nat.nonce')).toBeNull();
  });

  it('refuses a person who cancels at the provider', async () => {
    const start = await hop(jar, staffStart());
    const state = new URL(start.location!).searchParams.get('state')!;
    const callback = new URL(`${bed.base}/api/session/oidc/callback`);
    callback.search = new URLSearchParams({ error: 'access_denied', state }).toString();
    await expectRefused(callback, 'oidc_denied', await usersNow());
  });

  it('refuses a provisioned person an admin disabled, whatever the provider says, and records no sign-in', async () => {
    await deliver(await signInAtProvider(jar, staffStart(), 'olga.approver'));
    const olga = (await t.store.users.bySource(bed.provider.issuer, 'olga.approver'))!;
    await t.store.users.update({ ...olga, disabled: true });
    jar = new CookieJar();
    await expectRefused(await signInAtProvider(jar, staffStart(), 'olga.approver'), 'oidc_account_disabled', await usersNow());
    expect((await t.store.users.byId(olga.id))?.lastSignInAt).toBe(olga.lastSignInAt);
    await t.store.users.update({ ...olga, disabled: false });
  });

  it('keeps provisioned users out of password sign-in', async () => {
    await deliver(await signInAtProvider(jar, staffStart(), 'olga.approver'));
    const res = await request(bed.app.app).post('/api/session').send({ username: 'olga.approver', password: 'anything' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('invalid_credentials');
  });

  it('tells the sign-in page which providers there are', async () => {
    const res = await request(bed.app.app).get('/api/session/providers');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      staff: { displayName: 'Insurer ID', startUrl: '/api/session/oidc' },
      member: { displayName: 'My Insurer account', startUrl: '/api/session/member-oidc' },
      staffLocalLogin: true,
    });
  });

  it('signs out of Recourse and sends the browser to the provider to end its session', async () => {
    const { session } = await deliver(await signInAtProvider(jar, staffStart(), 'ann.fraud'));
    const out = await hop(jar, `${bed.base}/api/session/oidc/logout`);
    expect(out.status).toBe(302);
    const logout = new URL(out.location!);
    expect(logout.origin).toBe(bed.provider.issuer);
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe(`${bed.base}/sign-in`);
    expect((await request(bed.app.app).get('/api/session').set('Cookie', `recourse_session=${session}`)).status).toBe(401);
  });

  it('records the issuer and subject of a provisioned reviewer on the chain, for governance to read, and the chain still verifies', async () => {
    const steps = caseSteps(bed.app);
    const [decisionId] = await steps.batch([fraudDecision()]);
    const filed = await steps.object('anna', decisionId!);
    const { session } = await deliver(await signInAtProvider(jar, staffStart(), 'ann.fraud'));
    const claim = await request(bed.app.app)
      .post(`/api/cases/${filed.id}/claim`)
      .set('Cookie', `recourse_session=${session}`)
      .send({ expectedVersion: filed.version });
    expect(claim.status).toBe(200);

    const governance = await bed.app.as('governance');
    const events = (await governance.get(`/api/audit/events?decisionId=${decisionId}`)).body.items as { action: string; actor: Record<string, string> }[];
    const user = await t.store.users.bySource(bed.provider.issuer, 'ann.fraud');
    expect(events.find((e) => e.action === 'assigned')?.actor).toEqual({ id: user!.id, role: 'reviewer', issuer: bed.provider.issuer, subject: 'ann.fraud' });
    // A member's (or a local user's) event carries no issuer: the shape of events before issue 16.
    expect(Object.keys(events.find((e) => e.action === 'objection_filed')!.actor).sort()).toEqual(['id', 'role']);
    const csv = await governance.get('/api/audit/export?kind=events&format=csv&from=2026-11-01&to=2026-12-31');
    expect(csv.text).toContain(`,reviewer,${bed.provider.issuer},ann.fraud,`);
    expect((await governance.get('/api/audit/verify')).body).toMatchObject({ ok: true });
  });

  describe('members through their own provider', () => {
    const memberStart = () => `${bed.base}/api/session/member-oidc`;

    it('provisions a member from the member id claim', async () => {
      const { location, session } = await deliver(await signInAtProvider(jar, memberStart(), 'mo.member'));
      expect(location).toBe(`${bed.base}/`);
      const me = await request(bed.app.app).get('/api/session').set('Cookie', `recourse_session=${session}`);
      expect(me.body.user).toMatchObject({ roles: ['member'], memberId: 'M-4242', scopes: [] });
    });

    it('refuses a member whose token names no member id, and creates nothing', async () => {
      await expectRefused(await signInAtProvider(jar, memberStart(), 'nina.noid'), 'oidc_member_id_missing', await usersNow());
    });
  });
});

describe('the log of a refused OpenID Connect sign-in', () => {
  it('names the refusal and its reason, never the person, the code, the state or a token', async () => {
    const lines: string[] = [];
    const t = await openTestSqlite();
    const bed = await startOidcTestbed(t.store, { logLevel: 'info' }, { logger: createLogger('info', { write: (line: string) => void lines.push(line) }) });
    bed.provider.accounts.set('kim.nogroups', { groups: ['staff-everyone'], email: 'kim@insurer.example' });
    bed.provider.accounts.set('tom.tamper', { groups: ['recourse-fraud'] });
    const jar = new CookieJar();
    const refused = await signInAtProvider(jar, `${bed.base}/api/session/oidc`, 'kim.nogroups');
    await hop(jar, refused);
    const tampered = await signInAtProvider(jar, `${bed.base}/api/session/oidc`, 'tom.tamper');
    bed.provider.tamperIdTokens = true;
    await hop(jar, tampered);
    // An error parameter someone typed (here an address) with a live flow's state: only known OAuth codes are logged.
    const start = await hop(jar, `${bed.base}/api/session/oidc`);
    const forged = new URL(`${bed.base}/api/session/oidc/callback`);
    forged.search = new URLSearchParams({ error: 'kim@insurer.example', state: new URL(start.location!).searchParams.get('state')! }).toString();
    expect((await hop(jar, forged)).location).toBe(`${bed.base}/sign-in?error=oidc_denied`);

    const log = lines.join('');
    expect(log).toContain('"refused":"oidc_no_role"');
    expect(log).toContain('"refused":"oidc_token_invalid"');
    expect(log).toContain('provider answered an unlisted error');
    for (const secret of [
      'kim.nogroups',
      'kim@insurer.example',
      'tom.tamper',
      refused.searchParams.get('code')!,
      refused.searchParams.get('state')!,
      tampered.searchParams.get('code')!,
    ]) {
      expect(log).not.toContain(secret);
    }
    await bed.close();
    await t.dispose();
  });
});

describe('OpenID Connect sign-in when the provider is away', () => {
  it('sends the browser back to sign-in with oidc_unavailable, and local sign-in still works', async () => {
    const t = await openTestSqlite();
    const bed = await startOidcTestbed(t.store);
    await bed.provider.close();
    const res = await hop(new CookieJar(), `${bed.base}/api/session/oidc`);
    expect(res.status).toBe(302);
    expect(res.location).toBe(`${bed.base}/sign-in?error=oidc_unavailable`);
    expect((await request(bed.app.app).post('/api/session').send({ username: 'fraud.reviewer', password: 'demo' })).status).toBe(200);
    await bed.close().catch(() => undefined);
    await t.dispose();
  });
});
