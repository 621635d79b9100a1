import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { signIn } from './actions';
import { launchBrowser, openPage, type BrowserPage } from './browser';
import { startServer, type E2eServer, type StartServerOptions } from './server';

type PageOptions = Parameters<typeof openPage>[2];

/**
 * One server and one Chromium for a describe block. Pages opened through it are checked for
 * errors after each test and closed; a page kept `throughout` lives until the block ends.
 */
export function useStage(options: StartServerOptions = {}) {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  const opened: BrowserPage[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(options), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(async () => {
    const pages = opened.splice(0);
    try {
      for (const p of pages) p.assertNoErrors();
    } finally {
      await Promise.all(pages.map((p) => p.close()));
    }
  });

  const started = () => {
    if (!server || !browser) throw new Error('the stage is used before its beforeAll ran');
    return { server, browser };
  };
  const openOn = async (options?: PageOptions) => openPage(started().browser, started().server.baseUrl, options);
  const signedInOn = async (p: BrowserPage, username: string) => {
    await p.page.goto('/sign-in');
    await signIn(p.page, username);
    return p;
  };

  return {
    get server() {
      return started().server;
    },
    get browser() {
      return started().browser;
    },
    /** A fresh page for this test. */
    async open(options?: PageOptions): Promise<BrowserPage> {
      const p = await openOn(options);
      opened.push(p);
      return p;
    },
    /** A fresh page for this test, signed in as `username`. */
    async signedIn(username: string, options?: PageOptions): Promise<BrowserPage> {
      const p = await openOn(options);
      opened.push(p);
      return signedInOn(p, username);
    },
    /** One page signed in as `username` for the whole block, checked for errors after each test. */
    throughout(username: string, options?: PageOptions): () => BrowserPage {
      let kept: BrowserPage | undefined;
      beforeAll(async () => {
        kept = await signedInOn(await openOn(options), username);
      });
      afterEach(() => kept?.assertNoErrors());
      afterAll(async () => kept?.close());
      return () => {
        if (!kept) throw new Error(`no page for ${username} yet`);
        return kept;
      };
    },
  };
}
