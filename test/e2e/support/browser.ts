/**
 * Chromium for browser tests, without `playwright install`: the distribution's /usr/bin/chromium
 * driven by playwright-core. Every page records console errors, uncaught exceptions and 5xx
 * answers; a test fails on any that it did not expect.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { describe } from 'vitest';
import { ROOT } from './server';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/**
 * Where screenshots go: an untracked folder, so `npm test` leaves the tracked files alone;
 * `npm run screenshots` sets SCREENSHOT_DIR=docs/screenshots to refresh the README's pictures.
 */
export const SCREENSHOT_DIR = path.resolve(ROOT, process.env.SCREENSHOT_DIR || 'test-results/screenshots');
export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 360, height: 800 } as const;

export const chromiumAvailable = (): boolean => fs.existsSync(CHROMIUM_PATH);

/**
 * describe() for browser stories. Without Chromium they are skipped with a loud warning locally;
 * under CI=true a missing browser is an error, because CI must never pass by skipping them.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (chromiumAvailable()) {
    describe(name, body);
    return;
  }
  const reason = `${CHROMIUM_PATH} not found (install it with: apt-get install -y chromium)`;
  if (process.env.CI === 'true') throw new Error(`Browser tests cannot be skipped in CI: ${reason}`);
  process.stderr.write(`\n${'#'.repeat(78)}\n# BROWSER TESTS SKIPPED (${name}): ${reason}\n${'#'.repeat(78)}\n\n`);
  describe.skip(name, body);
}

/** `extraArgs`: more Chromium switches, say `--host-resolver-rules` to give this machine another name. */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export interface BrowserPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, page errors and 5xx answers seen so far, as readable lines. */
  errors: string[];
  /** Accept console errors matching `pattern` (say, the 401 of a deliberately wrong password). */
  allowConsoleError(pattern: RegExp): void;
  /** Throws listing every unexpected error. */
  assertNoErrors(): void;
  close(): Promise<void>;
}

/**
 * Chromium logs every non-2xx fetch as a console error. Asking "who is signed in?" while signed
 * out is answered 401 by design, so that one is expected everywhere.
 */
const EXPECTED: ((message: ConsoleMessage) => boolean)[] = [(m) => /status of 401/.test(m.text()) && /\/api\/session$/.test(m.location().url ?? '')];

/** A fresh context (no cookies, no storage) and page at `baseUrl`, recording errors. */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<BrowserPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: options.viewport ?? DESKTOP, locale: options.locale ?? 'en-GB' });
  // Well under the test timeout, so a failing step names itself instead of timing the test out.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors: string[] = [];
  const allowed: RegExp[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (EXPECTED.some((expected) => expected(message)) || allowed.some((pattern) => pattern.test(message.text()))) return;
    errors.push(`console.error at ${page.url()}: ${message.text()} (${message.location().url ?? 'no location'})`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught at ${page.url()}: ${error.stack ?? error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 500) errors.push(`HTTP ${response.status()} for ${response.request().method()} ${response.url()}`);
  });
  return {
    page,
    context,
    errors,
    allowConsoleError: (pattern) => void allowed.push(pattern),
    assertNoErrors() {
      if (errors.length) throw new Error(`The page reported ${errors.length} error(s):\n  ${errors.join('\n  ')}`);
    },
    close: () => context.close(),
  };
}

const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe (WCAG 2.1 A and AA) on the page as it is; fails on any serious or critical violation. */
export async function checkA11y(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(A11Y_TAGS).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = results.violations.filter((v) => !blocking.includes(v));
  if (minor.length) {
    process.stderr.write(`[a11y ${name}] minor/moderate: ${minor.map((v) => `${v.id} (${v.nodes.length})`).join(', ')}\n`);
  }
  if (blocking.length) {
    const lines = blocking.map(
      (v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n    ')}`,
    );
    throw new Error(`Accessibility violations on "${name}" (${page.url()}):\n  ${lines.join('\n  ')}`);
  }
}

/**
 * Saves <name>.png in SCREENSHOT_DIR at `size` (1280×800 unless told), then restores the
 * viewport. `fullPage` captures below the fold too.
 */
export async function screenshot(page: Page, name: string, options: { size?: { width: number; height: number }; fullPage?: boolean } = {}): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const previous = page.viewportSize();
  const size = options.size ?? DESKTOP;
  if (previous?.width !== size.width || previous?.height !== size.height) await page.setViewportSize(size);
  await page.mouse.move(0, 0); // no hover highlight left over from the last click
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false, animations: 'disabled', caret: 'hide' });
  if (previous && (previous.width !== size.width || previous.height !== size.height)) await page.setViewportSize(previous);
  return file;
}
