import path from 'node:path';
import { expect, it } from 'vitest';
import { heading, signIn } from './support/actions';
import { checkA11y, describeInBrowser, screenshot, SCREENSHOT_DIR } from './support/browser';
import { useStage } from './support/stage';

interface DecisionRow {
  id: string;
  type: string;
  subject: { policyId?: string };
}

describeInBrowser('member rights: restriction of a contested price, erasure on request', () => {
  const stage = useStage();

  it('anna, in Dutch, contests a renewal price and asks that it be held; the reviewer sees the restriction', async () => {
    const { page } = await stage.open();
    await page.goto('/sign-in');
    await signIn(page, 'anna');
    await expect.poll(() => heading(page)).toBe('My decisions');
    await page.getByLabel('Language').selectOption('nl');
    await expect.poll(() => heading(page)).toBe('Mijn beslissingen');

    // A renewal of hers with nothing open on it and nothing changed in her favour yet.
    const { items } = (await (await page.request.get('/api/decisions?type=renewal_price&limit=100')).json()) as { items: DecisionRow[] };
    let target: DecisionRow | undefined;
    for (const d of items) {
      const detail = (await (await page.request.get(`/api/decisions/${d.id}`)).json()) as { cases: { status: string }[]; overridden: boolean };
      if (!detail.overridden && detail.cases.length === 0) {
        target = d;
        break;
      }
    }
    expect(target, 'a renewal of anna without a case').toBeDefined();

    await page.goto(`/decisions/${target!.id}/contest`);
    await expect.poll(() => heading(page)).toBe('Deze beslissing betwisten');
    await page.getByLabel('Waarom bent u het er niet mee eens?').fill('Het aantal schadegevallen klopt niet: ik had er vorig jaar maar één.');
    await page.getByLabel('Deze nieuwe prijs niet toepassen tot over mijn bezwaar is beslist').check();
    await checkA11y(page, 'contest-restrict-nl');
    await page.getByRole('button', { name: 'Mijn bezwaar versturen' }).click();
    await expect.poll(() => heading(page)).toBe('Bezwaar ontvangen');
    await page.getByText('Zoals u vroeg, staat de nieuwe prijs in de wacht').waitFor();

    await page.getByRole('link', { name: 'Uw dossier volgen' }).first().click();
    await page.waitForURL(/\/cases\/case_/);
    const caseId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByText('De nieuwe prijs staat in de wacht').waitFor();
    // Asked once: the case offers no second request.
    expect(await page.getByRole('button', { name: 'Prijs in de wacht zetten' }).count()).toBe(0);
    await checkA11y(page, 'member-case-restricted-nl');
    await screenshot(page, 'member-case-restricted-nl', { fullPage: true });

    await page.goto(`/decisions/${target!.id}`);
    await expect.poll(() => heading(page)).toBe('Beslissing: Verlengingspremie');
    await page.getByText('De nieuwe prijs staat in de wacht').waitFor();
    await checkA11y(page, 'member-decision-restricted-nl');

    // The reviewer: the queue's marker, and the instruction on the case page.
    const reviewer = await stage.signedIn('pricing.reviewer');
    await reviewer.page.goto(`/review?q=${encodeURIComponent(target!.subject.policyId!)}`);
    await expect.poll(() => heading(reviewer.page)).toBe('Case queue');
    await expect.poll(() => reviewer.page.locator('.badge', { hasText: 'Restricted: do not apply until resolved' }).count()).toBeGreaterThan(0);
    await checkA11y(reviewer.page, 'queue-restricted');
    await reviewer.page.goto(`/review/cases/${caseId}`);
    await reviewer.page.getByText('Restricted: do not apply until resolved').first().waitFor();
    await checkA11y(reviewer.page, 'case-restricted');
    await screenshot(reviewer.page, 'reviewer-case-restricted');
  });

  it('bram asks for erasure; the admin refuses on a legal ground; bram reads the answer', async () => {
    const bram = await stage.signedIn('bram');
    await bram.page.goto('/my-data');
    await expect.poll(() => heading(bram.page)).toBe('My data');
    const requests = bram.page.locator('section[aria-labelledby="requests-title"]');
    await requests.getByRole('radio', { name: 'Erase my data' }).check();
    await requests.getByRole('button', { name: 'File request' }).click();
    await requests.getByText(/You will have our answer by/).waitFor();

    const admin = await stage.signedIn('admin');
    await admin.page.goto('/admin');
    await expect.poll(() => heading(admin.page)).toBe('Administration');
    const row = admin.page.getByRole('row').filter({ hasText: 'M-1002' }).filter({ hasText: 'Erasure' }).first();
    await row.getByText('Received: answer').click();
    await row.getByLabel('Legal ground', { exact: true }).selectOption('retention_duty');
    await row.getByLabel(/Explanation the member reads/).fill('The insurance law obliges us to keep policy records for ten years after the policy ends.');
    await checkA11y(admin.page, 'admin-erasure-request');
    await admin.page.locator('section[aria-labelledby="privacy-title"]').screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-erasure-request.png') });
    await row.getByRole('button', { name: 'Refuse and tell the member' }).click();
    await admin.page.getByRole('row').filter({ hasText: 'Retention duty imposed by law' }).first().waitFor();

    await bram.page.reload();
    await expect.poll(() => heading(bram.page)).toBe('My data');
    await requests.getByText('the law obliges us to keep this data for a set period').waitFor();
    await requests.getByText('The insurance law obliges us to keep policy records').waitFor();
    await checkA11y(bram.page, 'member-request-refused');
    await requests.screenshot({ path: path.join(SCREENSHOT_DIR, 'member-request-refused.png') });
  });
});
