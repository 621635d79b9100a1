/**
 * Frozen reports in a real browser: the governance lead freezes a period's figures, finds the
 * report in the list with its verification, opens it as a printable page (checked with axe, on
 * screen and as printed) and downloads the JSON whose SHA-256 is the hash the page shows.
 */
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { expectPath, heading } from './support/actions';
import { checkA11y, describeInBrowser, screenshot } from './support/browser';
import { useStage } from './support/stage';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describeInBrowser('frozen reports', () => {
  const stage = useStage();
  const governancePage = stage.throughout('governance');

  it('governance freezes a period, after the form refused a period that ends before it starts', async () => {
    const { page } = governancePage();
    await expectPath(page, '/governance');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await expectPath(page, '/governance/reports');
    await expect.poll(() => heading(page)).toBe('Frozen reports');
    await page.getByText('No report has been frozen yet.').waitFor();

    await page.getByLabel('From (UTC)').fill(day(0));
    await page.getByLabel('To (UTC)').fill(day(-90));
    await page.getByRole('button', { name: 'Freeze report' }).click();
    await page.getByText('The end date must not be before the start date.').waitFor();
    expect(await page.getByLabel('To (UTC)').getAttribute('aria-invalid')).toBe('true');
    expect((await page.request.get('/api/reports')).ok()).toBe(true);
    expect((await (await page.request.get('/api/reports')).json()).items).toEqual([]);

    await page.getByLabel('From (UTC)').fill(day(-90));
    await page.getByLabel('To (UTC)').fill(day(0));
    await page.getByRole('button', { name: 'Freeze report' }).click();
    await page.getByText(/^Report 1 frozen\. Its hash is [0-9a-f]{12}…/).waitFor();
    const row = page.locator('table tbody tr').first();
    await expect.poll(() => row.innerText()).toMatch(/1\s.*governance.*[0-9a-f]{12}….*Verifies/s);

    await checkA11y(page, 'reports-list');
    await screenshot(page, 'reports-list', { fullPage: true });
  });

  it('opens the report as a clean printable page whose JSON download hashes to the hash shown', async () => {
    const { page } = governancePage();
    await page.getByRole('link', { name: 'Open report 1' }).first().click();
    await expect.poll(() => heading(page)).toBe('Frozen report 1');
    const hash = (await page.locator('.gov-report-meta code.gov-hash').first().innerText()).trim();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.locator('.gov-report-meta').innerText()).toMatch(/Verifies/);
    for (const title of [
      'Decisions and cases',
      'Model versions',
      'Fairness: Age band, Model output',
      'Fairness: Age band, Final outcome',
      'Explanation coverage',
    ]) {
      await page.getByRole('heading', { name: title }).waitFor();
    }
    expect(await page.locator('.gov-report-table').count()).toBeGreaterThan(3);

    const json = await page.request.get((await page.getByRole('link', { name: 'Download JSON' }).getAttribute('href'))!);
    expect(json.headers()['content-disposition']).toContain('recourse-report-1.json');
    expect(
      createHash('sha256')
        .update(await json.body())
        .digest('hex'),
    ).toBe(hash);
    const csv = await page.request.get((await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href'))!);
    expect((await csv.text()).split(/\r?\n/)[0]).toBe('table,row,column,value');

    await checkA11y(page, 'report-page');
    await screenshot(page, 'report-page', { fullPage: true });

    // As printed: the report alone, without the navigation, header or buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Frozen report 1' }).isVisible()).toBe(true);
    await checkA11y(page, 'report-page-print');
    await screenshot(page, 'report-page-print', { size: { width: 794, height: 1123 }, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });
});
