import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Fills the sign-in form (the page must be on /sign-in) and waits until it has gone. */
export async function signIn(page: Page, username: string, password = 'demo'): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/** Waits for the page's h1 and returns its text. */
export async function heading(page: Page): Promise<string> {
  const h1 = page.getByRole('heading', { level: 1 });
  await h1.waitFor();
  return (await h1.textContent())?.trim() ?? '';
}

export async function expectPath(page: Page, pathname: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === pathname);
  expect(new URL(page.url()).pathname).toBe(pathname);
}
