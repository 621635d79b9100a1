/**
 * The app opened at an address other than localhost, over plain HTTP, as a colleague on the same
 * network would (`http://<host-ip>:3000`): the page renders, its scripts run and its styles apply,
 * and no request is upgraded to an https:// that nothing serves.
 *
 * Chromium never upgrades loopback addresses (127.0.0.2 included: it counts as trustworthy), so
 * the address that matters is a host name: `recourse.test`, which Chromium's resolver maps to
 * this machine, stands in for the host's network address without needing a network.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectPath, heading, signIn } from './support/actions';
import { describeInBrowser, launchBrowser, openPage } from './support/browser';
import { startServer, type E2eServer } from './support/server';

const HOST_NAME = 'recourse.test';

describeInBrowser('the app at an address other than localhost', () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser([`--host-resolver-rules=MAP ${HOST_NAME} 127.0.0.1`])]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const host of [HOST_NAME, '127.0.0.2']) {
    it(`renders and signs in at http://${host}:<port>/, every request staying on plain HTTP`, async () => {
      const origin = `http://${host}:${server.port}`;
      const p = await openPage(browser, origin);
      const requested: string[] = [];
      const failed: string[] = [];
      p.page.on('request', (r) => requested.push(r.url()));
      // A request the page itself dropped by moving on (the sign-in options, when signing in is
      // quicker) is ERR_ABORTED; what this test looks for (an upgrade to https, a blocked or refused
      // address) fails otherwise.
      p.page.on('requestfailed', (r) => {
        if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${r.url()}: ${r.failure()?.errorText}`);
      });
      try {
        await p.page.goto('/');
        await expectPath(p.page, '/sign-in');
        // Scripts ran: React drew the sign-in form.
        await expect.poll(() => heading(p.page)).toBe('Sign in');
        // Styles applied: the built stylesheet loaded and replaced the browser's 8px body margin.
        const styled = await p.page.evaluate(() => ({
          sheets: [...document.styleSheets].filter((s) => s.href?.includes('/assets/')).length,
          bodyMargin: getComputedStyle(document.body).margin,
        }));
        expect(styled).toEqual({ sheets: expect.any(Number), bodyMargin: '0px' });
        expect(styled.sheets).toBeGreaterThan(0);

        await signIn(p.page, 'anna');
        await expectPath(p.page, '/decisions');
        await expect.poll(() => heading(p.page)).toBe('My decisions');

        expect(failed).toEqual([]);
        expect(requested.length).toBeGreaterThan(2);
        expect(requested.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
        p.assertNoErrors();
      } finally {
        await p.close();
      }
    });
  }
});
