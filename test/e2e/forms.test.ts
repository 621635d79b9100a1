/**
 * What a form does with a field the server refuses (a rule the client did not foresee): the
 * refusal is said in words above the form, and the refused field itself is marked, in the
 * reader's language, so they know where to look. The answer is stubbed, since the client's own
 * checks (the same shared schema) never let such a value through.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectPath, signIn } from './support/actions';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { startServer, type E2eServer } from './support/server';

describeInBrowser('forms and the server’s field errors', () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('marks the field the server refused, in words from the catalogue', async () => {
    const { page, allowConsoleError, assertNoErrors, close } = await openPage(browser, server.baseUrl);
    allowConsoleError(/status of 422/);
    try {
      await page.goto('/');
      await signIn(page, 'anna');
      await expectPath(page, '/decisions');
      const { items } = (await (await page.request.get('/api/decisions?type=renewal_price&limit=100')).json()) as { items: { id: string; idempotencyKey: string }[] };
      const decisionId = items.find((d) => d.idempotencyKey === 'demo-0')!.id;

      let sent: unknown = null;
      await page.route(`**/api/decisions/${decisionId}/objections`, async (route) => {
        sent = route.request().postDataJSON();
        await route.fulfill({
          status: 422,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: 'about:blank',
            title: 'Validation failed',
            status: 422,
            code: 'validation_failed',
            detail: 'The request body is not valid.',
            errors: [{ path: 'statement', message: 'a rule the client does not know' }],
          }),
        });
      });

      await page.goto(`/decisions/${decisionId}/contest`);
      const statement = page.getByLabel('Why do you disagree?');
      await statement.fill('  The claims were my daughter’s.  ');
      await page.getByRole('button', { name: 'Send my objection' }).click();

      await page.getByText('Some of what you entered was not accepted. Check it and try again.').waitFor();
      await page.getByText('Check this field.', { exact: true }).waitFor();
      expect(await statement.getAttribute('aria-invalid')).toBe('true');
      // What was sent is the schema's output: trimmed, with no empty wish.
      expect(sent).toEqual({ statement: 'The claims were my daughter’s.' });

      // Correcting the field clears its mark.
      await statement.fill('The claims were my daughter’s, not mine.');
      await expect.poll(() => statement.getAttribute('aria-invalid')).toBe(null);
      assertNoErrors();
    } finally {
      await close();
    }
  });
});
