import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { expectPath, heading } from './support/actions';
import { checkA11y, describeInBrowser, PHONE, screenshot } from './support/browser';
import { useStage } from './support/stage';

/** A small real PDF, as a member would attach an invoice. */
const INVOICE = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/**
 * A member's day with the portal (issue 17, points 6–10): premiums per policy, adding information
 * to an open case (and the reviewer asking for it), a decision changed in their favour, their
 * requests and a printable export, the language kept on the account, and all of it at 360 px.
 */
describeInBrowser('member portal, a day of use', () => {
  // One reviewer may change a premium here (no four-eyes on renewals), so the story stays short.
  const stage = useStage({ env: { FOUR_EYES_TYPES: 'fraud_flag' } });
  const story: { decisionId?: string; caseId?: string } = {};
  const signedIn = async (username: string, options?: Parameters<typeof stage.signedIn>[1]): Promise<Page> => (await stage.signedIn(username, options)).page;

  it('6 · anna sees her premium now per policy, the one in force marked and older ones folded', async () => {
    const page = await signedIn('anna');
    await expectPath(page, '/decisions');
    await page.getByRole('heading', { name: 'Your premium now' }).waitFor();
    const groups = page.locator('.policy-group');
    const policies = await groups.locator('.policy-title').allTextContents();
    expect(policies.length).toBeGreaterThan(0);
    expect(new Set(policies).size).toBe(policies.length);
    // Exactly one decision in force per policy, and it is the newest of its policy.
    for (let i = 0; i < policies.length; i++) {
      const group = groups.nth(i);
      expect(await group.locator('.badge-in-force').count()).toBe(1);
      const times = await group.locator('.decision-item time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')!));
      expect(times[0]).toBe([...times].sort().reverse()[0]);
    }
    const folded = page.locator('.older-decisions').first();
    if (await folded.count()) {
      expect(await folded.locator('.decision-item').first().isVisible()).toBe(false);
      await folded.locator('summary').click();
      expect(await folded.locator('.decision-item').first().isVisible()).toBe(true);
    }
    // Fraud checks and risk scores are listed apart, under their own heading.
    expect(await page.getByRole('heading', { name: 'Other decisions' }).count()).toBe(1);
    await checkA11y(page, 'day-premiums');
    await screenshot(page, 'day-premiums', { fullPage: true });

    const { items } = (await (await page.request.get('/api/decisions?type=renewal_price&limit=100')).json()) as {
      items: { id: string; idempotencyKey: string }[];
    };
    story.decisionId = items.find((d) => d.idempotencyKey === 'demo-0')!.id;
  });

  it('7 · anna adds a message and a document to her open case; the reviewer reads them and asks for more', async () => {
    const annaPage = await stage.signedIn('anna');
    const anna = annaPage.page;
    const filed = await anna.request.post(`/api/decisions/${story.decisionId}/objections`, {
      data: { statement: 'The claims counted in 2025 were not mine.' },
    });
    expect(filed.status()).toBe(201);
    story.caseId = ((await filed.json()) as { case: { id: string } }).case.id;

    // The case row names the decision it is about.
    await anna.getByRole('link', { name: 'My cases' }).click();
    await expectPath(anna, '/cases');
    const row = anna.locator('.decision-item', { has: anna.locator(`a[href="/cases/${story.caseId}"]`) });
    await expect.poll(() => row.innerText()).toMatch(/About: Renewal price, decided on .+ · policy P-\d+/);
    await checkA11y(anna, 'day-my-cases');
    await screenshot(anna, 'day-my-cases');

    await row.locator('a').click();
    await expectPath(anna, `/cases/${story.caseId}`);
    await anna.getByLabel('Your message').fill('The 2025 claims were for my neighbour, who has the same name.');
    await anna.getByRole('button', { name: 'Send message' }).click();
    await anna.getByText('Your message was added to your case.').waitFor();
    await anna.getByLabel('Document', { exact: true }).setInputFiles({ name: 'invoice-2025.pdf', mimeType: 'application/pdf', buffer: INVOICE });
    await anna.getByRole('button', { name: 'Add document' }).click();
    await anna.getByText('invoice-2025.pdf was added to your case.').waitFor();
    await anna.getByRole('link', { name: 'invoice-2025.pdf' }).waitFor();
    expect(await anna.locator('.timeline-entry').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('You added information'), expect.stringContaining('You added a document')]),
    );
    // A file whose bytes are not what its name says is refused, in words.
    annaPage.allowConsoleError(/status of 415/);
    await anna.getByLabel('Document', { exact: true }).setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: INVOICE });
    await anna.getByRole('button', { name: 'Add document' }).click();
    await anna.locator('.add-information [role="alert"]', { hasText: 'The contents of this file are not what its name says' }).waitFor();
    await checkA11y(anna, 'day-member-case');
    await screenshot(anna, 'day-member-case', { fullPage: true });

    const reviewer = await signedIn('pricing.reviewer');
    await reviewer.goto(`/review/cases/${story.caseId}`);
    await reviewer.getByRole('heading', { name: 'Documents' }).waitFor();
    await reviewer.getByRole('link', { name: 'invoice-2025.pdf' }).waitFor();
    expect(await reviewer.locator('.timeline').innerText()).toContain('The 2025 claims were for my neighbour');
    const download = await reviewer.request.get(
      await reviewer
        .getByRole('link', { name: 'invoice-2025.pdf' })
        .getAttribute('href')
        .then((h) => h!),
    );
    expect(Buffer.compare(await download.body(), INVOICE)).toBe(0);
    const dueBefore = await reviewer.locator('.facts').innerText();
    await reviewer.getByLabel('What do you need?').fill('Please send the invoice of the hospital stay in March 2025.');
    await reviewer.getByRole('button', { name: 'Ask the member' }).click();
    await reviewer.getByText('The member was asked; the request is on the case.').waitFor();
    expect(await reviewer.locator('.timeline').innerText()).toContain('Information asked of the member');
    // Asking stops no clock: the facts (the deadline among them) read as before.
    expect((await reviewer.locator('.facts').innerText()).split('\n').slice(0, 2)).toEqual(dueBefore.split('\n').slice(0, 2));
    await checkA11y(reviewer, 'day-reviewer-case');
    await screenshot(reviewer, 'day-reviewer-case', { fullPage: true });

    await anna.reload();
    await anna.getByText('The reviewer has asked you for more information').waitFor();
    expect(await anna.locator('.timeline').innerText()).toContain('Please send the invoice of the hospital stay in March 2025.');
    await screenshot(anna, 'day-member-case-asked');
  });

  it('8 · after a staff member lowers her premium, anna reads what changed and by whom, and is not offered to contest it', async () => {
    const reviewer = await signedIn('pricing.reviewer');
    const c = (await (await reviewer.request.get(`/api/cases/${story.caseId}`)).json()) as {
      case: { version: number };
      decision: { effectiveOutcome: { newPremiumCents: number } };
    };
    const claimed = await reviewer.request.post(`/api/cases/${story.caseId}/claim`, { data: { expectedVersion: c.case.version } });
    expect(claimed.status()).toBe(200);
    const resolved = await reviewer.request.post(`/api/cases/${story.caseId}/resolve`, {
      data: {
        outcome: 'override',
        rationale: 'The 2025 claims belong to another member; the premium without them.',
        override: { newPremiumCents: c.decision.effectiveOutcome.newPremiumCents - 5000 },
        expectedVersion: c.case.version + 1,
      },
    });
    expect(resolved.status()).toBe(200);

    const anna = await signedIn('anna');
    await anna.goto(`/decisions/${story.decisionId}`);
    await anna.getByRole('heading', { name: 'Changed in your favour' }).waitFor();
    expect(await anna.locator('.favour').innerText()).toMatch(/A staff member lowered your new premium from €[\d,.]+ to €[\d,.]+\./);
    expect(await anna.getByRole('link', { name: 'Contest this decision' }).count()).toBe(0);
    await checkA11y(anna, 'day-favourable');
    await screenshot(anna, 'day-favourable', { fullPage: true });
    // Typed in by hand, the contest page says the same, and the server refuses with its code.
    await anna.goto(`/decisions/${story.decisionId}/contest`);
    await anna.getByRole('heading', { name: 'Changed in your favour' }).waitFor();
    const refused = await anna.request.post(`/api/decisions/${story.decisionId}/objections`, { data: { statement: 'Again.' } });
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe('decision_already_in_favour');
  });

  it('9 · anna files an erasure request, reads her export as a printable page, and her language stays on her account', async () => {
    const anna = await signedIn('anna');
    await anna.getByRole('link', { name: 'My data' }).click();
    await expectPath(anna, '/my-data');
    await anna.getByLabel('Erase my data').check();
    await anna.getByLabel('Details').fill('Once my policies end, please erase what you no longer need.');
    await anna.getByRole('button', { name: 'File request' }).click();
    await anna.getByText('We have received your request.').waitFor();
    await anna.locator('.request-list li', { hasText: 'Erase my data' }).getByText('Received').waitFor();
    await checkA11y(anna, 'day-my-data');
    await screenshot(anna, 'day-my-data', { fullPage: true });

    await anna.getByRole('link', { name: 'Read it on screen or print it' }).click();
    await expectPath(anna, '/my-data/export');
    await expect.poll(() => heading(anna)).toBe('My data (M-1001)');
    await anna.getByRole('heading', { name: /\d+ decisions/ }).waitFor();
    await anna.getByRole('link', { name: 'invoice-2025.pdf' }).waitFor();
    await checkA11y(anna, 'day-export-page');
    await screenshot(anna, 'day-export-page', { fullPage: true });
    await anna.emulateMedia({ media: 'print' });
    expect(await anna.locator('.site-nav').isVisible()).toBe(false);
    await screenshot(anna, 'day-export-print', { fullPage: true });
    await anna.emulateMedia({ media: 'screen' });

    // The language she picks is kept on her account: a new browser, after sign-in, speaks it.
    await anna.getByLabel('Language').selectOption('fr');
    await expect.poll(() => heading(anna)).toBe('Mes données (M-1001)');
    await expect
      .poll(async () => ((await (await anna.request.get('/api/me/contact')).json()) as { language: string; languageChosen: boolean }).languageChosen)
      .toBe(true);
    const elsewhere = await signedIn('anna');
    await expectPath(elsewhere, '/decisions');
    await expect.poll(() => heading(elsewhere)).toBe('Mes décisions');
    expect(await elsewhere.evaluate(() => document.documentElement.lang)).toBe('fr');
    await screenshot(elsewhere, 'day-language-kept');
    await elsewhere.getByLabel('Langue').selectOption('en');
    await expect.poll(() => heading(elsewhere)).toBe('My decisions');
  });

  it('10 · at 360 px every navigation item is visible and reachable, for a member and a reviewer', async () => {
    for (const username of ['anna', 'pricing.reviewer']) {
      const page = await signedIn(username, { viewport: PHONE });
      const links = page.locator('.site-nav a');
      await links.first().waitFor();
      const count = await links.count();
      expect(count).toBeGreaterThan(1);
      for (let i = 0; i < count; i++) {
        const box = (await links.nth(i).boundingBox())!;
        expect(await links.nth(i).isVisible()).toBe(true);
        // Inside the screen, not behind a sideways scroll.
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      }
      const last = links.nth(count - 1);
      const target = await last.getAttribute('href');
      await last.click();
      await expectPath(page, target!);
      await checkA11y(page, `day-360-${username}`);
      await screenshot(page, `day-360-${username}`, { size: PHONE, fullPage: true });
    }
  });
});
