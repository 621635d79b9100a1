import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { apiDocs as apiDocsRoute, openApiDocument as openApiDocumentRoute } from '@shared/contract/system';
import { serve } from './serve';

/** The Swagger UI files ship in the swagger-ui-dist package; resolved, not imported (its bundle is 1 MB of browser code). */
const SWAGGER_UI_DIR = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
export const API_DOCS_ASSETS = '/api/docs/assets';

/** The viewer's files, served from this origin: the reference works offline and no third-party script runs on it. */
export function apiDocsAssets(): RequestHandler {
  const files = express.static(SWAGGER_UI_DIR, { index: false, maxAge: '1d', fallthrough: false });
  const allowed = new Set(['/swagger-ui.css', '/swagger-ui-bundle.js']);
  return (req, res, next) => (allowed.has(req.path) ? files(req, res, next) : next());
}

/**
 * GET /api/docs: a browsable reference of GET /api/openapi.json (Swagger UI). Scripts run only
 * with a per-request nonce, the viewer talks only to this origin (connect-src 'self').
 */
export function sendApiDocs(req: Request, res: Response): void {
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
  res.type('html').send(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Recourse API reference</title>
<link rel="stylesheet" href="${API_DOCS_ASSETS}/swagger-ui.css">
</head>
<body>
<div id="api-reference"></div>
<script nonce="${nonce}" src="${API_DOCS_ASSETS}/swagger-ui-bundle.js"></script>
<script nonce="${nonce}">
window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#api-reference', deepLinking: true, tryItOutEnabled: false, validatorUrl: null });
</script>
</body>
</html>`);
}

/** GET /api/openapi.json and GET /api/docs, served from their definitions like every other route. */
export function apiDocsRouter(document: { openapi: string }): Router {
  const router = Router();
  serve(router, openApiDocumentRoute, () => ({ ...document }));
  serve(router, apiDocsRoute, ({ req, res }) => sendApiDocs(req, res));
  return router;
}
