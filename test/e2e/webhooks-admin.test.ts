import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startReceiver } from '../support/webhook-receiver';
import { expectPath, signIn } from './support/actions';
import { checkA11y, describeInBrowser, launchBrowser, openPage, screenshot } from './support/browser';
import { startServer, type E2eServer } from './support/server';

/** Reloads the admin page until the deliveries table shows `state`, as an admin would. */
async function waitForDelivery(page: Page, state: string) {
  for (let tries = 0; tries < 30; tries++) {
    await page.getByRole('button', { name: 'Deliveries' }).first().click();
    const found = await page.getByRole('cell', { name: state, exact: true }).count();
    if (found > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await page.reload();
  }
  throw new Error(`no delivery became "${state}"`);
}

describeInBrowser('webhooks in the admin console', () => {
  let server: E2eServer;
  let browser: Browser;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
    // A local receiver is allowed by name; retries and the outbox job are fast for the test.
    [server, browser] = await Promise.all([
      startServer({ env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', DELIVERY_RETRY_BASE_MS: '200', DELIVERY_TIMEOUT_MS: '2000' } }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await receiver?.close();
  });

  it('an admin subscribes a system, sees its delivery dead-lettered, switches it back on and replays it', { timeout: 180_000 }, async () => {
    const admin = await openPage(browser, server.baseUrl);
    const { page } = admin;
    await page.goto('/sign-in');
    await signIn(page, 'admin');
    await expectPath(page, '/admin');

    await page.getByLabel('Address (URL)').fill(receiver.url);
    await page.getByRole('checkbox', { name: 'member.erased' }).check();
    await page.getByLabel('Description').fill('Billing');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const secret = (await page.getByRole('status').locator('code').textContent({ timeout: 15_000 }))!;
    expect(secret).toMatch(/^whsec_/);
    receiver.trust(secret);
    await page.getByText(receiver.url, { exact: true }).waitFor();

    // The receiving system says it is gone: the subscription is switched off, the delivery dead.
    receiver.answer(410);
    await page.getByRole('button', { name: 'Send a test event' }).click();
    await waitForDelivery(page, 'Dead letter');
    await page.reload();
    await page.getByText('Switched off').first().waitFor();
    await page.getByRole('button', { name: 'Deliveries' }).first().click();
    await page.getByRole('cell', { name: 'Dead letter', exact: true }).waitFor();
    // No problem is shown where nothing went wrong.
    expect(await page.getByText('That did not work').count()).toBe(0);
    await checkA11y(page, 'admin-webhooks');
    await screenshot(page, 'admin-webhooks-dead-letter', { fullPage: true });

    await page.getByRole('button', { name: 'Switch on' }).click();
    // The admin page also lists people and keys, each with a state; this one is the subscription's.
    await page.getByRole('region', { name: "Webhooks to the insurer's systems" }).getByText('Active', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Deliveries' }).first().click();
    await page.getByRole('button', { name: 'Send again' }).click();
    await waitForDelivery(page, 'Delivered');

    // Only the test event came (nobody was erased): delivered once, verified with the secret shown
    // at creation, with the webhook-id of its dead attempt.
    expect(receiver.received.map((r) => r.body.type)).toEqual(['webhook.test']);
    expect(receiver.received[0]!.verifiedWith).toEqual([secret]);
    expect(receiver.attempts).toEqual([receiver.received[0]!.id, receiver.received[0]!.id]);
    // The secret is shown once: after a reload it is nowhere on the page.
    await page.reload();
    await page.getByText(receiver.url, { exact: true }).waitFor();
    expect(await page.content()).not.toContain(secret);
    admin.assertNoErrors();
    await admin.close();
  });
});
