import { randomBytes } from 'node:crypto';
import { Scalar } from '@scalar/express-api-reference';
import type { RequestHandler } from 'express';

/**
 * GET /api/docs: a browsable reference of GET /api/openapi.json (Scalar). The viewer's script
 * comes from jsDelivr, allowed by a per-request nonce alone: no other script runs on the page,
 * it talks only to this origin (connect-src 'self'), sends no telemetry and loads no web fonts.
 */
export function apiDocs(): RequestHandler<never, string> {
  return (req, res, next) => {
    const nonce = randomBytes(16).toString('base64');
    const policy = [
      "default-src 'self'",
      `script-src 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "frame-ancestors 'self'",
      "form-action 'self'",
      // Same rule as the app's own pages: only where the page came over TLS (see security-headers.ts).
      ...(req.secure ? ['upgrade-insecure-requests'] : []),
    ];
    res.setHeader('Content-Security-Policy', policy.join('; '));
    Scalar({
      url: '/api/openapi.json',
      pageTitle: 'Recourse API reference',
      nonce,
      telemetry: false,
      withDefaultFonts: false,
      persistAuth: false,
      mcp: { disabled: true },
    })(req, res, next);
  };
}
