import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fraudDecision, renewalDecision } from '../support/fixtures';
import { expectPath, heading, signIn } from './support/actions';
import { SCREENSHOT_DIR, checkA11y, describeInBrowser, launchBrowser, openPage, screenshot } from './support/browser';
import { startServer, type E2eServer } from './support/server';

const REVIEWER = 'e2e.reviewer';
const CHOSEN_PASSWORD = 'my-own-reviewer-password';

describeInBrowser('the admin console: people and ingest keys', () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A scoring service's call, from the test as the service would make it. */
  const ingest = (key: string, body: object) =>
    fetch(`${server.baseUrl}/api/decisions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it(
    'an admin makes a reviewer and an ingest key; the key ingests until revoked; disabling the reviewer ends their session',
    { timeout: 180_000 },
    async () => {
      const admin = await openPage(browser, server.baseUrl);
      const { page } = admin;
      await page.goto('/sign-in');
      await signIn(page, 'admin');
      await expectPath(page, '/admin');
      await expect.poll(() => heading(page)).toBe('Administration');

      // A reviewer of claim checks, with a password the server makes and shows once.
      const userForm = page.locator('form[aria-labelledby="new-user-title"]');
      await userForm.getByLabel('User name').fill(REVIEWER);
      await userForm.getByLabel('Display name').fill('Eva Reviewer');
      await userForm.getByRole('checkbox', { name: 'reviewer', exact: true }).check();
      await userForm.getByRole('checkbox', { name: 'Claim check' }).check();
      await userForm.getByRole('button', { name: 'Make the account' }).click();
      const oneTimePassword = (await userForm.getByRole('status').locator('code').textContent())!;
      expect(oneTimePassword).toHaveLength(24);
      const row = page.getByRole('row').filter({ hasText: REVIEWER });
      await row.getByText('Must choose a new password').waitFor();

      // An ingest key held to claim checks.
      const keyForm = page.locator('form[aria-labelledby="new-key-title"]');
      await keyForm.getByLabel('Name', { exact: true }).fill('Fraud engine');
      await keyForm.getByRole('checkbox', { name: 'Claim check' }).check();
      await keyForm.getByRole('button', { name: 'Make the key' }).click();
      const key = (await keyForm.getByRole('status').locator('code').textContent())!;
      expect(key).toMatch(/^rk_/);
      await page.getByRole('row').filter({ hasText: 'Fraud engine' }).getByText('Not yet').waitFor();
      await checkA11y(page, 'admin-console');
      await screenshot(page, 'admin-console-made', { fullPage: true });

      // The model registry's texts, in three languages, edited and saved whole.
      await page
        .getByRole('button', { name: /^Edit the texts of / })
        .first()
        .click();
      const editor = page.locator('form[aria-labelledby="model-editor-title"]');
      await editor.getByLabel('Owner').fill('Pricing analytics team');
      await checkA11y(page, 'admin-model-editor');
      // The page is long: the registry's section alone says more.
      await page.locator('section[aria-labelledby="models-title"]').screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-console-model-editor.png') });
      await page.locator('section[aria-labelledby="privacy-title"]').screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-console-privacy.png') });
      await editor.getByRole('button', { name: 'Save' }).click();
      await editor.waitFor({ state: 'detached' });
      await page.getByRole('cell', { name: 'Pricing analytics team' }).waitFor();

      // The key ingests a claim check, and is refused any other type.
      const fraud = fraudDecision({ idempotencyKey: 'e2e-admin-console-1' });
      expect((await ingest(key, fraud)).status).toBe(201);
      const renewal = await ingest(key, renewalDecision({ idempotencyKey: 'e2e-admin-console-2' }));
      expect(renewal.status).toBe(403);
      expect(((await renewal.json()) as { code: string }).code).toBe('ingest_type_not_allowed');
      await page.reload();
      expect(await page.getByRole('row').filter({ hasText: 'Fraud engine' }).getByText('Not yet').count()).toBe(0);
      // Shown once: after a reload neither secret is anywhere on the page.
      expect(await page.content()).not.toContain(key);
      expect(await page.content()).not.toContain(oneTimePassword);

      // The reviewer signs in elsewhere with the one-time password and must choose their own first.
      const reviewer = await openPage(browser, server.baseUrl);
      await reviewer.page.goto('/sign-in');
      await signIn(reviewer.page, REVIEWER, oneTimePassword);
      await expect.poll(() => heading(reviewer.page)).toBe('Choose your own password');
      await checkA11y(reviewer.page, 'change-password');
      await screenshot(reviewer.page, 'admin-console-change-password');
      await reviewer.page.getByLabel('Current (one-time) password').fill(oneTimePassword);
      await reviewer.page.getByLabel('New password').fill(CHOSEN_PASSWORD);
      await reviewer.page.getByRole('button', { name: 'Save my password' }).click();
      await reviewer.page.getByRole('navigation', { name: 'Main' }).waitFor();
      expect((await reviewer.page.request.get('/api/cases')).status()).toBe(200);

      // Revoked: the key is refused at once.
      await page.getByRole('button', { name: 'Revoke the key Fraud engine' }).click();
      await page
        .getByRole('row')
        .filter({ hasText: 'Fraud engine' })
        .getByText(/^Revoked/)
        .waitFor();
      expect((await ingest(key, fraudDecision({ idempotencyKey: 'e2e-admin-console-3' }))).status).toBe(401);

      // Disabled: the reviewer's session ends now, not at its expiry; sign-in is refused.
      await page.getByRole('button', { name: `Disable ${REVIEWER}` }).click();
      await page.getByRole('row').filter({ hasText: REVIEWER }).getByText('Disabled', { exact: true }).waitFor();
      expect((await reviewer.page.request.get('/api/cases')).status()).toBe(401);
      await reviewer.page.reload();
      await reviewer.page.waitForURL((url) => url.pathname === '/sign-in');
      reviewer.allowConsoleError(/status of 401/);
      await reviewer.page.getByLabel('Username').fill(REVIEWER);
      await reviewer.page.getByLabel('Password').fill(CHOSEN_PASSWORD);
      await reviewer.page.getByRole('button', { name: 'Sign in' }).click();
      await reviewer.page.getByRole('alert').getByText('This account is disabled').waitFor();
      await screenshot(reviewer.page, 'admin-console-disabled-sign-in');
      await screenshot(page, 'admin-console-after', { fullPage: true });

      // Governance reads every one of these actions in words on the staff log.
      const governance = await openPage(browser, server.baseUrl);
      await governance.page.goto('/sign-in');
      await signIn(governance.page, 'governance');
      await governance.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
      const staffLog = governance.page.getByRole('region', { name: 'Staff log' });
      for (const words of [
        'Made a staff account',
        'Made an ingest key',
        'Revoked an ingest key',
        'Changed an account (roles, scopes, enabled)',
        'Registered a model version',
      ]) {
        await staffLog.getByText(words, { exact: true }).first().waitFor();
      }
      await staffLog.scrollIntoViewIfNeeded();
      await checkA11y(governance.page, 'staff-log');
      await screenshot(governance.page, 'admin-console-staff-log', { fullPage: true });

      admin.assertNoErrors();
      reviewer.assertNoErrors();
      governance.assertNoErrors();
      await Promise.all([admin.close(), reviewer.close(), governance.close()]);
    },
  );
});
