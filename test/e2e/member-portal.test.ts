import { expect, it } from 'vitest';
import { expectPath, heading, signIn } from './support/actions';
import { checkA11y, describeInBrowser, PHONE, screenshot } from './support/browser';
import { useStage } from './support/stage';

describeInBrowser('member portal', () => {
  const stage = useStage();
  const open = stage.open;

  it('anna signs in and sees only her own decisions, newest first', async () => {
    const { page } = await open();
    await page.goto('/');
    await expectPath(page, '/sign-in');
    await expect.poll(() => heading(page)).toBe('Sign in');
    await checkA11y(page, 'sign-in');
    await screenshot(page, 'sign-in');

    await signIn(page, 'anna');
    await expectPath(page, '/decisions');
    await expect.poll(() => heading(page)).toBe('My decisions');
    await page.locator('.decision-item').first().waitFor();
    await expect.poll(() => page.getByText('Member number M-1001').count()).toBe(1);

    const shown = await page.locator('.decision-item').count();
    // What the browser is allowed to read with anna's cookie is hers alone.
    const response = await page.request.get('/api/decisions?limit=500');
    const { items } = (await response.json()) as { items: { subject: { memberId: string }; decidedAt: string }[] };
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((d) => d.subject.memberId))).toEqual(new Set(['M-1001']));
    expect(shown).toBe(Math.min(items.length, 20));
    const policies = await page.locator('.decision-item-meta').allTextContents();
    // anna's two policies, and no one else's.
    expect(policies.every((text) => text.includes('Policy P-5001') || text.includes('Policy P-7001'))).toBe(true);
    // Renewals are grouped by policy ("Your premium now"); every list keeps newest first.
    for (const list of await page.locator('ul.decision-list').all()) {
      const times = await list.locator('.decision-item time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')!));
      expect(times).toEqual([...times].sort().reverse());
    }

    await checkA11y(page, 'my-decisions');
    await screenshot(page, 'member-decisions');
    await screenshot(page, 'member-decisions-360', { size: PHONE });

    // Keyboard: on a fresh load the first Tab reaches the skip link, which moves focus to the content.
    await page.goto('/decisions');
    await page.locator('.decision-item').first().waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    expect(await skip.evaluate((node) => node === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('anna opens a renewal, reads both outcomes and sees euro amounts the Dutch way in nl', async () => {
    const { page } = await open();
    await page.goto('/sign-in');
    await signIn(page, 'anna');
    await page.getByRole('link', { name: 'Renewal price' }).first().click();
    await page.waitForURL(/\/decisions\/dec_[0-9a-f]{24}$/);
    await expect.poll(() => heading(page)).toBe('Renewal price decision');
    // After an in-app navigation, focus starts at the new content, as after a page load.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await expect.poll(() => page.getByRole('heading', { name: 'Automated outcome' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Outcome that applies now' }).count()).toBe(1);
    const contest = page.getByRole('link', { name: 'Contest this decision' });
    expect(await contest.isVisible()).toBe(true);
    expect(await contest.getAttribute('href')).toMatch(/^\/decisions\/dec_[0-9a-f]{24}\/contest$/);
    expect(await page.locator('main').innerText()).toMatch(/€\d{1,3}(,\d{3})*\.\d{2}/);
    await checkA11y(page, 'member-decision');
    await screenshot(page, 'member-decision');
    await screenshot(page, 'member-decision-360', { size: PHONE, fullPage: true });

    await page.getByLabel('Language').selectOption('nl');
    await expect.poll(() => heading(page)).toBe('Beslissing: Verlengingspremie');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(await page.getByLabel('Taal').inputValue()).toBe('nl');
    expect(await page.locator('main').innerText()).toMatch(/€\s?\d{1,3}(\.\d{3})*,\d{2}/);
    expect(await page.getByRole('link', { name: 'Deze beslissing betwisten' }).isVisible()).toBe(true);
    await checkA11y(page, 'member-decision-nl');
    await screenshot(page, 'member-decision-nl');

    // The choice is remembered across visits.
    await page.reload();
    await expect.poll(() => heading(page)).toBe('Beslissing: Verlengingspremie');
    await page.getByLabel('Taal').selectOption('fr');
    await expect.poll(() => heading(page)).toBe('Décision : Prime de renouvellement');
    expect(await page.locator('main').innerText()).toMatch(/\d{1,3}(\s\d{3})*,\d{2}\s€/);
    await page.getByLabel('Langue').selectOption('en');

    await page.getByRole('link', { name: 'Contest this decision' }).click();
    await page.waitForURL(/\/contest$/);
    await expect.poll(() => heading(page)).toBe('Contest this decision');
    await page.getByLabel('Why do you disagree?').waitFor();
    await checkA11y(page, 'contest-form');
  });

  it('a member gets "not found" for a decision that is not theirs', async () => {
    const anna = await open();
    await anna.page.goto('/sign-in');
    await signIn(anna.page, 'anna');
    await anna.page.getByRole('link', { name: 'Renewal price' }).first().click();
    await anna.page.waitForURL(/\/decisions\/dec_/);
    const annasDecision = new URL(anna.page.url()).pathname;

    const bram = await open();
    bram.allowConsoleError(/status of 404/);
    await bram.page.goto('/sign-in');
    await signIn(bram.page, 'bram');
    await bram.page.goto(annasDecision);
    await bram.page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await bram.page.getByText('M-1001').count()).toBe(0);
    await checkA11y(bram.page, 'decision-not-found');
  });

  it('pricing.reviewer lands on the case queue, with staff navigation only', async () => {
    const { page } = await open();
    await page.goto('/sign-in');
    await signIn(page, 'pricing.reviewer');
    await expectPath(page, '/review');
    await expect.poll(() => heading(page)).toBe('Case queue');
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Case queue', 'Decisions']);
    await expect.poll(() => page.getByText('Renewal price and Risk score', { exact: false }).count()).toBe(1);
    await checkA11y(page, 'case-queue');
    await screenshot(page, 'reviewer-case-queue');

    // Member screens are not there for staff (same answer as for a page that does not exist).
    await page.getByRole('link', { name: 'Recourse' }).click();
    await expectPath(page, '/review');
  });

  it('a wrong password is refused in words, with focus on the message', async () => {
    const { page, allowConsoleError } = await open();
    allowConsoleError(/status of 401/);
    await page.goto('/sign-in');
    await page.getByLabel('Username').fill('bram');
    await page.getByLabel('Password').fill('not-the-password');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('The username or password is not correct.');
    expect(await alert.evaluate((node) => node === document.activeElement)).toBe(true);
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    await checkA11y(page, 'sign-in-error');
  });

  it.each([
    ['governance', '/governance', 'Governance dashboard', ['Dashboard', 'Audit', 'Reports']],
    ['admin', '/admin', 'Administration', ['Admin']],
    ['senior.reviewer', '/review', 'Case queue', ['Case queue', 'Decisions', 'Approvals']],
  ])('%s lands on %s', async (username, landing, title, navigation) => {
    const { page } = await open();
    await page.goto('/sign-in');
    await signIn(page, username);
    await expectPath(page, landing);
    await expect.poll(() => heading(page)).toBe(title);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual(navigation);
    await checkA11y(page, `${username}-landing`);
  });

  it('signing out ends the session and returns to sign-in', async () => {
    const { page } = await open();
    await page.goto('/sign-in');
    await signIn(page, 'anna');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectPath(page, '/sign-in');
    expect(new URL(page.url()).search).toBe('');
    expect((await page.request.get('/api/session')).status()).toBe(401);
    await page.goto('/decisions');
    await expectPath(page, '/sign-in');
  });

  it('a deep link while signed out comes back after sign-in', async () => {
    const anna = await open();
    await anna.page.goto('/sign-in');
    await signIn(anna.page, 'anna');
    await anna.page.getByRole('link', { name: 'Renewal price' }).first().click();
    await anna.page.waitForURL(/\/decisions\/dec_/);
    const deepLink = new URL(anna.page.url()).pathname;

    const { page } = await open();
    await page.goto(deepLink);
    await expectPath(page, '/sign-in');
    expect(new URL(page.url()).searchParams.get('returnTo')).toBe(deepLink);
    await signIn(page, 'anna');
    await expectPath(page, deepLink);
    await expect.poll(() => heading(page)).toBe('Renewal price decision');
  });

  it('when the session ends mid-visit, sign-in brings the member back to where they were', async () => {
    const { page, context, allowConsoleError } = await open();
    allowConsoleError(/status of 401/);
    await page.goto('/sign-in');
    await signIn(page, 'anna');
    const renewal = page.getByRole('link', { name: 'Renewal price' }).first();
    const decisionPath = (await renewal.getAttribute('href'))!;

    // The session ends behind the app's back (idle timeout, signed out in another tab).
    await context.clearCookies();
    await renewal.click();
    await expectPath(page, '/sign-in');
    expect(new URL(page.url()).searchParams.get('returnTo')).toBe(decisionPath);
    await page.getByText('Your session has ended').waitFor();
    await signIn(page, 'anna');
    await expectPath(page, decisionPath);
    await expect.poll(() => heading(page)).toBe('Renewal price decision');
  });
});
