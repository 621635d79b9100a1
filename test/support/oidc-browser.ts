import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

/**
 * Drives an OpenID Connect sign-in as a browser would, with plain HTTP: redirects followed by
 * hand (each one can be inspected or altered) and a cookie jar. Cookies are kept per host name
 * and path, not per port, as browsers do.
 */
export class CookieJar {
  private readonly cookies = new Map<string, { host: string; path: string; name: string; value: string }>();

  store(url: URL, setCookie: string[]) {
    for (const line of setCookie) {
      const [pair = '', ...attrs] = line.split(';').map((p) => p.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const path = attrs.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) || '/';
      const expired = attrs.some((a) => /^expires=/i.test(a) && Date.parse(a.slice(8)) <= Date.now()) || attrs.some((a) => /^max-age=(0|-)/i.test(a));
      const key = `${url.hostname} ${path} ${name}`;
      if (expired || value === '') this.cookies.delete(key);
      else this.cookies.set(key, { host: url.hostname, path, name, value });
    }
  }

  header(url: URL): string {
    return [...this.cookies.values()]
      .filter((c) => c.host === url.hostname && url.pathname.startsWith(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  get(hostname: string, name: string): string | undefined {
    return [...this.cookies.values()].find((c) => c.host === hostname && c.name === name)?.value;
  }
}

export interface Hop {
  status: number;
  location: string | null;
  setCookie: string[];
  body: string;
}

/** One request, no redirect followed; the jar sends and keeps cookies. */
export async function hop(jar: CookieJar, url: string | URL, init: { method?: string; form?: Record<string, string> } = {}): Promise<Hop> {
  const target = new URL(url);
  const headers: Record<string, string> = {};
  const cookie = jar.header(target);
  if (cookie) headers.cookie = cookie;
  let body: string | undefined;
  if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  }
  const res = await fetch(target, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
  const setCookie = res.headers.getSetCookie();
  jar.store(target, setCookie);
  const location = res.headers.get('location');
  return { status: res.status, location: location ? new URL(location, target).href : null, setCookie, body: await res.text() };
}

/**
 * From the app's start route to the provider's redirect back, signing in on the provider's own
 * login form as `login`. Returns the callback URL (with code and state) without calling it, and
 * lets a test alter the authorization request on its way to the provider.
 */
export async function signInAtProvider(jar: CookieJar, startUrl: string, login: string, alterAuthorization: (url: URL) => URL = (u) => u): Promise<URL> {
  const start = await hop(jar, startUrl);
  if (start.status !== 302 || !start.location) throw new Error(`start: ${start.status} ${start.location}`);
  let current = alterAuthorization(new URL(start.location));
  let next = await hop(jar, current);
  for (let i = 0; i < 10; i++) {
    if (next.status === 200 && next.body.includes('name="login"')) {
      const action = /<form[^>]*action="([^"]+)"/.exec(next.body)?.[1];
      if (!action) throw new Error('no login form');
      current = new URL(action.replace(/&amp;/g, '&'), current);
      next = await hop(jar, current, { form: { prompt: 'login', login, password: 'any password' } });
      continue;
    }
    if (next.status >= 300 && next.status < 400 && next.location) {
      const location = new URL(next.location);
      if (location.pathname.endsWith('/callback')) return location;
      current = location;
      next = await hop(jar, location);
      continue;
    }
    throw new Error(`unexpected answer at the provider: ${next.status} ${next.body.slice(0, 300)}`);
  }
  throw new Error('too many hops at the provider');
}

/** An Express app on a real loopback port: the redirect URI must be an absolute URL the provider can send to. */
export async function listen(): Promise<{ base: string; attach(app: Express): void; close(): Promise<void> }> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    attach: (app) => void server.on('request', app),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
