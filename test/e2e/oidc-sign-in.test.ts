/**
 * Staff sign in through the insurer's own OpenID Connect provider, in a real browser: a fraud
 * reviewer clicks "Sign in with Insurer ID", signs in on the provider's login page (oidc-provider
 * on localhost, another site than the app on 127.0.0.1), claims a fraud case and proposes to
 * release the claim; an approver signs in the same way and approves (four eyes). Both were
 * provisioned at their first sign-in from their groups. Screenshots: oidc-*.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startTestProvider, type TestProvider } from '../support/oidc-provider';
import { TEST_ROLE_MAP } from '../support/oidc-testbed';
import { expectPath, heading } from './support/actions';
import { checkA11y, describeInBrowser, launchBrowser, openPage, screenshot, type BrowserPage } from './support/browser';
import { freePort, startServer, type E2eServer } from './support/server';

describeInBrowser('staff sign in through the insurer’s OpenID Connect provider', () => {
  let server: E2eServer;
  let provider: TestProvider;
  let browser: Browser;
  const opened: BrowserPage[] = [];
  const story: { caseId?: string } = {};

  beforeAll(async () => {
    const port = await freePort();
    const app = `http://127.0.0.1:${port}`;
    provider = await startTestProvider({ redirectUris: [`${app}/api/session/oidc/callback`], postLogoutRedirectUris: [`${app}/sign-in`] });
    provider.accounts.set('ann.fraud', { groups: ['recourse-fraud'], email: 'ann@insurer.example' });
    provider.accounts.set('olga.approver', { groups: ['recourse-approvers'], email: 'olga@insurer.example' });
    provider.accounts.set('gus.governance', { groups: ['recourse-governance'] });
    [server, browser] = await Promise.all([
      startServer({
        port,
        env: {
          OIDC_ISSUER: provider.issuer,
          OIDC_CLIENT_ID: provider.clientId,
          OIDC_CLIENT_SECRET: provider.clientSecret,
          OIDC_REDIRECT_URI: `${app}/api/session/oidc/callback`,
          OIDC_DISPLAY_NAME: 'Insurer ID',
          OIDC_ROLE_MAP: TEST_ROLE_MAP,
          // As production has it with an issuer: staff passwords off, members keep theirs.
          STAFF_LOCAL_LOGIN: 'false',
        },
      }),
      launchBrowser(),
    ]);
  });

  afterAll(async () => {
    for (const p of opened) p.assertNoErrors();
    await Promise.all(opened.map((p) => p.close()));
    await browser?.close();
    await server?.stop();
    await provider?.close();
  });

  afterEach(() => {
    for (const p of opened) p.assertNoErrors();
  });

  /** From the sign-in page through the provider's own login form, back into the workbench. */
  async function signInAtProvider(login: string, shot?: string): Promise<Page> {
    const p = await openPage(browser, server.baseUrl);
    opened.push(p);
    // The provider's development login page asks for a web font (no traffic leaves this machine)
    // and a favicon it has not: both answered here, empty.
    await p.context.route('https://fonts.googleapis.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/css', body: '' }));
    await p.context.route(`${provider.issuer}/favicon.ico`, (route) => route.fulfill({ status: 204 }));
    const { page } = p;
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Sign in with Insurer ID' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('the provider checks this, not Recourse');
    if (shot) await screenshot(page, shot);
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.waitForURL((url) => url.origin === server.baseUrl && url.pathname !== '/sign-in' && url.pathname !== '/');
    return page;
  }

  it('offers the provider on the sign-in page, keeps passwords for members only, and words a refusal the provider sent back', async () => {
    const p = await openPage(browser, server.baseUrl);
    opened.push(p);
    const { page } = p;
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Sign in with Insurer ID' }).waitFor();
    // Members keep their passwords: the form stays, and says whom it is for.
    await page.getByText('Staff sign in with Insurer ID. The form below is for members.').waitFor();
    await checkA11y(page, 'oidc-sign-in');
    await screenshot(page, 'oidc-sign-in');

    // A staff member's right password is refused with words that send them to the provider.
    p.allowConsoleError(/status of 403/);
    await page.getByLabel('Username').fill('fraud.reviewer');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Staff sign in with Insurer ID, not with a password here.' }).waitFor();
    await screenshot(page, 'oidc-sign-in-staff-password-off');

    await page.goto('/sign-in?error=oidc_no_role');
    await page.getByRole('alert').filter({ hasText: 'none of your groups gives access to Recourse' }).waitFor();
    await checkA11y(page, 'oidc-sign-in-no-role');
    await screenshot(page, 'oidc-sign-in-no-role');

    // A member still signs in with a password.
    await page.getByLabel('Username').fill('anna');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expectPath(page, '/decisions');
    await page.waitForLoadState('networkidle');
  });

  it('ann.fraud signs in at the provider, claims a fraud case and proposes to release the claim', async () => {
    const page = await signInAtProvider('ann.fraud', 'oidc-provider-login');
    await expectPath(page, '/review');
    expect(await page.locator('.user-signed-in').innerText()).toContain('ann.fraud');
    const session = (await (await page.request.get('/api/session')).json()) as { user: { roles: string[]; scopes: string[]; source?: { issuer: string } } };
    expect(session.user).toMatchObject({ roles: ['reviewer'], scopes: ['fraud_flag'], source: { issuer: provider.issuer } });

    // A member's objection to a held claim (samples, due sooner on their service level, may be claims the model did not hold).
    const { items } = (await (await page.request.get('/api/cases?type=fraud_flag&status=open&origin=objection&limit=1')).json()) as {
      items: { id: string }[];
    };
    expect(items.length).toBe(1);
    story.caseId = items[0]!.id;
    await page.getByLabel('Origin').selectOption('objection');
    await page.locator(`a[href="/review/cases/${story.caseId}?origin=objection"]`).first().click();
    await expectPath(page, `/review/cases/${story.caseId}`);
    await heading(page);
    await page.getByRole('button', { name: 'Claim this case' }).click();
    await page.getByText('You claimed this case.').waitFor();
    await page.getByLabel('Change the outcome (override)').check();
    await page.getByLabel('Release the claim (not flagged)').check();
    await page
      .getByRole('textbox', { name: 'Rationale' })
      .fill('The payee matches the policyholder’s registered garage; the pattern is a known false positive.');
    await page.getByRole('button', { name: 'Propose the override' }).click();
    await page.getByText('Your override is proposed. A second person must approve it.').waitFor();
    await checkA11y(page, 'oidc-reviewer-proposed');
    await screenshot(page, 'oidc-reviewer-proposed', { fullPage: true });
  });

  it('olga.approver signs in the same way and approves; the chain names both by their provider', async () => {
    const page = await signInAtProvider('olga.approver');
    await page.goto(`/review/cases/${story.caseId}`);
    await page.getByRole('heading', { name: 'Approve or reject' }).waitFor();
    await page.getByLabel('Your reasoning').fill('Checked the garage against the policy register: release it.');
    await page.getByRole('button', { name: 'Approve the override' }).click();
    await page.getByText('Override approved. The new outcome applies now.').waitFor();
    await checkA11y(page, 'oidc-approver-approved');
    await screenshot(page, 'oidc-approver-approved', { fullPage: true });

    // Governance reads the trail: the proposal and the approval name both people as the insurer's directory does.
    const detail = (await (await page.request.get(`/api/cases/${story.caseId}`)).json()) as { case: { decisionId: string } };
    const governance = await signInAtProvider('gus.governance');
    const { items } = (await (await governance.request.get(`/api/audit/events?decisionId=${detail.case.decisionId}`)).json()) as {
      items: { action: string; actor: { role: string; issuer?: string; subject?: string } }[];
    };
    const actorOf = (action: string) => items.find((e) => e.action === action)?.actor;
    expect(actorOf('resolution_proposed')).toMatchObject({ role: 'reviewer', issuer: provider.issuer, subject: 'ann.fraud' });
    expect(actorOf('approved')).toMatchObject({ role: 'approver', issuer: provider.issuer, subject: 'olga.approver' });

    // The audit browser shows each person as the provider names them.
    await governance.goto(`/governance/audit?decisionId=${detail.case.decisionId}`);
    const host = new URL(provider.issuer).host;
    await governance.getByText(`ann.fraud at ${host}`).first().waitFor();
    await governance.getByText(`olga.approver at ${host}`).first().waitFor();
    await checkA11y(governance, 'oidc-governance-audit');
    await screenshot(governance, 'oidc-governance-audit', { fullPage: true });
  });

  it('signing out ends the Recourse session and then the provider’s', async () => {
    const page = await signInAtProvider('ann.fraud');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await screenshot(page, 'oidc-provider-logout');
    // oidc-provider asks before it ends its own session.
    await page.getByRole('button', { name: /Yes/i }).click();
    await page.waitForURL((url) => url.origin === server.baseUrl && url.pathname === '/sign-in');
    expect((await page.request.get('/api/session')).status()).toBe(401);
    // The provider forgot her too: "Sign in with" asks for the login again.
    await page.getByRole('link', { name: 'Sign in with Insurer ID' }).click();
    await page.locator('input[name="login"]').waitFor();
  });
});
