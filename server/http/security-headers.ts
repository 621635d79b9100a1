import type { RequestHandler } from 'express';
import helmet from 'helmet';

type Directives = Record<string, string[]>;

export const APP_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'style-src': ["'self'", "'unsafe-inline'"],
};

/** Names browsers treat as trustworthy without TLS (the Secure Contexts spec's loopback). */
export function isLoopbackHost(hostname: string | undefined): boolean {
  if (!hostname) return false;
  return hostname === 'localhost' || hostname.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(hostname) || hostname === '[::1]';
}

/**
 * Helmet's headers, chosen per request by how the page reached the browser. Over plain HTTP,
 * `upgrade-insecure-requests` sends every script and style to an https:// that nothing serves
 * (a blank page at any address but localhost), and HSTS means nothing; so both go out only when
 * the request came over TLS: `req.secure`, which follows X-Forwarded-Proto of a trusted proxy
 * (TRUST_PROXY). Cross-Origin-Opener-Policy is ignored on an untrustworthy origin, with a console
 * error on every page, so plain HTTP keeps it only on loopback names.
 */
export function securityHeaders(directives: Directives = APP_DIRECTIVES): RequestHandler {
  const plainDirectives = { ...directives, 'upgrade-insecure-requests': null };
  const overTls = helmet({ contentSecurityPolicy: { directives } });
  const overLoopback = helmet({ contentSecurityPolicy: { directives: plainDirectives }, strictTransportSecurity: false });
  const overHttp = helmet({ contentSecurityPolicy: { directives: plainDirectives }, strictTransportSecurity: false, crossOriginOpenerPolicy: false });
  return (req, res, next) => (req.secure ? overTls : isLoopbackHost(req.hostname) ? overLoopback : overHttp)(req, res, next);
}
