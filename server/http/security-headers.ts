import type { RequestHandler } from 'express';
import helmet from 'helmet';

type Directives = Record<string, string[]>;

export const APP_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'style-src': ["'self'", "'unsafe-inline'"],
};

/**
 * Helmet's headers, chosen per request by how the page reached the browser. Over plain HTTP,
 * `upgrade-insecure-requests` would send every script and style to https:// on a port that
 * speaks no TLS (a blank page on any address but localhost), and HSTS means nothing there; so
 * both only go out when the request came over TLS: `req.secure`, which follows
 * X-Forwarded-Proto of a proxy the app trusts (TRUST_PROXY).
 */
export function securityHeaders(directives: Directives = APP_DIRECTIVES): RequestHandler {
  const overTls = helmet({ contentSecurityPolicy: { directives } });
  const overHttp = helmet({
    contentSecurityPolicy: { directives: { ...directives, 'upgrade-insecure-requests': null } },
    strictTransportSecurity: false,
  });
  return (req, res, next) => (req.secure ? overTls : overHttp)(req, res, next);
}
