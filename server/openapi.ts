import { webhookDocument } from './openapi-webhooks';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject } from 'zod-openapi';
import { z } from 'zod';
import { PERMISSIONS } from '@shared/auth/permissions';
import { API_ROUTES } from '@shared/contract';
import { openApiPath, type RouteSpec } from '@shared/contract/route';
import { Problem } from '@shared/schemas/problem';
import { metricDefinitions, metricDescriptions } from './metrics/definitions';

const problem = (description: string, headers?: z.ZodObject): ZodOpenApiResponseObject => ({
  description,
  content: { 'application/problem+json': { schema: Problem } },
  ...(headers ? { headers } : {}),
});

const isWrite = (spec: RouteSpec) => spec.method !== 'get';

/**
 * The problems a route answers, derived from its definition so the document cannot forget one:
 * what it reads can be invalid (400), who calls it may be unknown (401) or not allowed (403), what
 * it names may not exist (404), any body may be too large (413) or not JSON (415), any address
 * and headers too long (431).
 */
function problemsOf(spec: RouteSpec): Record<string, ZodOpenApiResponseObject> {
  const extra = spec.problems ?? {};
  const out: Record<string, ZodOpenApiResponseObject> = {};
  const readsInput = spec.params || spec.query || spec.body;
  if (readsInput || isWrite(spec)) {
    out['400'] = problem(
      extra[400] ?? `validation_failed, naming each field${isWrite(spec) ? '; malformed_json, forbidden_key for a body that is not plain JSON' : ''}`,
    );
  }
  if (spec.caller === 'ingest') {
    out['401'] = problem(
      'unauthenticated: no ingest key, or not a valid one',
      z.object({ 'WWW-Authenticate': z.string().meta({ description: 'Bearer realm="recourse-ingest", with error="invalid_token" when a key was sent' }) }),
    );
  }
  if (spec.caller === 'person') out['401'] = problem('unauthenticated: not signed in, or the session ended');
  if (spec.operationId === 'signIn') out['401'] = problem('invalid_credentials: wrong name or password');
  const forbiddenBy = [
    spec.permissions?.length ? 'forbidden: not for this role or scope' : null,
    spec.caller === 'person' && isWrite(spec) ? 'cross_origin_refused: a write from another site' : null,
  ].filter(Boolean);
  if (extra[403] || forbiddenBy.length) out['403'] = problem(extra[403] ?? forbiddenBy.join('; '));
  if (spec.params || extra[404]) out['404'] = problem(extra[404] ?? 'not_found: no such resource, or not yours to see');
  if (extra[409]) out['409'] = problem(extra[409]);
  if (isWrite(spec)) {
    out['413'] = problem(extra[413] ?? 'payload_too_large: the body is larger than 1 MiB');
    const accepted = [...(spec.body || !spec.bodyMedia ? ['application/json'] : []), ...Object.keys(spec.bodyMedia ?? {})];
    out['415'] = problem(extra[415] ?? `unsupported_media_type: send the body as ${accepted.join(' or ')}`);
  }
  if (extra[429]) out['429'] = problem(extra[429], z.object({ 'Retry-After': z.string().meta({ description: 'Seconds until the next attempt may succeed' }) }));
  // Node refuses a request line and headers above 16 KiB before any route reads them.
  out['431'] = problem('headers_too_large: the address and headers together are larger than 16 KiB');
  if (extra[503]) out['503'] = problem(extra[503]);
  return out;
}

function successesOf(spec: RouteSpec): Record<string, ZodOpenApiResponseObject> {
  const out: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, response] of Object.entries(spec.responses)) {
    const content: Record<string, { schema: z.ZodType }> = {};
    if (response.schema) content['application/json'] = { schema: response.schema };
    for (const media of response.media ?? []) content[media] = { schema: z.string() };
    for (const [media, schema] of Object.entries(response.jsonMedia ?? {})) content[media] = { schema };
    const headers = Object.entries(response.headers ?? {}).map(([name, h]) => [
      name,
      h.required ? z.string().meta({ description: h.description }) : z.string().optional().meta({ description: h.description }),
    ]);
    out[status] = {
      description: response.description,
      ...(Object.keys(content).length ? { content } : {}),
      ...(headers.length ? { headers: z.object(Object.fromEntries(headers)) } : {}),
    };
  }
  return out;
}

/** Who may call, in words, from the permission table. */
function callers(spec: RouteSpec): string {
  if (spec.caller === 'anyone') return 'Anyone.';
  if (spec.caller === 'ingest') return 'Scoring services, with an ingest key.';
  if (!spec.permissions?.length) return 'Anyone signed in.';
  const roles = [...new Set(spec.permissions.flatMap((p) => PERMISSIONS[p]))];
  return `Signed in as ${roles.join(', ')} (${spec.permissions.join(', ')}).`;
}

function operationOf(spec: RouteSpec, descriptions: Record<string, string>): ZodOpenApiOperationObject {
  const requestParams = { ...(spec.params ? { path: spec.params as z.ZodObject } : {}), ...(spec.query ? { query: spec.query as z.ZodObject } : {}) };
  const media = Object.fromEntries(Object.entries(spec.bodyMedia ?? {}).map(([type, schema]) => [type, { schema }]));
  const bodyContent = spec.body ? { 'application/json': { schema: spec.body }, ...media } : spec.bodyMedia ? media : null;
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    description: [descriptions[spec.operationId] ?? spec.description, `Who: ${callers(spec)}`].filter(Boolean).join('\n\n'),
    ...(spec.caller === 'anyone' ? { security: [] } : spec.caller === 'ingest' ? { security: [{ ingestKey: [] }] } : {}),
    ...(Object.keys(requestParams).length ? { requestParams } : {}),
    ...(bodyContent ? { requestBody: { required: !spec.bodyOptional, content: bodyContent } } : {}),
    responses: { ...successesOf(spec), ...problemsOf(spec) },
  };
}

/** The HTTP contract, derived from the one definition of each route (shared/contract). */
export function openApiDocument(routes: readonly RouteSpec[] = API_ROUTES) {
  const metrics = metricDescriptions();
  const descriptions: Record<string, string> = {
    metricsOverview: metrics.overview,
    metricsModels: metrics.models,
    metricsFairness: metrics.fairness,
    metricsDrift: metrics.drift,
    metricsOverrides: metrics.overrides,
    metricsFindings: metrics.findings,
    metricsCoverage: metrics.coverage,
  };
  const paths: ZodOpenApiPathsObject = {};
  for (const spec of routes) {
    const path = `/api${openApiPath(spec.path)}`;
    paths[path] = { ...paths[path], [spec.method]: operationOf(spec, descriptions) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Recourse API',
      version: '0.1.0',
      description:
        'Transparency and human review of automated decisions. Errors are RFC 9457 problem+json. A path called with a method it does not serve answers 405 `method_not_allowed` with an `Allow` header; an unknown path answers 404.',
    },
    components: {
      securitySchemes: {
        ingestKey: { type: 'http', scheme: 'bearer' },
        session: { type: 'apiKey', in: 'cookie', name: 'recourse_session' },
      },
    },
    security: [{ session: [] }],
    paths,
    webhooks: webhookDocument(),
    // How every figure of /api/metrics is computed, from the constants the code computes with.
    'x-metric-definitions': metricDefinitions(),
  });
}
