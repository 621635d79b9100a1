/**
 * The whole story in a real browser, on one server: a member reads an explanation in Dutch and
 * contests it; a pricing reviewer finds the case in the queue, meets a stale view, claims it and
 * proposes an override; a senior reviewer approves it (four eyes); the member sees the new premium
 * as the outcome that applies, with the original kept. Every page is checked with axe and saved
 * as a screenshot (member-*, reviewer-*; in docs/screenshots by `npm run screenshots`).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { expectPath, heading, signIn } from './support/actions';
import { checkA11y, describeInBrowser, launchBrowser, openPage, PHONE, screenshot, type BrowserPage } from './support/browser';
import { startServer, type E2eServer } from './support/server';

const EURO_NL = /€\s?\d{1,3}(\.\d{3})*,\d{2}/;

describeInBrowser('contest, review and four-eyes approval', () => {
  let server: E2eServer;
  let browser: Browser;
  const opened: BrowserPage[] = [];
  /** Carried from step to step: the story runs in order on one server. */
  const story: { decisionId?: string; caseId?: string; anna?: BrowserPage } = {};

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });

  afterAll(async () => {
    for (const p of opened) p.assertNoErrors();
    await Promise.all(opened.map((p) => p.close()));
    await browser?.close();
    await server?.stop();
  });

  afterEach(() => {
    for (const p of opened) p.assertNoErrors();
  });

  const open = async (options?: Parameters<typeof openPage>[2]) => {
    const p = await openPage(browser, server.baseUrl, options);
    opened.push(p);
    return p;
  };

  const signedIn = async (username: string) => {
    const p = await open();
    await p.page.goto('/sign-in');
    await signIn(p.page, username);
    return p;
  };

  /** Waits until the lazily loaded chart has drawn, and counts its bars (an empty bin's bar has no height). */
  const chartBars = async (page: Page, figure: string) => {
    await page.locator(`${figure} .recharts-bar-rectangle`).first().waitFor({ state: 'attached' });
    return page.locator(`${figure} .recharts-bar-rectangle`).count();
  };

  it('anna reads her renewal explanation in Dutch, with the factors chart, and contests it', async () => {
    const anna = await signedIn('anna');
    story.anna = anna;
    const { page } = anna;
    await expectPath(page, '/decisions');

    // demo-0 is anna's renewal increase that the demo seed leaves uncontested for this story.
    const { items } = (await (await page.request.get('/api/decisions?type=renewal_price&limit=100')).json()) as {
      items: { id: string; idempotencyKey: string }[];
    };
    const decisionId = items.find((d) => d.idempotencyKey === 'demo-0')!.id;
    story.decisionId = decisionId;
    await page.locator(`a[href="/decisions/${decisionId}"]`).click();
    await expectPath(page, `/decisions/${decisionId}`);

    await page.getByLabel('Language').selectOption('nl');
    await expect.poll(() => heading(page)).toBe('Beslissing: Verlengingspremie');
    const lead = page.locator('.explanation .lead');
    await lead.waitFor();
    expect(await lead.textContent()).toMatch(/^Uw jaarpremie gaat van €\s?710,00 naar €\s?849,95, dat is €\s?139,95 meer\.$/);
    expect(await page.locator('main').innerText()).toMatch(EURO_NL);

    // The chart: one labelled bar per factor, and the same numbers as a table for screen readers.
    const factors = await page.locator('.factor-list li').count();
    expect(factors).toBeGreaterThan(0);
    expect(await chartBars(page, '.chart-contributions')).toBe(factors);
    // Labels may wrap over several <tspan> lines; read each as one line of words.
    const barLabels = await page
      .locator('.chart-contributions svg text')
      .evaluateAll((nodes) =>
        nodes.map((n) => (n.querySelectorAll('tspan').length ? [...n.querySelectorAll('tspan')].map((s) => s.textContent).join(' ') : n.textContent)),
      );
    expect(barLabels).toContain('Claims in de afgelopen 12 maanden');
    expect(barLabels.some((text) => /^(€\s?\+|\+€\s?)90,00$/.test(text ?? ''))).toBe(true); // Intl's nl-BE: "€ +90,00"
    const table = page.locator('.chart-contributions table');
    expect(await table.locator('tbody tr').count()).toBe(factors);
    expect(await table.locator('tbody tr').first().innerText()).toMatch(/Claims in de afgelopen 12 maanden\s+(€\s?\+|\+€\s?)90,00/);
    expect(await page.getByRole('heading', { name: 'Wat de uitkomst zou kunnen veranderen' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Uw rechten' }).count()).toBe(1);
    await checkA11y(page, 'member-decision-explanation-nl');
    await screenshot(page, 'member-decision-explanation-nl', { fullPage: true });
    await screenshot(page, 'member-decision-explanation-nl-360', { size: PHONE, fullPage: true });

    await page.getByRole('link', { name: 'Deze beslissing betwisten' }).click();
    await expectPath(page, `/decisions/${decisionId}/contest`);
    await expect.poll(() => heading(page)).toBe('Deze beslissing betwisten');
    // The answer can be expected one calendar month from today.
    expect(await page.locator('.deadline-box').innerText()).toMatch(/uiterlijk op \d{1,2} \w+ \d{4}, één maand na vandaag/);

    // Sending without a statement explains what is missing instead of failing silently.
    await page.getByRole('button', { name: 'Mijn bezwaar versturen' }).click();
    await page.getByText('Vertel ons waarom u het er niet mee eens bent.', { exact: true }).waitFor();
    expect(await page.getByLabel('Waarom bent u het er niet mee eens?').getAttribute('aria-invalid')).toBe('true');
    await page
      .getByLabel('Waarom bent u het er niet mee eens?')
      .fill('Twee van de drie claims waren voor mijn dochter, die sinds januari haar eigen polis heeft. Ze horen niet bij mijn premie.');
    await page.getByLabel('Welke uitkomst vraagt u?').fill('Een premie berekend met één claim.');
    await checkA11y(page, 'member-contest-nl');
    await screenshot(page, 'member-contest-nl', { fullPage: true });
    await page.getByRole('button', { name: 'Mijn bezwaar versturen' }).click();

    await page.getByRole('heading', { name: 'We hebben uw bezwaar ontvangen' }).waitFor();
    expect(await page.locator('.deadline').innerText()).toMatch(/U krijgt ons antwoord uiterlijk op \d{1,2} \w+ \d{4}/);
    await checkA11y(page, 'member-objection-received-nl');
    await screenshot(page, 'member-objection-received-nl');

    await page.getByRole('link', { name: 'Uw dossier volgen' }).click();
    await page.waitForURL(/\/cases\/case_[0-9a-f]{24}_\d+$/);
    story.caseId = new URL(page.url()).pathname.split('/').pop();
    await expect.poll(() => heading(page)).toBe('Uw bezwaar tegen een beslissing: Verlengingspremie');
    await page.getByText('U hebt de beslissing betwist').waitFor();
    await checkA11y(page, 'member-case-nl');
    await screenshot(page, 'member-case-nl', { fullPage: true });

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn dossiers' }).click();
    await page.locator(`a[href="/cases/${story.caseId}"]`).waitFor();
    await checkA11y(page, 'member-cases-nl');
    await screenshot(page, 'member-cases-nl');

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn beslissingen' }).click();
    const item = page.locator('.decision-item', { has: page.locator(`a[href="/decisions/${decisionId}"]`) });
    await item.getByText('Betwist').waitFor();
  });

  it('pricing.reviewer finds the case in the queue, meets a stale view, claims it and proposes an override', async () => {
    const { page, allowConsoleError } = await signedIn('pricing.reviewer');
    allowConsoleError(/status of 409/);
    await expectPath(page, '/review');
    await page.getByLabel('Origin').selectOption('objection');
    // The case's link carries the queue's view, so "back" and "next case" know it.
    const link = page.locator(`a[href="/review/cases/${story.caseId}?origin=objection"]`);
    await link.waitFor();
    expect(await link.textContent()).toMatch(/^Renewal price · policy P-\d+ · Objection in the portal$/);
    await checkA11y(page, 'reviewer-queue');
    await screenshot(page, 'reviewer-queue');
    await screenshot(page, 'reviewer-queue-360', { size: PHONE });

    await link.click();
    await expectPath(page, `/review/cases/${story.caseId}`);
    await expect.poll(() => heading(page)).toBe('Renewal price · Objection in the portal');
    await page.getByText('Twee van de drie claims waren voor mijn dochter', { exact: false }).first().waitFor();
    await page.getByRole('heading', { name: 'Model and basis' }).waitFor();
    expect(await page.locator('.case-page').innerText()).toContain('renewal-tariff');
    expect(await chartBars(page, '.chart-contributions')).toBeGreaterThan(0);
    await checkA11y(page, 'reviewer-case-open');
    await screenshot(page, 'reviewer-case-open', { fullPage: true });

    // Someone else changes the case behind this page's back: the claim must not overwrite it.
    const stale = await page.request.post(`/api/cases/${story.caseId}/comments`, {
      data: { text: 'Checked the claims register before review.', visibility: 'internal', expectedVersion: 1 },
    });
    expect(stale.status()).toBe(201);
    await page.getByRole('button', { name: 'Claim this case' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'This case changed since you opened it' });
    await conflict.waitFor();
    await page.getByText('Checked the claims register before review.').waitFor(); // the current state, reloaded
    await expect.poll(() => conflict.innerText()).toMatch(/now: Open/);
    await screenshot(page, 'reviewer-case-conflict');

    await page.getByRole('button', { name: 'Claim this case' }).click();
    await page.getByText('You claimed this case.').waitFor();

    await page.getByLabel('Change the outcome (override)').check();
    await page.getByLabel('New yearly premium (EUR)').fill('749.95');
    await page.getByRole('textbox', { name: 'Rationale' }).fill('Two of the three claims belong to the daughter’s own policy; recalculated with one claim.');
    await checkA11y(page, 'reviewer-case-resolve');
    await page.getByRole('button', { name: 'Propose the override' }).click();
    await page.getByText('Your override is proposed. A second person must approve it.').waitFor();
    await page.getByText('You proposed this override. Another approver must decide on it.').waitFor();
    await checkA11y(page, 'reviewer-case-proposed');
    await screenshot(page, 'reviewer-case-proposed');
  });

  it('senior.reviewer approves the override (four eyes)', async () => {
    const { page } = await signedIn('senior.reviewer');
    await expectPath(page, '/review');
    await page.getByLabel('Status').selectOption('pending_approval');
    await page.locator(`a[href="/review/cases/${story.caseId}?status=pending_approval"]`).click();
    await page.getByRole('heading', { name: 'Approve or reject' }).waitFor();
    expect(await page.locator('#action-approve').locator('..').innerText()).toMatch(/New premium €749\.95/);
    await page.getByLabel('Your reasoning').fill('Policy register confirms the two claims belong to P-5099.');
    await checkA11y(page, 'reviewer-case-approval');
    await screenshot(page, 'reviewer-case-approval', { fullPage: true });
    await page.getByRole('button', { name: 'Approve the override' }).click();
    await page.getByText('Override approved. The new outcome applies now.').waitFor();
    await page.getByText('This case is closed. Nothing more can be done on it.').waitFor();
    await checkA11y(page, 'reviewer-case-resolved');
  });

  it('anna sees the new premium as the outcome that applies, with the original kept', async () => {
    const { page } = story.anna!;
    await page.goto(`/decisions/${story.decisionId}`);
    await expect.poll(() => heading(page)).toBe('Beslissing: Verlengingspremie');
    const effective = page.getByRole('region', { name: 'Uitkomst die nu geldt' });
    await expect.poll(() => effective.innerText()).toMatch(/Nieuwe premie €\s?749,95/);
    expect(await effective.innerText()).toContain('Een medewerker heeft deze beslissing herzien en de uitkomst gewijzigd.');
    expect(await page.getByRole('region', { name: 'Geautomatiseerde uitkomst' }).innerText()).toMatch(/Nieuwe premie €\s?849,95/);
    expect(await page.locator('.title-badges').innerText()).toContain('Gewijzigd na herziening');
    await checkA11y(page, 'member-decision-changed-nl');
    await screenshot(page, 'member-decision-changed-nl');

    await page.goto(`/cases/${story.caseId}`);
    await page.getByRole('heading', { name: 'Ons antwoord: de beslissing werd gewijzigd' }).waitFor();
    await checkA11y(page, 'member-case-answered-nl');
    await screenshot(page, 'member-case-answered-nl', { fullPage: true });
  });

  it('anna downloads her data', async () => {
    const { page } = story.anna!;
    await page.getByLabel('Taal').selectOption('en');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My data' }).click();
    await expect.poll(() => heading(page)).toBe('My data');
    await checkA11y(page, 'member-my-data');
    await screenshot(page, 'member-my-data');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my data' }).click()]);
    expect(download.suggestedFilename()).toBe('recourse-my-data.json');
    await page.getByText('Your download has started.').waitFor();
  });

  it('bram follows his extended case and withdraws it, after confirming', async () => {
    const { page } = await signedIn('bram');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My cases' }).click();
    await expect.poll(() => heading(page)).toBe('My cases');
    await page.getByRole('link', { name: 'Your objection to a Risk score decision' }).click();
    await expect.poll(() => heading(page)).toBe('Your objection to a Risk score decision');
    // The seed extended this case by two months, with a reason the member reads.
    await page.getByText('We asked your doctor for a short report', { exact: false }).first().waitFor();
    await page.getByText('The deadline was extended').waitFor();
    await screenshot(page, 'member-case-extended-360', { size: PHONE, fullPage: true });

    // Escape cancels; nothing is withdrawn.
    await page.getByRole('button', { name: 'Withdraw my objection' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw your objection?' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('No, keep my objection');
    await checkA11y(page, 'member-withdraw-dialog');
    await screenshot(page, 'member-case-withdraw-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.locator('.title-badges').innerText()).toBe('Being reviewed');

    await page.getByRole('button', { name: 'Withdraw my objection' }).click();
    await dialog.getByRole('button', { name: 'Yes, withdraw it' }).click();
    await expect.poll(() => page.locator('.title-badges').innerText()).toBe('Withdrawn');
    await page.getByText('You withdrew your objection. The decision stays as it was.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('case-status-title');
    expect(await page.getByRole('button', { name: 'Withdraw my objection' }).count()).toBe(0);
  });

  it('pricing.reviewer registers an objection received by phone from the decisions list', async () => {
    const { page } = await signedIn('pricing.reviewer');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decisions' }).click();
    await expectPath(page, '/decisions');
    await expect.poll(() => heading(page)).toBe('Decisions');
    await page.getByLabel('Type').selectOption('renewal_price');
    await page.getByLabel('Member number').fill('M-1003');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.waitForURL(/member=M-1003/);
    await page.locator('.decision-item').first().waitFor();
    await checkA11y(page, 'reviewer-decisions');
    await screenshot(page, 'reviewer-decisions');

    // A renewal of that member with no objection under review.
    const { items } = (await (await page.request.get('/api/decisions?type=renewal_price&memberId=M-1003&limit=50')).json()) as { items: { id: string }[] };
    let target: string | undefined;
    for (const { id } of items) {
      const detail = (await (await page.request.get(`/api/decisions/${id}`)).json()) as { cases: { origin: string; status: string }[] };
      if (!detail.cases.some((c) => c.origin === 'objection' && ['open', 'in_review', 'pending_approval'].includes(c.status))) {
        target = id;
        break;
      }
    }
    expect(target).toBeDefined();
    await page.locator(`a[href="/decisions/${target}"]`).click();
    await page.getByRole('heading', { name: 'Register an objection by phone or post' }).waitFor();
    await page.getByRole('heading', { name: 'Inputs' }).waitFor();
    await checkA11y(page, 'reviewer-decision');
    await screenshot(page, 'reviewer-decision', { fullPage: true });

    await page.getByRole('radio', { name: 'Phone' }).check();
    await page.getByLabel('What the member said or wrote').fill('Called to say the premium rise is too steep after twenty years without claims.');
    await page.getByRole('button', { name: 'Register the objection' }).click();
    await page.waitForURL(/\/review\/cases\/case_/);
    await expect.poll(() => heading(page)).toBe('Renewal price · Objection by phone');
    await page.getByText('Objection received by phone').waitFor();
  });

  it('governance reads a case with the model’s outcome distribution, without actions', async () => {
    const { page } = await signedIn('governance');
    await page.goto(`/review/cases/${story.caseId}`);
    await page.getByRole('heading', { name: 'Where this outcome sits' }).waitFor();
    expect(await chartBars(page, '.chart-distribution')).toBeGreaterThan(0);
    expect(await page.locator('.chart-distribution figcaption').innerText()).toMatch(/Outcomes of all [\d,]+ decisions by model version 2026\.2/);
    expect(await page.getByRole('heading', { name: 'Actions' }).count()).toBe(0);
    await checkA11y(page, 'reviewer-case-distribution');
    await screenshot(page, 'reviewer-case-distribution', { fullPage: true });
  });
});
