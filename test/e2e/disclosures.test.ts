/**
 * A disclosure of a fraud case, four-eyes, in a real browser: the fraud reviewer (with the
 * discloser role) discloses anna's held claim to her employer, the minimum plus the claim number
 * with its reason; the senior reviewer approves; governance reads it in the register. Every page
 * is checked with axe and saved as a screenshot (disclosure-*).
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { heading } from './support/actions';
import { checkA11y, describeInBrowser, screenshot } from './support/browser';
import { useStage } from './support/stage';

const EMPLOYER = 'Brouwerij De Klok NV';
const REASON = 'The employer administers the group policy and must match the claim number.';

describeInBrowser('disclosure of a fraud case, four-eyes', () => {
  const stage = useStage();
  const story: { caseId?: string } = {};

  /** Anna's held claim: the fraud case the fraud reviewer is on (demo seed). */
  async function annasHeldCase(page: Page): Promise<string> {
    const response = await page.request.get('/api/cases?status=in_review&type=fraud_flag&limit=100');
    const { items } = (await response.json()) as { items: { id: string; statement: string | null }[] };
    const held = items.find((c) => c.statement?.startsWith('This hospital bill is genuine'));
    expect(held).toBeDefined();
    return held!.id;
  }

  it('fraud.reviewer proposes the minimum and the claim number, with its reason, to the employer', async () => {
    const { page } = await stage.signedIn('fraud.reviewer');
    story.caseId = await annasHeldCase(page);
    await page.goto(`/review/cases/${story.caseId}`);
    await expect.poll(() => heading(page)).toMatch(/Claim check/);
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Disclosures', level: 2 }) });
    await section.waitFor();
    expect(await section.getByText('Nothing of this case has been disclosed.').count()).toBe(1);
    expect(await section.getByText('Always disclosed, the minimum: Case reference, Outcome.').count()).toBe(1);

    await section.getByLabel('Recipient', { exact: true }).selectOption('employer');
    await section.getByLabel('Name of the recipient').fill(EMPLOYER);
    // An extra field reveals its reason, which it needs: submitting without it is refused in the form.
    expect(await section.getByLabel('Why must Claim number leave?').count()).toBe(0);
    await section.getByLabel('Claim number').check();
    await section.getByRole('button', { name: 'Propose disclosure' }).click();
    await expect.poll(() => section.getByText('Give a reason of at least 10 characters for this field.').count()).toBe(1);
    await section.getByLabel('Why must Claim number leave?').fill(REASON);
    await checkA11y(page, 'disclosure-form');
    await screenshot(page, 'disclosure-form', { fullPage: true });
    await section.getByRole('button', { name: 'Propose disclosure' }).click();
    await expect.poll(() => section.getByText('Disclosure proposed. A second person must approve it before anything leaves.').count()).toBe(1);
    await expect.poll(() => section.getByText('Awaiting approval').count()).toBe(1);
    expect(await section.getByText('Fields: Case reference, Outcome, Claim number').count()).toBe(1);
    // The proposer is offered no approval of their own.
    expect(await section.getByRole('button', { name: 'Approve disclosure' }).count()).toBe(0);
    await checkA11y(page, 'disclosure-proposed');
  });

  it('senior.reviewer approves it (a second person)', async () => {
    const { page } = await stage.signedIn('senior.reviewer');
    await page.goto(`/review/cases/${story.caseId}`);
    await expect.poll(() => heading(page)).toMatch(/Claim check/);
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Disclosures', level: 2 }) });
    await section.getByText(REASON, { exact: false }).waitFor();
    await section.getByLabel('Your rationale (required to approve or reject)').fill('Second look: the minimum and the claim number are proportionate.');
    await checkA11y(page, 'disclosure-approval');
    await screenshot(page, 'disclosure-approval', { fullPage: true });
    await section.getByRole('button', { name: 'Approve disclosure' }).click();
    await expect.poll(() => section.getByText('Disclosed', { exact: true }).count()).toBe(1);
    expect(await section.getByRole('button', { name: 'Approve disclosure' }).count()).toBe(0);
  });

  it('governance reads it in the register', async () => {
    const { page } = await stage.signedIn('governance');
    await page.goto('/governance/audit');
    await expect.poll(() => heading(page)).toBe('Audit trail');
    const register = page.locator('section', { has: page.getByRole('heading', { name: 'Disclosure register', level: 2 }) });
    const row = register.locator('tbody tr', { hasText: EMPLOYER });
    await row.waitFor();
    expect(await row.innerText()).toContain('Case reference, Outcome, Claim number');
    expect(await row.innerText()).toContain('Disclosed');
    expect(await row.innerText()).toContain('fraud.reviewer');
    expect(await row.innerText()).toContain('senior.reviewer');
    expect(await row.innerText()).toContain(REASON);
    await register.scrollIntoViewIfNeeded();
    await checkA11y(page, 'disclosure-register');
    await screenshot(page, 'disclosure-register', { fullPage: true });
  });

  it('anna sees the recipient on her data page only once her fraud case is closed', async () => {
    const { page } = await stage.signedIn('anna');
    await page.goto('/my-data');
    const recipients = page.locator('section', { has: page.getByRole('heading', { name: 'Who received data about you', level: 2 }) });
    // Tipping off: while the case is open, nothing is shown.
    await expect.poll(() => recipients.getByText('We have not disclosed data about you to anyone outside the insurer.').count()).toBe(1);
    await checkA11y(page, 'disclosure-member-open');

    // The fraud reviewer resolves the case (through the API: the case story is tested elsewhere).
    const reviewer = await stage.signedIn('fraud.reviewer');
    const detail = await (await reviewer.page.request.get(`/api/cases/${story.caseId}`)).json();
    const resolved = await reviewer.page.request.post(`/api/cases/${story.caseId}/resolve`, {
      data: { outcome: 'confirm', rationale: 'Checked with the hospital: the check stands as it is.', expectedVersion: detail.case.version },
      headers: { Origin: stage.server.baseUrl },
    });
    expect(resolved.status()).toBe(200);

    await page.reload();
    await expect.poll(() => recipients.getByText(EMPLOYER, { exact: false }).count()).toBe(1);
    expect(await recipients.innerText()).toContain('Case reference, Outcome, Claim number');
    await checkA11y(page, 'disclosure-member-closed');
    await screenshot(page, 'disclosure-member', { fullPage: true });

    // In Dutch, as anna reads her portal.
    await page.getByLabel('Language', { exact: true }).selectOption('nl');
    const ontvangers = page.locator('section', { has: page.getByRole('heading', { name: 'Wie gegevens over u ontving', level: 2 }) });
    await expect.poll(() => ontvangers.getByText(`${EMPLOYER} (Werkgever)`, { exact: false }).count()).toBe(1);
    expect(await ontvangers.innerText()).toContain('Zaaknummer, Uitkomst, Schadenummer');
    await checkA11y(page, 'disclosure-member-nl');
    await screenshot(page, 'disclosure-member-nl', { fullPage: true });
  });
});
