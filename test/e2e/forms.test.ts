/**
 * The forms are checked by the shared request schemas before anything is sent, in the
 * catalogue's words. And when the server refuses a field anyway (a rule the client did not
 * foresee), the refusal is said above the form and the refused field itself is marked, so the
 * reader knows where to look; that answer is stubbed, since the client's own checks (the same
 * schema) never let such a value through.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectPath, signIn } from './support/actions';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { startServer, type E2eServer } from './support/server';

/** A problem+json refusal of these fields, as the server's validation sends it. */
const refusal = (...paths: string[]) => ({
  status: 422,
  contentType: 'application/problem+json',
  body: JSON.stringify({
    type: 'about:blank',
    title: 'Validation failed',
    status: 422,
    code: 'validation_failed',
    detail: 'The request body is not valid.',
    errors: paths.map((path) => ({ path, message: 'a rule the client does not know' })),
  }),
});

describeInBrowser('forms checked by the shared schemas, and the server’s field errors', () => {
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
      const { items } = (await (await page.request.get('/api/decisions?type=renewal_price&limit=100')).json()) as {
        items: { id: string; idempotencyKey: string }[];
      };
      const decisionId = items.find((d) => d.idempotencyKey === 'demo-0')!.id;

      let sent: unknown = null;
      await page.route(`**/api/decisions/${decisionId}/objections`, async (route) => {
        sent = route.request().postDataJSON();
        await route.fulfill(refusal('statement'));
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

  it('marks refused fields on a form that words its own checks (the objection registered by staff)', async () => {
    const { page, allowConsoleError, assertNoErrors, close } = await openPage(browser, server.baseUrl);
    allowConsoleError(/status of 422/);
    try {
      await page.goto('/');
      await signIn(page, 'pricing.reviewer');
      await expectPath(page, '/review');
      const { items } = (await (await page.request.get('/api/decisions?type=renewal_price&limit=1')).json()) as { items: { id: string }[] };
      const decisionId = items[0]!.id;
      await page.route(`**/api/decisions/${decisionId}/objections`, (route) => route.fulfill(refusal('channel', 'receivedAt')));

      await page.goto(`/decisions/${decisionId}`);
      await page.getByRole('heading', { name: 'Register an objection by phone or post' }).waitFor();
      await page.getByRole('radio', { name: 'Post' }).check();
      await page.getByLabel('What the member said or wrote').fill('Wrote that the premium rise is too steep.');
      await page.getByRole('button', { name: 'Register the objection' }).click();

      await page.getByText('Some of what you entered was not accepted. Check it and try again.').waitFor();
      await expect.poll(() => page.getByText('Check this field.', { exact: true }).count()).toBe(2);
      expect(await page.getByLabel('What the member said or wrote').getAttribute('aria-invalid')).toBe(null);
      assertNoErrors();
    } finally {
      await close();
    }
  });

  it('checks a case’s forms by the shared schemas before sending, in the catalogue’s words', async () => {
    const { page, assertNoErrors, close } = await openPage(browser, server.baseUrl);
    try {
      await page.goto('/');
      await signIn(page, 'pricing.reviewer');
      await expectPath(page, '/review');
      const { items } = (await (await page.request.get('/api/cases?limit=100')).json()) as {
        items: { id: string; status: string; extension: unknown; originalDueAt: string }[];
      };
      // One of the reviewer's scopes the deadline may still be extended on: not extended yet, its first month not over.
      const open = items.find((c) => ['open', 'in_review'].includes(c.status) && c.extension === null && c.originalDueAt > new Date().toISOString())!;
      await page.goto(`/review/cases/${open.id}`);

      const extend = page.locator('details:has(#action-extend)');
      await extend.locator('summary').click();
      await extend.getByRole('button', { name: 'Extend the deadline' }).click();
      await extend.getByText('Choose one or two months.').waitFor();
      // The least length is the schema's, read into the words.
      await extend.getByText('Give a reason of at least 10 characters.').waitFor();
      await extend.getByRole('radio', { name: 'One month' }).check();
      await extend.getByLabel('Reason').fill('  short  ');
      await expect.poll(() => extend.getByText('Choose one or two months.').count()).toBe(0);
      expect(await extend.getByText('Give a reason of at least 10 characters.').count()).toBe(1);

      const comment = page.locator('details:has(#action-comment)');
      await comment.locator('summary').click();
      await comment.getByRole('button', { name: 'Add comment' }).click();
      await comment.getByText('Write a comment first.').waitFor();
      await comment.getByLabel('Comment').fill('Checked the claims register.');
      await comment.getByRole('button', { name: 'Add comment' }).click();
      await page.getByText('Internal note added.').waitFor();
      // A fresh, empty form for the next comment.
      await expect.poll(() => page.locator('details:has(#action-comment) textarea').inputValue()).toBe('');
      assertNoErrors();
    } finally {
      await close();
    }
  });
});
