/**
 * Rectification (GDPR Art. 16) in a real browser, in Dutch: anna says an input of her renewal is
 * wrong in her objection; a pricing reviewer accepts the correction on the case page; the scoring
 * service answers with a new decision that supersedes the old; anna sees old → corrected → new.
 */
import { expect, it } from 'vitest';
import { DEMO_INGEST_KEY } from '../../server/config';
import { renewalDecision } from '../support/fixtures';
import { heading } from './support/actions';
import { checkA11y, describeInBrowser, screenshot } from './support/browser';
import { useStage } from './support/stage';

describeInBrowser('rectification: old → corrected → new', () => {
  const stage = useStage();

  /** A scoring service's call, from the test as the service would make it. */
  const ingest = async (body: object) => {
    const res = await fetch(`${stage.server.baseUrl}/api/decisions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEMO_INGEST_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  it('anna corrects an input in Dutch, a reviewer accepts it, the new decision replaces the old one', async () => {
    const decidedAt = new Date(Date.now() - 60_000).toISOString();
    const inputs = { claims_last_12m: 3, age_band: '30-44', region: 'Flanders' };
    const oldId = await ingest(renewalDecision({ subject: { memberId: 'M-1001', policyId: 'P-5001' }, decidedAt, inputs }));

    // anna, in Dutch, contests with a correction.
    const anna = await stage.signedIn('anna');
    const page = anna.page;
    await page.goto(`/decisions/${oldId}`);
    await expect.poll(() => heading(page)).toBe('Renewal price decision');
    await page.getByLabel('Language').selectOption('nl');
    await expect.poll(() => heading(page)).toBe('Beslissing: Verlengingspremie');
    await page.getByRole('link', { name: 'Deze beslissing betwisten' }).click();
    await expect.poll(() => heading(page)).toBe('Deze beslissing betwisten');
    await page.getByLabel('Waarom bent u het er niet mee eens?').fill('De schadegevallen in mijn dossier zijn niet van mij.');
    await page.getByLabel(/claims_last_12m klopt niet/).check();
    await page.getByLabel('De juiste waarde', { exact: true }).fill('0');
    await page.getByLabel('Waarom is dit de juiste waarde?').fill('Ik had dit jaar geen enkel schadegeval; de drie gevallen zijn van mijn buurman.');
    await checkA11y(page, 'member-contest-correction-nl');
    await screenshot(page, 'member-contest-correction-nl', { fullPage: true });
    await page.getByRole('button', { name: 'Mijn bezwaar versturen' }).click();
    await page.getByRole('heading', { name: 'We hebben uw bezwaar ontvangen' }).waitFor();
    const caseHref = await page.getByRole('link', { name: 'Uw dossier volgen' }).getAttribute('href');
    const caseId = caseHref!.split('/').pop()!;

    // A pricing reviewer claims the case and accepts the correction with a reason.
    const reviewer = await stage.signedIn('pricing.reviewer');
    const rp = reviewer.page;
    const claimed = await rp.request.post(`/api/cases/${caseId}/claim`, { data: { expectedVersion: 1 }, headers: { Origin: stage.server.baseUrl } });
    expect(claimed.status()).toBe(200);
    await rp.goto(`/review/cases/${caseId}`);
    await rp.getByRole('heading', { name: 'Corrections the member claims' }).waitFor();
    expect(await rp.getByRole('heading', { name: /claims_last_12m: 3 on record, 0 claimed/ }).count()).toBe(1);
    await rp.getByLabel('Reason (the member reads it)').fill('The claims register shows no claims on your policy this year.');
    await checkA11y(rp, 'reviewer-correction');
    await screenshot(rp, 'reviewer-correction', { fullPage: true });
    await rp.getByRole('button', { name: 'Accept the correction' }).click();
    await expect.poll(() => rp.locator('.badge-success', { hasText: 'Corrected' }).count()).toBe(1);

    // The scoring service decides again on the corrected inputs and supersedes the old decision.
    const newId = await ingest(
      renewalDecision({
        subject: { memberId: 'M-1001', policyId: 'P-5001' },
        decidedAt: new Date().toISOString(),
        inputs: { ...inputs, claims_last_12m: 0 },
        output: { currency: 'EUR', previousPremiumCents: 120_000, newPremiumCents: 118_000 },
        rationale: { reasonCodes: [], contributions: [{ feature: 'claims_last_12m', contribution: -2000 }] },
        supersedes: oldId,
      }),
    );

    // anna sees old → corrected → new.
    await page.goto(`/decisions/${oldId}`);
    await expect.poll(() => heading(page)).toBe('Beslissing: Verlengingspremie');
    await page.getByRole('heading', { name: 'Verbeteringen die u vroeg' }).waitFor();
    expect(await page.getByText('Verbeterd', { exact: true }).count()).toBe(1);
    expect(await page.getByText('The claims register shows no claims on your policy this year.').count()).toBe(1);
    const toNew = page.getByRole('link', { name: 'Bekijk de nieuwe beslissing' });
    expect(await toNew.getAttribute('href')).toBe(`/decisions/${newId}`);
    await checkA11y(page, 'member-decision-corrected-nl');
    await screenshot(page, 'member-decision-corrected-nl', { fullPage: true });
    await toNew.click();
    await page.waitForURL(new RegExp(`/decisions/${newId}$`));
    await page.getByText('Deze beslissing vervangt een eerdere').waitFor();
    expect(await page.getByRole('link', { name: 'Bekijk de eerdere beslissing' }).getAttribute('href')).toBe(`/decisions/${oldId}`);
    await checkA11y(page, 'member-decision-new-nl');
    await screenshot(page, 'member-decision-new-nl', { fullPage: true });

    // Governance sees the accepted correction per input feature: a data-quality signal per source.
    const gov = (await stage.signedIn('governance')).page;
    await gov.goto('/governance');
    const block = gov.locator('section', { has: gov.getByRole('heading', { name: 'Corrections of inputs' }) });
    await block.getByRole('rowheader', { name: 'claims_last_12m' }).waitFor();
    const row = await block.getByRole('row', { name: /claims_last_12m/ }).innerText();
    expect(row.split(/\s+/).slice(-3)).toEqual(['1', '1', '0']);
    await checkA11y(gov, 'governance-corrections');
    await block.scrollIntoViewIfNeeded();
    await screenshot(gov, 'governance-corrections');
  });
});
