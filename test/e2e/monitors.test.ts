/**
 * Monitors in a real browser: the governance lead adds a monitor on the dashboard, the server's
 * own periodic job (every 10 s here) compares it with the demo's figures, and the crossing appears
 * as an alert at the top of the dashboard, in words. Checked with axe and saved as a screenshot.
 */
import { expect, it } from 'vitest';
import { expectPath, heading } from './support/actions';
import { checkA11y, describeInBrowser, screenshot } from './support/browser';
import { useStage } from './support/stage';

describeInBrowser('monitors and alerts on the governance dashboard', () => {
  const stage = useStage({ env: { MONITOR_INTERVAL_SECONDS: '10' } });

  it('adds a monitor and sees its alert at the top of the dashboard', async () => {
    const { page } = await stage.signedIn('governance');
    await expectPath(page, '/governance');
    await expect.poll(() => heading(page)).toBe('Governance dashboard');
    const alerts = page.locator('section', { has: page.getByRole('heading', { name: 'Alerts', exact: true }) });
    await expect.poll(() => alerts.innerText()).toContain('No monitors yet');

    // Drift of the fraud screen's version in force against its predecessor, with a threshold the
    // demo's two versions cross.
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'New monitor' }) });
    await form.getByLabel('Model').fill('claims-fraud-screen');
    await form.getByLabel('Figure').selectOption('psi');
    await form.getByLabel('Threshold').fill('0.001');
    await form.getByLabel('Window in days').fill('366');
    await form.getByRole('button', { name: 'Add monitor' }).click();
    await expect.poll(() => form.getByRole('status').innerText()).toContain('Monitor added');
    const monitors = page.locator('section', { has: page.getByRole('heading', { name: 'Monitors', exact: true }) });
    await expect.poll(() => monitors.locator('tbody tr').count()).toBe(1);
    expect(await monitors.locator('tbody tr').innerText()).toMatch(/claims-fraud-screen[\s\S]*Score drift \(PSI\)[\s\S]*above 0\.001/);

    // The job runs every 10 seconds in the server: reload until the alert is there.
    await expect
      .poll(
        async () => {
          await page.reload();
          await alerts.locator('.gov-alert, .gov-block-empty').first().waitFor();
          return alerts.locator('.gov-alert').count();
        },
        { timeout: 60_000, interval: 3_000 },
      )
      .toBe(1);
    const alert = await alerts.locator('.gov-alert').innerText();
    expect(alert).toMatch(/Score drift \(PSI\) of model claims-fraud-screen \(Claim check\) is [\d.]+, above the threshold of 0\.001/);
    expect(alert).toMatch(/Version [\d.]+ against its predecessor, [\d,]+ decisions\./);
    expect(alert).toMatch(/Open since \d{1,2} \w+ \d{4}/);
    await expect.poll(() => monitors.locator('tbody tr').innerText()).toMatch(/Checked /);

    await checkA11y(page, 'governance-monitors');
    await screenshot(page, 'governance-alerts');
    await monitors.scrollIntoViewIfNeeded();
    await screenshot(page, 'governance-monitors', { fullPage: true });
  });
});
