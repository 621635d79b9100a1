import { expect, it } from 'vitest';
import { DEMO_INGEST_KEY } from '../../server/config';
import { renewalDecision, riskDecision } from '../support/fixtures';
import { expectPath, heading } from './support/actions';
import { checkA11y, describeInBrowser, screenshot } from './support/browser';
import { useStage } from './support/stage';

/** Issue 18 in the browser: a standing request for a person (Art. 21/22), and consent withdrawal (Art. 7(3)) in Dutch. */
describeInBrowser('a person in future decisions, and consent withdrawn', () => {
  const stage = useStage();

  /** The scoring service records a decision made just now. */
  const ingest = async (body: object): Promise<string> => {
    const res = await fetch(`${stage.server.baseUrl}/api/decisions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEMO_INGEST_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  it('anna asks for a person in her renewals; the next renewal opens a review she and the reviewer see', async () => {
    const { page } = await stage.signedIn('anna');
    await page.goto('/my-data');
    await expectPath(page, '/my-data');
    await expect.poll(() => heading(page)).not.toBe('');
    const renewals = page.getByRole('checkbox', { name: 'my renewal price' });
    expect(await renewals.isChecked()).toBe(false);
    await renewals.click();
    await page.getByText('Your choice is saved and applies now.').waitFor();
    expect(await renewals.isChecked()).toBe(true);
    await page.getByText(/You asked for a person in decisions about my renewal price/).waitFor();
    await checkA11y(page, 'automation-preferences');
    await screenshot(page, 'automation-preferences', { fullPage: true });

    const id = await ingest(renewalDecision({ subject: { memberId: 'M-1001', policyId: 'P-5001' }, decidedAt: new Date().toISOString() }));
    await page.goto(`/decisions/${id}`);
    await page.getByRole('heading', { name: 'A person reviews this decision' }).waitFor();
    expect(await page.getByText('You asked that a person be involved in decisions of this kind').count()).toBe(1);
    await checkA11y(page, 'decision-human-review');
    await screenshot(page, 'decision-human-review', { fullPage: true });
    // Her case page says why it is there, and offers no withdrawal (that is taking the request back).
    await page.locator('section[aria-labelledby="human-review-title"] a').click();
    await page.waitForURL(/\/cases\/case_/);
    await page.getByRole('heading', { name: 'A person reviews this decision' }).waitFor();
    expect(await page.getByRole('heading', { name: 'What you told us' }).count()).toBe(0);
    await checkA11y(page, 'member-case-human-review');

    const reviewer = (await stage.signedIn('pricing.reviewer')).page;
    const detail = (await (await reviewer.request.get(`/api/decisions/${id}`)).json()) as { cases: { id: string; origin: string }[] };
    const review = detail.cases.find((c) => c.origin === 'human_review');
    expect(review).toBeDefined();
    await reviewer.goto(`/review/cases/${review!.id}`);
    await reviewer.getByRole('heading', { name: 'Why a person reviews this decision' }).waitFor();
    expect(await heading(reviewer)).toContain('Review the member asked for');
    expect(await reviewer.getByText(/The member asked that a person be involved in every decision of this type/).count()).toBe(1);
    await checkA11y(reviewer, 'case-human-review');
    await screenshot(reviewer, 'case-human-review', { fullPage: true });

    // Taken back: the box is clear again, and the history says so.
    await page.goto('/my-data');
    await renewals.click();
    await page.getByText(/You took back your request for a person/).waitFor();
    expect(await renewals.isChecked()).toBe(false);
  });

  it('bram withdraws his consent for risk scores in Dutch, after confirming; a later one is reviewed by a person', async () => {
    const { page } = await stage.signedIn('bram');
    // The portal's language first (My data has a second Language field: the one we write to him in).
    await expectPath(page, '/decisions');
    await page.getByLabel('Language').selectOption('nl');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await page.getByRole('link', { name: 'Mijn gegevens' }).click();
    await expectPath(page, '/my-data');
    await page.getByRole('heading', { name: 'Uw toestemming intrekken' }).waitFor();
    await page.getByRole('checkbox', { name: 'mijn risicoscore' }).last().check();
    await page.getByRole('button', { name: 'Toestemming intrekken…' }).click();
    await page.getByText(/Weet u het zeker\?/).waitFor();
    await checkA11y(page, 'consent-confirm-nl');
    await screenshot(page, 'consent-confirm-nl', { fullPage: true });
    await page.getByRole('button', { name: 'Ja, trek mijn toestemming in' }).click();
    await page.getByText('Uw toestemming is ingetrokken.').waitFor();
    await page.getByText(/Toestemming voor beslissingen over mijn risicoscore ingetrokken op/).waitFor();
    await checkA11y(page, 'consent-withdrawn-nl');
    await screenshot(page, 'consent-withdrawn-nl', { fullPage: true });

    const id = await ingest(riskDecision({ subject: { memberId: 'M-1002' }, decidedAt: new Date().toISOString() }));
    await page.goto(`/decisions/${id}`);
    await page.getByRole('heading', { name: 'Een mens beoordeelt deze beslissing' }).waitFor();
    expect(await page.getByText(/U hebt uw toestemming voor beslissingen van deze soort ingetrokken/).count()).toBe(1);
    await checkA11y(page, 'decision-consent-withdrawn-nl');
    await screenshot(page, 'decision-consent-withdrawn-nl', { fullPage: true });
  });
});
