/**
 * Model governance in a real browser: the governance lead reads the dashboard (charts with their
 * tables, fairness, review, findings, coverage), then the audit browser (events, verification in
 * words, anchors). Each page is checked with axe and saved as a screenshot (governance-*; in
 * docs/screenshots by `npm run screenshots`).
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { expectPath, heading } from './support/actions';
import { checkA11y, describeInBrowser, DESKTOP, PHONE, screenshot } from './support/browser';
import { useStage } from './support/stage';

describeInBrowser('governance dashboard and audit browser', () => {
  const stage = useStage();
  const governancePage = stage.throughout('governance');

  /** Waits until every lazily drawn chart on the page has its axes (a chart of zero rates has no bars to wait for). */
  const chartsDrawn = async (page: Page) => {
    await page.locator('.gov-figure').first().waitFor();
    await expect
      // The drift chart waits for two reads in turn (the model list, then its drift) and its chunk.
      .poll(() => page.locator('.gov-figure').evaluateAll((figures) => figures.every((f) => f.querySelector('.recharts-cartesian-axis-tick'))), {
        timeout: 15_000,
      })
      .toBe(true);
    return page.locator('.gov-figure').count();
  };

  it('shows the dashboard with its charts, their tables and the fairness table', async () => {
    const { page } = governancePage();
    await expectPath(page, '/governance');
    await expect.poll(() => heading(page)).toBe('Governance dashboard');

    // Decisions over time, contest and override rate per version, PSI, and fairness per type and
    // model (the demo's three), drift per week: eight charts, each with its words and table.
    expect(await chartsDrawn(page)).toBe(8);
    const overview = page.locator('section', { has: page.getByRole('heading', { name: 'Decisions and cases' }) });
    const decisions = overview.locator('.gov-stat', { hasText: 'Decisions' }).locator('.gov-stat-value');
    expect(await decisions.innerText()).toMatch(/^\d{1,3}(,\d{3})*$/);
    expect(await page.locator('.gov-figure-caption').first().innerText()).toMatch(/decisions from \d{1,2} \w+ \d{4} to \d{1,2} \w+ \d{4}/);
    const psi = page.locator('.gov-figure', { hasText: 'Score drift (PSI)' });
    expect(await psi.locator('.recharts-reference-line').count()).toBe(2); // 0.1 and 0.25
    await psi.getByText('Show as table').click();
    const psiRows = psi.locator('table tbody tr');
    expect(await psiRows.count()).toBe(5); // the demo's five model versions
    expect(await psiRows.allInnerTexts()).toContainEqual(expect.stringMatching(/claims-fraud-screen\s+3\.1.*Baseline/s));

    // Drift against a baseline: PSI per ISO week as a line with both thresholds marked, the rule in
    // words, the weeks as a table, and PSI per input.
    const drift = page.locator('section', { has: page.getByRole('heading', { name: 'Drift against a baseline' }) });
    const weekly = drift.locator('.gov-figure', { has: page.getByRole('heading', { name: 'Drift per week against the baseline' }) });
    expect(await weekly.locator('.recharts-reference-line').count()).toBe(2); // 0.1 and 0.25
    expect(await weekly.locator('.gov-figure-caption').innerText()).toMatch(/(\d+ weeks: \d+ with enough decisions|No week has enough decisions)/);
    expect(await drift.getByText(/at least 100 decisions on each side/).count()).toBe(1);
    await weekly.getByText('Show as table').click();
    const weeks = weekly.locator('tbody tr');
    expect(await weeks.count()).toBeGreaterThan(0);
    expect(await weeks.first().innerText()).toMatch(/^\d{4}-W\d{2}/);
    const inputs = drift.locator('table', { has: page.getByRole('columnheader', { name: 'Input' }) }).locator('tbody tr');
    expect(await inputs.count()).toBeGreaterThan(0);
    expect(await drift.getByLabel('Baseline version').count()).toBe(1);
    await weekly.scrollIntoViewIfNeeded();
    await screenshot(page, 'governance-drift');

    // Fairness, per type and model: each age band with its rate and 95% interval (error bars) on the
    // model's output and on the final outcome, a reference group, small groups "too few to judge".
    const fairness = page.locator('section', { has: page.getByRole('heading', { name: 'Fairness across groups' }) });
    const risk = fairness.locator('.gov-figure', { has: page.getByRole('heading', { name: 'Risk score · claims-risk-score' }) });
    expect(await risk.locator('.recharts-errorBar').count()).toBe(10); // five age bands, two bases
    await risk.getByText('Show as table').click();
    const groups = risk.locator('tbody tr');
    expect(await groups.count()).toBe(5);
    expect(await risk.locator('thead').innerText()).toMatch(/Model output.*Final outcome/is);
    expect(await risk.getByText('Reference', { exact: true }).count()).toBe(2); // one per basis
    expect(await groups.first().innerText()).toMatch(/\d+(\.\d)?%\s*\(\d+(\.\d)?% – \d+(\.\d)?%\)/);
    const renewals = fairness.locator('.gov-figure', { has: page.getByRole('heading', { name: 'Renewal price · renewal-tariff' }) });
    expect(await renewals.locator('.gov-figure-caption').innerText()).toContain('No group has the 30 decisions needed');
    await fairness.getByLabel('Attribute').selectOption('region');
    await expect.poll(() => new URL(page.url()).searchParams.get('attribute')).toBe('region');
    await risk.getByText('Show as table').click();
    await expect.poll(() => risk.locator('thead th').first().innerText()).toMatch(/region/i);
    expect(await groups.count()).toBeGreaterThan(1);
    // The box follows the address, which the router updates a moment after the click.
    await fairness.getByLabel('Pool all types and models').click();
    await expect.poll(() => fairness.getByRole('heading', { name: 'All types and models, pooled' }).count()).toBe(1);
    await fairness.getByLabel('Pool all types and models').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('pooled')).toBeNull();
    await fairness.getByLabel('Attribute').selectOption('age_band');

    // Reviewed cases as labels: override rates by origin, precision of fraud flags as reviewed.
    const labels = page.locator('section', { has: page.getByRole('heading', { name: 'Reviewed cases as labels' }) });
    expect(await labels.locator('thead').first().innerText()).toMatch(/Overridden on objection.*Overridden on sample/is);
    expect(await labels.locator('tbody tr', { hasText: 'claims-fraud-screen' }).count()).toBeGreaterThan(0);

    // Every block offers its numbers as CSV, on the same period.
    const csvLinks = page.locator('a.gov-download');
    expect(await csvLinks.count()).toBe(7);
    const overviewCsv = await page.request.get((await csvLinks.first().getAttribute('href'))!);
    expect(overviewCsv.headers()['content-type']).toMatch(/^text\/csv/);
    expect((await overviewCsv.text()).split(/\r?\n/)[0]).toBe('day,decisions,contested,resolved,overridden');

    await checkA11y(page, 'governance-dashboard');
    await screenshot(page, 'governance-dashboard', { fullPage: true });

    // At 360 px nothing pushes the page sideways: wide tables scroll inside themselves.
    await page.setViewportSize(PHONE);
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await chartsDrawn(page);
    await checkA11y(page, 'governance-dashboard-360');
    await screenshot(page, 'governance-dashboard-360', { size: PHONE, fullPage: true });
    await page.setViewportSize(DESKTOP);
  });

  it('lists audit events, verifies the chains in words and seals an anchor', async () => {
    const { page } = governancePage();
    await page.getByRole('link', { name: 'Audit' }).click();
    await expectPath(page, '/governance/audit');
    await expect.poll(() => heading(page)).toBe('Audit trail');

    const rows = page.locator('table.gov-events tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(25);

    // Sealing adds an anchor to the list, and says what it covers.
    await page.getByRole('button', { name: 'Seal now' }).click();
    await expect.poll(() => page.locator('.gov-seal-message').innerText()).toMatch(/^Anchor \d+ seals [\d,]+ chains and [\d,]+ events\.$/);
    const anchors = (await (await page.request.get('/api/audit/anchors')).json()) as { items: unknown[] };
    await expect.poll(() => page.locator('.gov-anchors tbody tr').count()).toBe(anchors.items.length);

    // Verification in words, with the same counts the API gives.
    const expected = (await (await page.request.get('/api/audit/verify')).json()) as { ok: boolean; chains: number; events: number };
    expect(expected.ok).toBe(true);
    await page.getByRole('button', { name: 'Verify all chains' }).click();
    const verdict = page.locator('.gov-verdict');
    await verdict.waitFor();
    const n = (value: number) => value.toLocaleString('en-GB');
    expect(await verdict.innerText()).toBe(`All ${n(expected.chains)} chains and ${n(expected.events)} events verify.`);

    // Every time says its zone: instants on the Brussels clock (CET or CEST), the filter's days in UTC.
    const zoned = /\d{2}:\d{2}:\d{2} CES?T$/;
    expect(await rows.first().locator('time').innerText()).toMatch(zoned);
    expect(await page.locator('.gov-anchors tbody tr').first().locator('td').first().innerText()).toMatch(zoned);
    expect(await page.locator('.gov-verify-result').innerText()).toMatch(/Checked \d.* \d{2}:\d{2}:\d{2} CES?T\.$/);
    const eventFilter = page.getByRole('form', { name: 'Filter events' });
    expect(await eventFilter.getByLabel('From (UTC)').getAttribute('type')).toBe('date');
    expect(await eventFilter.getByLabel('To (UTC)').getAttribute('type')).toBe('date');

    await checkA11y(page, 'governance-audit');
    await screenshot(page, 'governance-audit', { fullPage: true });

    // Cursor paging.
    await page.getByRole('button', { name: 'Load more events' }).click();
    await expect.poll(() => rows.count()).toBe(50);

    // Filtering by action: only approvals remain; selecting a decision narrows to its chain.
    await page.getByLabel('Action').selectOption('approved');
    await page.getByRole('button', { name: 'Show events' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('action')).toBe('approved');
    await expect.poll(async () => (await rows.locator('.gov-action').allInnerTexts()).every((text) => text === 'Override approved')).toBe(true);
    await rows.first().locator('td:nth-child(3) a.mono').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('decisionId')).toMatch(/^dec_[0-9a-f]{24}$/);
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    expect(new Set(await rows.locator('td:nth-child(3) a.mono').allInnerTexts()).size).toBe(1);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(25);
    await checkA11y(page, 'governance-audit-filtered');
  });
});
