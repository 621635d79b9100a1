import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import pino, { type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { createAuditService } from './audit/audit.service';
import { auditRouter } from './audit/audit.routes';
import { sessionRouter } from './auth/session.routes';
import { createSessionService } from './auth/sessions.service';
import { createOidcSignIn } from './auth/oidc/oidc-sign-in.service';
import { oidcRouter } from './auth/oidc/oidc.routes';
import type { Clock } from './clock';
import type { Config } from './config';
import { BATCH_JSON_LIMIT, decisionsRouter } from './decisions/decisions.routes';
import { createDecisionService, type DecisionService } from './decisions/decisions.service';
import { casesRouter } from './cases/cases.routes';
import { caseInformationRouter } from './cases/case-information.routes';
import { createCaseService } from './cases/cases.service';
import { consistentHead } from './cases/case-chain';
import { policiesRouter } from './policies/policies.routes';
import { createMetricsService } from './metrics/metrics.service';
import { metricsRouter } from './metrics/metrics.routes';
import { createReportService } from './metrics/reports.service';
import { reportsRouter } from './metrics/reports.routes';
import { createDriftService } from './metrics/drift.service';
import { driftRouter } from './metrics/drift.routes';
import { createMonitorService } from './monitors/monitors.service';
import { monitorsRouter } from './monitors/monitors.routes';
import { createRollupHooks } from './metrics/rollup-hooks';
import { createErasureService } from './members/erasure.service';
import { createExplanationService } from './members/explanations.service';
import { createExportService } from './members/export.service';
import { createHoldService } from './members/holds.service';
import { membersRouter } from './members/members.routes';
import { requestsRouter } from './members/requests.routes';
import { disclosuresRouter } from './disclosures/disclosures.routes';
import { createDisclosureService } from './disclosures/disclosures.service';
import { createRequestService } from './members/requests.service';
import { createAutomationPreferenceService } from './members/automation-preferences.service';
import { automationPreferencesRouter } from './members/automation-preferences.routes';
import { humanReviewFor } from './cases/human-review';
import type { HumanReviewReason } from '@shared/schemas/automation-preferences';
import { createContactService } from './members/contacts.service';
import { contactsRouter } from './members/contacts.routes';
import { createMailboxService } from './mail/mailbox.service';
import { mailRouter } from './mail/mail.routes';
import { createModelService } from './models/models.service';
import { modelsRouter } from './models/models.routes';
import { API_DOCS_ASSETS, apiDocsAssets, apiDocsRouter } from './http/api-docs';
import { authenticate, sameOriginWrites } from './http/auth';
import { jsonBody, multipartPathsOf } from './http/body';
import { API_ROUTES } from '@shared/contract';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { methodNotAllowed, methodNotAllowedOnFixedPaths } from './http/method-not-allowed';
import { securityHeaders } from './http/security-headers';
import { healthRouter } from './monitoring/health.routes';
import { webhooksRouter } from './webhooks/webhooks.routes';
import { ingestKeysRouter } from './ingest-keys/ingest-keys.routes';
import { createIngestKeyService } from './ingest-keys/ingest-keys.service';
import { usersAdminRouter } from './auth/users-admin.routes';
import { createUsersAdminService } from './auth/users-admin.service';
import { createStaffLogService } from './audit/staff-log.service';
import { createWebhookService } from './webhooks/webhooks.service';
import { metricsEndpoint, observeRequests } from './monitoring/metrics-endpoint';
import { createMonitoring, type Monitoring } from './monitoring/monitoring';
import { openApiDocument } from './openapi';
import { policiesFromConfig, type Policies } from './domain/policies';
import type { Store, StoredDecision } from './storage/store';

export interface AppDeps {
  store: Store;
  config: Config;
  clock: Clock;
  logger?: Logger;
  policies?: Policies;
  /** Folder of the built client; served with an SPA fallback when present. */
  clientDir?: string;
  /** Prometheus figures; the server passes its own so its jobs count into the same registry. */
  monitoring?: Monitoring;
}

/** Log lines carry the route, never query strings, bodies, cookies or member data. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: ['req.headers', 'res.headers', '*.password', '*.token'], remove: true } }, destination);
}

/**
 * Found by test/security/log-capture.test.ts: the path as the router declares it
 * (`/api/admin/members/:memberId/export`), never as called, because ids in a URL (the member id
 * of an admin's export or a legal hold) are personal data. A path no route matched keeps only
 * its first segment: whatever else it carries was typed by someone.
 */
export function loggedPath(req: Pick<express.Request, 'route' | 'baseUrl' | 'originalUrl'>): string {
  const route: unknown = req.route?.path;
  if (typeof route === 'string') return `${req.baseUrl}${route}`;
  const [first, ...rest] = req.originalUrl.split('?')[0]!.split('/').filter(Boolean);
  return `/${first ?? ''}${rest.length ? '/…' : ''}`;
}

export function createServices({ store, config, clock, policies = policiesFromConfig(config), monitoring }: AppDeps) {
  // Staff-log digests of member ids are keyed, so the log alone does not reveal who was concerned;
  // the sign-in throttle keys its digests of names and addresses with the same key.
  const digestKey = config.auditSigningKey ?? 'recourse-unkeyed-subject-digest';
  const sessions = createSessionService({ store, clock, config, digestKey });
  // The OpenID Connect flow cookie is signed with a key of its own: derived from the audit key,
  // which production requires (so every instance agrees), else random for this process.
  const flowKey = config.auditSigningKey ? createHmac('sha256', config.auditSigningKey).update('oidc-flow-cookie').digest() : randomBytes(32);
  const oidc = {
    staff: config.oidc && createOidcSignIn({ store, clock, sessions, flowKey, kind: 'staff', cfg: config.oidc }),
    member: config.memberOidc && createOidcSignIn({ store, clock, sessions, flowKey, kind: 'member', cfg: config.memberOidc }),
  };
  // Rollups follow every write: ingest (its follow-ups) and case events (onEvent).
  const rollups = createRollupHooks({ store, attributes: config.monitoringAttributes });
  const cases = createCaseService({ store, clock, policies, onEvent: rollups.onCaseEvent });
  const preferences = createAutomationPreferenceService({ store, clock });
  // A decision its member asked a person for gets that mandatory case in seq 1 instead of a sample.
  const followUpsOf = (decision: StoredDecision, now: Date, reasons: readonly HumanReviewReason[] = []) => {
    const opened = reasons.length ? humanReviewFor(decision, reasons, now) : cases.sampleFor(decision, now);
    return { ...opened, rollups: rollups.forIngest([decision], opened.events) };
  };
  const headOf = (decision: StoredDecision) => consistentHead(store, decision);
  const decisions = countIngest(
    createDecisionService({ store, clock, policies, followUpsOf, headOf, standingRequestsOf: preferences.standingRequestsOf }),
    monitoring,
  );
  const metrics = createMetricsService({ store, clock, attributes: rollups.attributes, fairness: config.fairness, driftMinSample: config.driftMinSample });
  const drift = createDriftService({ store, clock, minSample: config.driftMinSample });
  const monitors = createMonitorService({ store, clock, metrics, attributes: rollups.attributes });
  const audit = createAuditService({ store, clock, signingKey: config.auditSigningKey });
  const reports = createReportService({ store, clock, metrics, attributes: rollups.attributes, fairness: config.fairness });
  const models = createModelService({ store, clock });
  const explanations = createExplanationService({ store });
  const exports = createExportService({ store, clock, explanations, digestKey });
  const erasure = createErasureService({ store, clock, onErased: rollups.onErasure });
  const holds = createHoldService({ store, clock, digestKey });
  const webhooks = createWebhookService({ store, clock, allowedHosts: config.webhookAllowedHosts });
  const contacts = createContactService({ store, clock });
  const usersAdmin = createUsersAdminService({ store, clock });
  const ingestKeys = createIngestKeyService({ store, clock });
  const staffLog = createStaffLogService({ store });
  const requests = createRequestService({ store, clock, erasure });
  const disclosures = createDisclosureService({ store, clock });
  const mailbox = createMailboxService({ config });
  return {
    sessions,
    oidc,
    decisions,
    cases,
    audit,
    policies,
    models,
    explanations,
    exports,
    erasure,
    holds,
    contacts,
    requests,
    disclosures,
    preferences,
    mailbox,
    metrics,
    reports,
    drift,
    monitors,
    rollups,
    webhooks,
    usersAdmin,
    ingestKeys,
    staffLog,
  };
}

/** Counts what scoring services sent (accepted, duplicates) without the service knowing. */
function countIngest(decisions: DecisionService, monitoring: Monitoring | undefined): DecisionService {
  if (!monitoring) return decisions;
  return {
    ...decisions,
    async ingestOne(raw, types) {
      const result = await decisions.ingestOne(raw, types);
      monitoring.countIngest(result.created ? 1 : 0, result.created ? 0 : 1);
      return result;
    },
    async ingestBatch(items, types) {
      const result = await decisions.ingestBatch(items, types);
      monitoring.countIngest(result.accepted, result.duplicates);
      return result;
    },
  };
}

export type Services = ReturnType<typeof createServices>;

/** Builds the app without listening, so tests drive it through real HTTP on an ephemeral port. */
export function createApp(deps: AppDeps): { app: Express; services: Services; monitoring: Monitoring } {
  const logger = deps.logger ?? createLogger(deps.config.logLevel);
  const monitoring = deps.monitoring ?? createMonitoring();
  const store = monitoring.timeStore(deps.store);
  const services = createServices({ ...deps, store, monitoring });
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Behind a TLS-terminating proxy, req.secure and req.host follow its X-Forwarded-* headers.
  app.set('trust proxy', deps.config.trustProxy);

  app.use(observeRequests(monitoring));
  app.use(securityHeaders());
  app.use(
    pinoHttp({
      logger,
      quietReqLogger: true,
      serializers: {
        // The request is serialised when it arrives, before routing; its path is logged at the end.
        req: (req: { method: string }) => ({ method: req.method }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
      customSuccessObject: (req, _res, fields) => ({ ...fields, path: loggedPath(req as express.Request) }),
      customErrorObject: (req, _res, _err, fields) => ({ ...fields, path: loggedPath(req as express.Request) }),
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    }),
  );

  const api = express.Router();
  api.use(cookieParser());
  api.use(jsonBody({ limit: 1024 * 1024, streamingPaths: new Map([['/decisions/batch', BATCH_JSON_LIMIT]]), multipartPaths: multipartPathsOf(API_ROUTES) }));
  api.use(authenticate(services.sessions, deps.config.ingestApiKeys, services.ingestKeys));
  api.use(sameOriginWrites);

  const refuseUnservedMethod = methodNotAllowed(api);
  // Nested routers answer OPTIONS on their own (200 with Allow) once their routes are exhausted;
  // nothing here serves OPTIONS (no cross-origin API), so it gets the same 405 as any unserved method.
  // A path without parameters is answered as itself before a parametrised route of another method takes it.
  const refuseOnFixedPath = methodNotAllowedOnFixedPaths(api);
  api.use((req, res, next) => (req.method === 'OPTIONS' ? refuseUnservedMethod(req, res, next) : refuseOnFixedPath(req, res, next)));
  api.use(healthRouter(store, logger));
  api.use(apiDocsRouter(openApiDocument()));
  api.use(sessionRouter(services.sessions, { secure: deps.config.secureCookies, maxAgeMs: deps.config.sessionAbsoluteMs }));
  api.use(
    oidcRouter({
      ...services.oidc,
      staffLocalLogin: deps.config.staffLocalLogin,
      sessions: services.sessions,
      cookie: { secure: deps.config.secureCookies, maxAgeMs: deps.config.sessionAbsoluteMs },
      logger,
    }),
  );
  api.use(decisionsRouter(services.decisions));
  api.use(casesRouter(services.cases));
  api.use(caseInformationRouter(services.cases));
  api.use(policiesRouter(services.policies));
  api.use(modelsRouter(services.models));
  api.use(membersRouter(services));
  api.use(requestsRouter(services.requests));
  api.use(disclosuresRouter(services.disclosures));
  api.use(automationPreferencesRouter(services.preferences));
  api.use(contactsRouter(services.contacts));
  api.use(mailRouter(services.mailbox));
  api.use(auditRouter(services.audit, services.staffLog));
  api.use(metricsRouter(services.metrics));
  api.use(reportsRouter(services.reports));
  api.use(driftRouter(services.drift));
  api.use(monitorsRouter(services.monitors));
  api.use(webhooksRouter(services.webhooks));
  api.use(usersAdminRouter(services.usersAdmin));
  api.use(ingestKeysRouter(services.ingestKeys));
  api.use(refuseUnservedMethod);
  api.use(notFoundHandler);
  api.use(errorHandler(logger));
  // Before the API router, whose 404 would answer for these files.
  app.use(API_DOCS_ASSETS, apiDocsAssets());
  app.use('/api', api);
  app.get('/metrics', metricsEndpoint(monitoring, deps.config.metricsToken));

  if (deps.clientDir && fs.existsSync(path.join(deps.clientDir, 'index.html'))) {
    const index = path.join(deps.clientDir, 'index.html');
    app.use(express.static(deps.clientDir, { index: false, maxAge: '1h' }));
    app.get(/.*/, (_req, res) => res.sendFile(index));
  }
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return { app, services, monitoring };
}
