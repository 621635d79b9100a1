/**
 * The governance lead's day in a real browser (issue 17, points 11–12): the audit log names people
 * (display name and user name, never a raw id), its person filter takes a name, each event links
 * to its case and its decision; every time on screen says its zone, and the exports say, and are,
 * UTC. Checked with axe and saved as screenshots (governance-day-*), also at 360 px.
 */
import { expect, it } from 'vitest';
import { expectPath, heading } from './support/actions';
import { checkA11y, describeInBrowser, DESKTOP, PHONE, screenshot } from './support/browser';
import { useStage } from './support/stage';

/** A user id as the store keeps it: never to be read on screen. */
const RAW_USER_ID = /\bu_[0-9a-f]{8}-/;

describeInBrowser("the governance lead's day", () => {
  const stage = useStage();
  const governancePage = stage.throughout('governance');

  it('reads the audit log by name, filters it by a person’s name and every time says its zone', async () => {
    const { page } = governancePage();
    await page.goto('/governance/audit');
    await expect.poll(() => heading(page)).toBe('Audit trail');
    const rows = page.locator('table.gov-events tbody tr');
    await rows.first().waitFor();
    const table = page.locator('table.gov-events');
    expect(await table.innerText()).not.toMatch(RAW_USER_ID);
    // The seed's reviewers act under their names; the system and members are said so.
    await expect.poll(() => table.innerText()).toMatch(/Femke Janssens|Pieter Claes|Sofie Dubois|The system/);
    for (const time of await rows.locator('time').allInnerTexts()) expect(time).toMatch(/\d{2}:\d{2}:\d{2} CES?T$/);

    // The person filter takes a name.
    await page.getByLabel('Person', { exact: true }).fill('senior.reviewer');
    await page.getByRole('button', { name: 'Show events' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('actor')).toBe('senior.reviewer');
    await expect
      .poll(async () => {
        const actors = await rows.locator('td:nth-child(5)').allInnerTexts();
        return actors.length > 0 && actors.every((text) => text.startsWith('Sofie Dubois') && text.includes('senior.reviewer · approver'));
      })
      .toBe(true);
    // An approval names whose proposal it was.
    expect(await table.innerText()).toMatch(/proposed by (Femke Janssens|Pieter Claes)/);
    expect(await table.innerText()).not.toMatch(RAW_USER_ID);
    await checkA11y(page, 'governance-day-audit-person');
    await screenshot(page, 'governance-day-audit-person', { fullPage: true });
    await page.setViewportSize(PHONE);
    await checkA11y(page, 'governance-day-audit-360');
    await screenshot(page, 'governance-day-audit-360', { size: PHONE, fullPage: true });
    await page.setViewportSize(DESKTOP);

    // The person link in a row narrows to that person, by name too.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    const named = rows.filter({ hasText: 'Pieter Claes' }).first();
    await named.getByRole('link', { name: 'pricing.reviewer: show only this person’s events' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('actor')).toBe('pricing.reviewer');
    await expect.poll(async () => (await rows.locator('td:nth-child(5)').allInnerTexts()).every((text) => text.startsWith('Pieter Claes'))).toBe(true);
  });

  it('follows an event to its case and to its decision', async () => {
    const { page } = governancePage();
    await page.goto('/governance/audit?actor=senior.reviewer&action=approved');
    const row = page.locator('table.gov-events tbody tr').first();
    await row.waitFor();
    const caseLink = row.getByRole('link', { name: /^Open case \d+$/ });
    const caseHref = (await caseLink.getAttribute('href'))!;
    expect(caseHref).toMatch(/^\/review\/cases\/case_[0-9a-f]{24}_\d+$/);
    await caseLink.click();
    await expectPath(page, caseHref);
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    // The case page as governance reads it: people by name, times with their zone, no actions.
    const timeline = page.locator('.timeline');
    await expect.poll(() => timeline.innerText()).toContain('Sofie Dubois');
    for (const time of await timeline.locator('time').allInnerTexts()) expect(time).toMatch(/\d{2}:\d{2} CES?T$/);
    expect(await page.getByRole('heading', { name: 'Actions' }).count()).toBe(0);
    await checkA11y(page, 'governance-day-case');
    await screenshot(page, 'governance-day-case', { fullPage: true });

    await page.goBack();
    const decisionLink = page
      .locator('table.gov-events tbody tr')
      .first()
      .getByRole('link', { name: /^Open decision dec_[0-9a-f]{24}$/ });
    const decisionHref = (await decisionLink.getAttribute('href'))!;
    await decisionLink.click();
    await expectPath(page, decisionHref);
    await page.getByRole('heading', { name: 'Inputs' }).waitFor();
    expect(await page.locator('main').innerText()).toMatch(/\d{2}:\d{2} CES?T/);
    await checkA11y(page, 'governance-day-decision');
  });

  it('says the exports are UTC, and they are', async () => {
    const { page } = governancePage();
    await page.goto('/governance/audit');
    const note = page.getByText('Every time in the files is in UTC (ISO 8601, ending in Z), whatever the zone shown on screen.');
    await note.waitFor();
    await page.goto('/governance');
    await page
      .getByRole('link', { name: /^Download CSV \(UTC\)/ })
      .first()
      .waitFor();

    const today = new Date().toISOString().slice(0, 10);
    const csv = await page.request.get(`/api/audit/export?kind=events&format=csv&from=2000-01-01&to=${today}`);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).trim().split('\n');
    const at = lines[0]!.split(',').indexOf('at');
    expect(at).toBeGreaterThanOrEqual(0);
    for (const line of lines.slice(1, 50)) expect(line.split(',')[at]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const ndjson = await page.request.get(`/api/audit/export?kind=decisions&format=ndjson&from=2000-01-01&to=${today}`);
    const first = JSON.parse((await ndjson.text()).split('\n')[0]!) as { decidedAt: string; recordedAt: string };
    expect(first.decidedAt).toMatch(/Z$/);
    expect(first.recordedAt).toMatch(/Z$/);
  });
});
