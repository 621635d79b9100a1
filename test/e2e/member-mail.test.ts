import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectPath, signIn } from './support/actions';
import { checkA11y, describeInBrowser, launchBrowser, openPage, screenshot } from './support/browser';
import { startServer, type E2eServer } from './support/server';

/** npm start without SMTP_URL: the seeded cases' mails are written as .eml files, and the admin page shows them. */
describeInBrowser('the demonstration mailbox', () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("admin sees anna's mails in Dutch; bram's reviewer sees that bram is told by post; anna chooses post", { timeout: 180_000 }, async () => {
    const admin = await openPage(browser, server.baseUrl);
    await admin.page.goto('/sign-in');
    await signIn(admin.page, 'admin');
    await expectPath(admin.page, '/admin');
    // The outbox job runs every 30 seconds after start: wait for its first round, then open the page.
    for (let tries = 0; tries < 30; tries++) {
      const list = (await (await admin.page.request.get('/api/admin/mail')).json()) as { mails: unknown[] };
      if (list.mails.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    await admin.page.goto('/admin');
    const firstMail = admin.page.getByRole('button', { name: 'We hebben uw bezwaar ontvangen' }).first();
    await firstMail.click({ timeout: 15_000 });
    const mail = admin.page.getByRole('article');
    await mail.getByRole('heading', { name: 'We hebben uw bezwaar ontvangen' }).waitFor({ timeout: 15_000 });
    expect(await mail.textContent()).toContain('anna@example.org');
    expect(await mail.locator('pre').first().textContent()).toContain('Beste klant,');
    await checkA11y(admin.page, 'admin-member-mail');
    await screenshot(admin.page, 'admin-member-mail');
    admin.assertNoErrors();
    await admin.close();

    const reviewer = await openPage(browser, server.baseUrl);
    const bramCases = await reviewer.page.request.get('/api/cases?limit=100');
    expect(bramCases.status()).toBe(401);
    await reviewer.page.goto('/sign-in');
    await signIn(reviewer.page, 'senior.reviewer');
    const cases = (await (await reviewer.page.request.get('/api/cases?limit=100')).json()) as { items: { id: string }[] };
    let bramCaseId: string | null = null;
    for (const c of cases.items) {
      const detail = (await (await reviewer.page.request.get(`/api/cases/${c.id}`)).json()) as { decision: { subject: { memberId: string } } };
      if (detail.decision.subject.memberId === 'M-1002') bramCaseId = c.id;
    }
    expect(bramCaseId).not.toBeNull();
    await reviewer.page.goto(`/review/cases/${bramCaseId}`);
    await reviewer.page.getByText('By post: no e-mail address on file').waitFor({ timeout: 15_000 });
    reviewer.assertNoErrors();
    await reviewer.close();

    const anna = await openPage(browser, server.baseUrl);
    await anna.page.goto('/sign-in');
    await signIn(anna.page, 'anna');
    await anna.page.goto('/my-data');
    await anna.page.getByText('anna@example.org').waitFor({ timeout: 15_000 });
    await anna.page.getByLabel('by post').click();
    await anna.page.getByText('Your choice is saved.').waitFor({ timeout: 15_000 });
    expect((await (await anna.page.request.get('/api/me/contact')).json()) as { channel: string }).toMatchObject({ channel: 'post' });
    await checkA11y(anna.page, 'member-my-data-contact');
    anna.assertNoErrors();
    await anna.close();
  });
});
