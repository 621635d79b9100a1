/**
 * A reviewer's and an approver's day in a real browser (issue 17, points 1–5): the queue to triage
 * (what each case is about, why a sample was drawn, counts per view, search, "My work", filters
 * kept into a case and back, "next case"); sample cases due on an internal service level and
 * labelled so; staff wording on the evidence; the approver's inbox with its count in the
 * navigation; a rejected proposal told to its proposer with the reason; reassigning and
 * unassigning by name. Every page is checked with axe and saved as a screenshot (reviewer-day-*),
 * the queue also at 360 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { expectPath, heading, signIn } from './support/actions';
import { checkA11y, describeInBrowser, DESKTOP, launchBrowser, openPage, PHONE, screenshot, type BrowserPage } from './support/browser';
import { startServer, type E2eServer } from './support/server';

interface Row {
  id: string;
  status: string;
  dueAt: string;
  receivedAt: string;
  origin: string;
  version: number;
  assignee: string | null;
  about?: { claimId: string | null; policyId: string | null; memberId: string | null; outcome: Record<string, number> };
}

/** A time of day on screen names its zone: Brussels time, CET in winter, CEST in summer. */
const ZONED = /\d{1,2}:\d{2} CES?T$/;

describeInBrowser("a reviewer's and an approver's day", () => {
  let server: E2eServer;
  let browser: Browser;
  const opened: BrowserPage[] = [];
  const story: { proposedCaseId?: string } = {};

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await Promise.all(opened.map((p) => p.close()));
    await browser?.close();
    await server?.stop();
  });

  afterEach(() => {
    for (const p of opened) p.assertNoErrors();
  });

  const signedIn = async (username: string) => {
    const p = await openPage(browser, server.baseUrl);
    opened.push(p);
    await p.page.goto('/sign-in');
    await signIn(p.page, username);
    return p;
  };

  const api = async <T>(page: Page, path: string): Promise<T> => {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    return (await response.json()) as T;
  };

  const queueRows = (page: Page) => page.locator('.queue-list > li');

  it('fraud.reviewer triages the queue: what each case is about, counts per view, search, samples on an internal service level', async () => {
    const { page } = await signedIn('fraud.reviewer');
    await expectPath(page, '/review');
    await queueRows(page).first().waitFor();

    // Counts per view, from the server's counts.
    const counts = await api<{ byStatus: Record<string, number>; mine: number; overdue: number }>(page, '/api/cases/counts');
    const views = page.getByRole('navigation', { name: 'Views of the queue' });
    await expect.poll(() => views.getByRole('link', { name: /^To pick up/ }).innerText()).toMatch(new RegExp(`To pick up\\s*${counts.byStatus.open}$`));
    expect(await views.getByRole('link', { name: /^In review/ }).innerText()).toMatch(new RegExp(`${counts.byStatus.in_review}$`));
    expect(await views.getByRole('link', { name: /^To pick up/ }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByLabel('Status').locator('option[value="open"]').innerText()).toBe(`Open (${counts.byStatus.open})`);

    // Each row says what it is about: the claim, the member, the score against its threshold, and
    // why a sample was drawn in words, never the code.
    const first = await queueRows(page).first().innerText();
    expect(first).toMatch(/Claim check · claim C-[\w-]+ · (Sample check|Objection)/);
    expect(first).toMatch(/Member M-\d+ · fraud score [\d.]+ \(threshold \d+\)/);
    expect(first).toMatch(/Not assigned|Assigned to /);
    const queueText = await page.locator('.queue-list').innerText();
    expect(queueText).toMatch(/Picked by chance, to oversee the model|Drawn because the score is close to the threshold/);
    expect(queueText).not.toMatch(/\brandom\b|near_threshold/);
    // A sample's date is the insurer's own service level, and says so.
    const sampleRow = queueRows(page).filter({ hasText: 'Sample check' }).first();
    expect(await sampleRow.innerText()).toContain('Internal service level, not a legal deadline');
    await checkA11y(page, 'reviewer-day-queue');
    await screenshot(page, 'reviewer-day-queue', { fullPage: false });
    await page.setViewportSize(PHONE);
    await checkA11y(page, 'reviewer-day-queue-360');
    await screenshot(page, 'reviewer-day-queue-360', { size: PHONE });
    await page.setViewportSize(DESKTOP);

    // Search by claim number: exactly that claim's case, and the search is in the address.
    const { items } = await api<{ items: Row[] }>(page, '/api/cases?type=fraud_flag&status=open&origin=objection&limit=5');
    const claimId = items[0]!.about!.claimId!;
    await page.getByLabel('Claim, policy or member number').fill(claimId);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(claimId);
    await expect.poll(() => queueRows(page).count()).toBe(1);
    expect(await queueRows(page).first().innerText()).toContain(`claim ${claimId}`);
    await checkA11y(page, 'reviewer-day-search');
    await screenshot(page, 'reviewer-day-search');
    // By member number: every row is that member's.
    const memberId = items[0]!.about!.memberId!;
    await page.getByLabel('Claim, policy or member number').fill(memberId);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(memberId);
    await expect.poll(async () => (await queueRows(page).allInnerTexts()).every((text) => text.includes(`Member ${memberId} `))).toBe(true);
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBeNull();
  });

  it('fraud.reviewer opens a sample from a filtered queue, reads staff wording, goes to the next case and back to the same view', async () => {
    const { page } = await signedIn('fraud.reviewer');
    await page.getByLabel('Origin').selectOption('sample');
    await expect.poll(() => new URL(page.url()).searchParams.get('origin')).toBe('sample');
    await queueRows(page).first().waitFor();
    const firstLink = queueRows(page).first().getByRole('link');
    const href = (await firstLink.getAttribute('href'))!;
    expect(href).toMatch(/^\/review\/cases\/case_[0-9a-f]{24}_\d+\?origin=sample$/);
    const caseId = href.split('?')[0]!.split('/').pop()!;
    await firstLink.click();
    await page.getByRole('heading', { name: 'Claim check · Sample check' }).waitFor();

    // A sample's due date is the configured service level (14 days by default), not the member's month.
    const { case: c } = await api<{ case: Row }>(page, `/api/cases/${caseId}`);
    const days = (Date.parse(c.dueAt) - Date.parse(c.receivedAt)) / 86_400_000;
    expect(days).toBeGreaterThan(13);
    expect(days).toBeLessThan(15);
    const facts = page.getByRole('complementary', { name: 'Case details and actions' });
    expect(await facts.textContent()).toContain('Internal target'); // textContent: the term is shown in capitals
    expect(await facts.textContent()).toContain('Internal service level, not a legal deadline');

    // Staff wording: the feature is "Region", not the member's "region where you live".
    const inputs = page.getByRole('region', { name: 'Inputs' });
    await inputs.waitFor();
    expect(await inputs.innerText()).toMatch(/\bRegion\b/);
    expect(await page.locator('main').innerText()).not.toMatch(/where you live/i);
    // Every time of day on the page names its zone.
    const times = await page.locator('.timeline time').allInnerTexts();
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time).toMatch(ZONED);
    await checkA11y(page, 'reviewer-day-sample-case');
    await screenshot(page, 'reviewer-day-sample-case', { fullPage: true });

    // Next case: another sample, and the view still travels along.
    await page.getByRole('link', { name: 'Next case' }).click();
    await page.waitForURL((url) => url.pathname !== `/review/cases/${caseId}`);
    expect(new URL(page.url()).search).toBe('?origin=sample');
    await page.getByRole('heading', { name: 'Claim check · Sample check' }).waitFor();

    // Back: the queue as it was left.
    await page.getByRole('link', { name: 'Back to the queue as you left it' }).click();
    await expectPath(page, '/review');
    expect(new URL(page.url()).search).toBe('?origin=sample');
    expect(await page.getByLabel('Origin').inputValue()).toBe('sample');
  });

  it('fraud.reviewer claims and confirms a case, and finds it under "My work" whatever its state', async () => {
    const { page } = await signedIn('fraud.reviewer');
    await page.getByLabel('Origin').selectOption('sample');
    const link = queueRows(page).first().getByRole('link');
    await link.waitFor();
    const caseId = (await link.getAttribute('href'))!.split('?')[0]!.split('/').pop()!;
    await link.click();
    await page.getByRole('button', { name: 'Claim this case' }).click();
    await page.getByText('You claimed this case.').waitFor();
    await page.getByLabel('Confirm the decision').check();
    await page.getByRole('textbox', { name: 'Rationale' }).fill('Score and inputs checked against the claim file; the hold stands as it is.');
    await page.getByRole('button', { name: 'Confirm the decision' }).click();
    await page.getByText('This case is closed. Nothing more can be done on it.').waitFor();

    await page.getByRole('link', { name: 'Back to the queue as you left it' }).click();
    await page
      .getByRole('navigation', { name: 'Views of the queue' })
      .getByRole('link', { name: /^My work/ })
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get('mine')).toBe('1');
    const mine = queueRows(page).filter({ has: page.locator(`a[href^="/review/cases/${caseId}?"]`) });
    await mine.waitFor();
    expect(await mine.innerText()).toContain('Resolved');
    expect(await mine.innerText()).toContain('Assigned to you');
    // The view's count is what the view lists, closed cases included.
    const rowsShown = await queueRows(page).count();
    await expect
      .poll(() =>
        page
          .getByRole('navigation', { name: 'Views of the queue' })
          .getByRole('link', { name: /^My work/ })
          .innerText(),
      )
      .toMatch(new RegExp(`My work\\s*${rowsShown}$`));
    await checkA11y(page, 'reviewer-day-my-work');
    await screenshot(page, 'reviewer-day-my-work');
  });

  it('senior.reviewer sees the waiting proposals in the navigation and the inbox, and rejects one with a reason', async () => {
    // pricing.reviewer proposes an override (the form itself is the review story's).
    const pricing = await signedIn('pricing.reviewer');
    const { items } = await api<{ items: Row[] }>(pricing.page, '/api/cases?type=renewal_price&status=open&origin=objection&limit=5');
    const target = items[0]!;
    story.proposedCaseId = target.id;
    const claimed = await pricing.page.request.post(`/api/cases/${target.id}/claim`, { data: { expectedVersion: target.version } });
    expect(claimed.status()).toBe(200);
    const proposed = await pricing.page.request.post(`/api/cases/${target.id}/resolve`, {
      data: {
        outcome: 'override',
        override: { newPremiumCents: target.about!.outcome.previousPremiumCents },
        rationale: 'The member’s claims were miscounted; the premium stays as it was last year.',
        expectedVersion: target.version + 1,
      },
    });
    expect(proposed.status()).toBe(200);

    const { page } = await signedIn('senior.reviewer');
    const { awaitingMe } = await api<{ awaitingMe: number }>(page, '/api/cases/counts');
    expect(awaitingMe).toBeGreaterThanOrEqual(2); // the seed's and this one
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect.poll(() => nav.locator('.nav-count').textContent()).toContain(`${awaitingMe} overrides waiting for your approval`);
    await nav.getByRole('link', { name: 'Approvals' }).click();
    await expectPath(page, '/approvals');
    await expect.poll(() => heading(page)).toBe('Approvals');
    await expect.poll(() => queueRows(page).count()).toBe(awaitingMe);
    const row = queueRows(page).filter({ has: page.locator(`a[href="/review/cases/${target.id}?awaiting=1"]`) });
    expect(await row.innerText()).toMatch(/Assigned to Pieter Claes/);
    expect(await row.innerText()).toMatch(/premium €[\d,.]+ → €[\d,.]+ \([+−-][\d.]+%\)/);
    await checkA11y(page, 'reviewer-day-approvals');
    await screenshot(page, 'reviewer-day-approvals');
    // At 360 px the inbox and its count are in sight, not scrolled away.
    await page.setViewportSize(PHONE);
    for (const item of [nav.getByRole('link', { name: 'Approvals' }), nav.locator('.nav-count')]) {
      const box = (await item.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    }
    await checkA11y(page, 'reviewer-day-approvals-360');
    await screenshot(page, 'reviewer-day-approvals-360', { size: PHONE });
    await page.setViewportSize(DESKTOP);

    await row.getByRole('link').click();
    await page.getByRole('heading', { name: 'Approve or reject' }).waitFor();
    // Colleagues' names arrive with the directory, just after the case.
    await expect.poll(() => page.locator('main').innerText()).toContain('Proposed by Pieter Claes');
    await page.getByLabel('Your reasoning').fill('The claims register still lists three claims on this policy; please check again.');
    await page.getByRole('button', { name: 'Reject it' }).click();
    await page.getByText('Override rejected. The case is back in review.').waitFor();
    // Back to the inbox: one fewer.
    await page.getByRole('link', { name: 'Back to the queue as you left it' }).click();
    await expectPath(page, '/approvals');
    await expect.poll(() => queueRows(page).count()).toBe(awaitingMe - 1);
  });

  it('pricing.reviewer sees that the proposal was rejected, by whom and why', async () => {
    const { page } = await signedIn('pricing.reviewer');
    await page
      .getByRole('navigation', { name: 'Views of the queue' })
      .getByRole('link', { name: /^My work/ })
      .click();
    const row = queueRows(page).filter({ has: page.locator(`a[href^="/review/cases/${story.proposedCaseId}?"]`) });
    await row.waitFor();
    expect(await row.innerText()).toContain('Proposal rejected');
    await checkA11y(page, 'reviewer-day-rejected-row');
    await row.getByRole('link').click();
    const notice = page.getByRole('note').filter({ hasText: 'rejected your proposed override' });
    await notice.waitFor();
    await expect.poll(() => notice.innerText()).toMatch(/^Sofie Dubois rejected your proposed override on \d{1,2} \w{3} \d{4}, \d{2}:\d{2} CES?T\./);
    expect(await notice.innerText()).toContain('The claims register still lists three claims on this policy');
    await checkA11y(page, 'reviewer-day-rejected');
    await screenshot(page, 'reviewer-day-rejected', { fullPage: true });
  });

  it('senior.reviewer unassigns the case and gives it to a colleague by name', async () => {
    const { page } = await signedIn('senior.reviewer');
    await page.goto(`/review/cases/${story.proposedCaseId}`);
    const facts = page.getByRole('complementary', { name: 'Case details and actions' });
    await expect.poll(() => facts.innerText()).toContain('Pieter Claes');

    await page.getByRole('button', { name: 'Unassign: back to the queue' }).click();
    await page.getByText('The case is back in the queue for anyone in scope to claim.').waitFor();
    await expect.poll(() => facts.innerText()).toContain('Not assigned');
    await page.getByText('Back to the queue, unassigned').waitFor();

    // Colleagues by name, only those who review renewals (not the fraud reviewer).
    const colleague = page.getByLabel('Colleague', { exact: true });
    const options = await colleague.locator('option').allInnerTexts();
    expect(options).toEqual(['Choose a colleague', 'Pieter Claes', 'Sofie Dubois (you)']);
    await colleague.selectOption({ label: 'Pieter Claes' });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText('The case was assigned.').waitFor();
    await expect.poll(() => facts.innerText()).toContain('Pieter Claes');
    await page.getByText('Assigned to Pieter Claes').first().waitFor();
    await checkA11y(page, 'reviewer-day-reassigned');
    await screenshot(page, 'reviewer-day-reassigned', { fullPage: true });

    await page.goto(
      `/review?status=in_review&q=${encodeURIComponent((await api<{ case: Row; decision: { subject: { memberId: string } } }>(page, `/api/cases/${story.proposedCaseId}`)).decision.subject.memberId)}`,
    );
    const row = queueRows(page).filter({ has: page.locator(`a[href^="/review/cases/${story.proposedCaseId}?"]`) });
    expect(await row.innerText()).toContain('Assigned to Pieter Claes');
  });
});
