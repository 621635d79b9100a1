import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { DecisionType, Instant } from '@shared/schemas/common';
import { DEFAULT_DECIDED_AT_FLOOR, FeatureName } from '@shared/schemas/decision';
import { DEFAULT_MONITORED_ATTRIBUTES } from './metrics/rollups';
import { Lang } from '@shared/schemas/model';
import { parseRoleMap, type RoleMap } from './auth/oidc/role-map';
import { DEFAULT_FAIRNESS_MIN_GROUP, type FairnessRules } from './metrics/fairness';
import { DEFAULT_DRIFT_MIN_SAMPLE } from '@shared/metrics/drift';

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

/** Keys a scoring service sends in production: long enough that guessing one is hopeless. */
export const MIN_PRODUCTION_KEY_LENGTH = 32;

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An address, a subnet (`10.0.0.0/8`) or one of Express's names for a range. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (!family || rest.length) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/**
 * Which proxies may tell the app the client's address and protocol (X-Forwarded-*): `false`
 * (none, the default), a number of hops, `true` (any: only when nothing but the proxy can reach
 * the app), or a comma-separated list of addresses, subnets and Express's range names.
 */
const trustProxy = z.string().transform((value, ctx): boolean | number | string[] => {
  const v = value.trim();
  if (v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const entries = v
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.filter((e) => !isProxyAddress(e));
  if (bad.length || entries.length === 0) {
    ctx.addIssue({
      code: 'custom',
      message: `expected true, false, a number of hops, or addresses/subnets/loopback/linklocal/uniquelocal; not understood: ${bad.join(', ') || value}`,
    });
    return z.NEVER;
  }
  return entries;
});

/** AI Act Art. 26(6): deployers keep the logs of a high-risk system for at least six months. */
export const MIN_RETENTION_DAYS = 183;
/** Seven years, unless RETENTION_DAYS_* say otherwise. */
export const DEFAULT_RETENTION_DAYS = 7 * 365;
const retentionDays = z.coerce
  .number()
  .int()
  .min(MIN_RETENTION_DAYS, `must be at least ${MIN_RETENTION_DAYS} days: the AI Act (Art. 26(6)) requires keeping logs for six months`)
  .default(DEFAULT_RETENTION_DAYS);

const Env = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  INGEST_API_KEYS: z.string().optional(),
  SEED_DEMO: flag.optional(),
  AUDIT_SIGNING_KEY: z.string().min(16, 'use at least 16 characters').optional(),
  ANCHOR_INTERVAL_SECONDS: z.coerce.number().int().min(5).default(600),
  SECURE_COOKIES: flag.optional(),
  TRUST_PROXY: trustProxy.optional(),
  METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  SAMPLE_RATE: z.coerce.number().min(0).max(1).default(0.02),
  SAMPLE_NEAR_THRESHOLD: z.coerce.number().min(0).max(1).default(0.05),
  // A sample case's internal service level; a year at most, so a typo cannot park oversight forever.
  SAMPLE_REVIEW_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  FOUR_EYES_TYPES: z
    .string()
    .default('renewal_price,fraud_flag,risk_score')
    .transform((v) =>
      v
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    )
    .pipe(z.array(DecisionType)),
  FOUR_EYES_MIN_RENEWAL_CENTS: z.coerce.number().int().min(0).default(0),
  FOUR_EYES_MIN_RISK_POINTS: z.coerce.number().min(0).max(1).default(0),
  OVERRIDE_MAX_PREMIUM_CHANGE: z.coerce.number().positive('must be above 0').max(10).default(0.5),
  OVERRIDE_MAX_RISK_SCORE_CHANGE: z.coerce.number().positive('must be above 0').max(1).default(1),
  MONITORING_ATTRIBUTES: z
    .string()
    .default(DEFAULT_MONITORED_ATTRIBUTES.join(','))
    .transform((v) =>
      v
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .pipe(z.array(FeatureName).min(1, 'name at least one attribute, such as age_band,region').max(10, 'at most 10 attributes')),
  FAIRNESS_MIN_GROUP: z.coerce.number().int().min(1).default(DEFAULT_FAIRNESS_MIN_GROUP),
  DRIFT_MIN_SAMPLE: z.coerce.number().int().min(1).default(DEFAULT_DRIFT_MIN_SAMPLE),
  FAIRNESS_REFERENCE_GROUPS: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const references: Record<string, string> = {};
      for (const pair of v
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const at = pair.indexOf('=');
        if (at <= 0 || at === pair.length - 1) {
          ctx.addIssue({ code: 'custom', message: `"${pair}" is not <attribute>=<group>, such as age_band=30-44` });
          return z.NEVER;
        }
        references[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
      }
      return references;
    }),
  RETENTION_DAYS_RENEWAL_PRICE: retentionDays,
  RETENTION_DAYS_FRAUD_FLAG: retentionDays,
  RETENTION_DAYS_RISK_SCORE: retentionDays,
  DECIDED_AT_FLOOR: Instant.default(DEFAULT_DECIDED_AT_FLOOR),
  DELIVERY_RETRY_BASE_MS: z.coerce.number().int().min(1).default(30_000),
  DELIVERY_TIMEOUT_MS: z.coerce.number().int().min(1).default(10_000),
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  // Governance's alert mail (monitors): addresses, comma-separated; none means no mail, only the webhook and the dashboard.
  MONITOR_ALERT_EMAILS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.email({ error: 'not an e-mail address' }))),
  MONITOR_ALERT_LANGUAGE: Lang.default('en'),
  MONITOR_INTERVAL_SECONDS: z.coerce.number().int().min(10).default(300),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]/, 'must be an smtp:// or smtps:// URL, such as smtp://user:password@mail.example.org:587')
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(/^[^<>]*<[^<>\s@]+@[^<>\s@]+>$|^[^<>\s@]+@[^<>\s@]+$/, 'must be an address, or a name and an address: Recourse <no-reply@example.org>')
    .default('Recourse <no-reply@recourse.localhost>'),
  APP_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+$/, 'must be the portal origin without a trailing slash, such as https://recourse.example.org')
    .default('http://localhost:3000'),
  OIDC_ISSUER: z.string().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_REDIRECT_URI: z.string().optional(),
  OIDC_DISPLAY_NAME: z.string().max(60).optional(),
  OIDC_ROLES_CLAIM: z.string().min(1).default('groups'),
  OIDC_ROLE_MAP: z.string().optional(),
  STAFF_LOCAL_LOGIN: flag.optional(),
  MEMBER_OIDC_ISSUER: z.string().optional(),
  MEMBER_OIDC_CLIENT_ID: z.string().optional(),
  MEMBER_OIDC_CLIENT_SECRET: z.string().optional(),
  MEMBER_OIDC_REDIRECT_URI: z.string().optional(),
  MEMBER_OIDC_DISPLAY_NAME: z.string().max(60).optional(),
  MEMBER_OIDC_MEMBER_ID_CLAIM: z.string().min(1).optional(),
});

/** One OpenID Connect provider Recourse is registered at as a confidential client. */
export interface OidcClientConfig {
  /** The issuer identifier; discovery reads `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The absolute URL of the callback route, exactly as registered at the provider. */
  redirectUri: string;
  /** Shown on the sign-in page: "Sign in with <displayName>". */
  displayName: string;
}

export interface StaffOidcConfig extends OidcClientConfig {
  /** The claim carrying the person's groups (ID token, else userinfo). */
  rolesClaim: string;
  /** Groups → roles and scopes, evaluated at every sign-in. */
  roleMap: RoleMap;
}

export interface MemberOidcConfig extends OidcClientConfig {
  /** The claim naming the member id. */
  memberIdClaim: string;
}

export interface Config {
  /** NODE_ENV=production: no demo, real keys required, Secure cookies by default. */
  production: boolean;
  port: number;
  dataDir: string;
  mongodbUri?: string;
  ingestApiKeys: string[];
  /** undefined: decide at start (seed when the embedded store is empty). */
  seedDemo?: boolean;
  auditSigningKey?: string;
  anchorIntervalMs: number;
  logLevel: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  /** The session cookie is sent over HTTPS only (on by default in production). */
  secureCookies: boolean;
  /** Express's `trust proxy`: whose X-Forwarded-Proto/-For/-Host the app believes. */
  trustProxy: boolean | number | string[];
  /** Bearer token for GET /metrics; without one the endpoint does not exist. */
  metricsToken?: string;
  sampleRate: number;
  sampleNearThreshold: number;
  /** A sample case is due this many calendar days after it was drawn (internal service level). */
  sampleReviewDays: number;
  fourEyesTypes: DecisionType[];
  fourEyesMinRenewalCents: number;
  fourEyesMinRiskPoints: number;
  /** An override's new premium stays within this fraction of the previous premium, either way. */
  overrideMaxPremiumChange: number;
  /** An override's new risk score stays within this many score points (0..1) of the model's. */
  overrideMaxRiskScoreChange: number;
  /** The attributes fairness is measured on: read from a decision's `monitoring`, else from its inputs. */
  monitoringAttributes: string[];
  /** Fairness: the least group size judged, and per attribute the configured reference group. */
  fairness: FairnessRules;
  /** Drift: the fewest decisions on each side for a PSI to be judged. */
  driftMinSample: number;
  retentionDays: Record<DecisionType, number>;
  /** The earliest decidedAt ingest accepts (ISO instant). */
  decidedAtFloor: string;
  /** The first retry's delay; each later one doubles (server/delivery/schedule.ts). */
  deliveryRetryBaseMs: number;
  /** How long one delivery attempt may take before it counts as failed. */
  deliveryTimeoutMs: number;
  /** Webhook hosts allowed without https and on private addresses (local receivers, tests). */
  webhookAllowedHosts: string[];
  /** Who receives governance's alert mail when a monitor's threshold is crossed; empty: no mail. */
  monitorAlertEmails: string[];
  monitorAlertLanguage: Lang;
  /** How often the monitors are compared with the figures. */
  monitorIntervalMs: number;
  /** Mail to members over SMTP; without it (the demo) each mail is written as an .eml file under dataDir/mail. */
  smtpUrl?: string;
  /** The sender of mail to members. */
  mailFrom: string;
  /** Where members open the portal: links in mails point here. */
  appUrl: string;
  /** Staff sign-in through the insurer's OpenID Connect provider (OIDC_*). */
  oidc?: StaffOidcConfig;
  /** Member sign-in through the customer portal's provider (MEMBER_OIDC_*); passwords stay too. */
  memberOidc?: MemberOidcConfig;
  /** Staff (everyone but members) may sign in with a local password. */
  staffLocalLogin: boolean;
}

export const DEMO_INGEST_KEY = 'demo-ingest-key';

export class ConfigError extends Error {}

/** Parses the environment once at start; a bad value stops the server with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    throw new ConfigError(formatProblems(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const ingestApiKeys = (e.INGEST_API_KEYS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const identity = identityConfig(e);
  if (identity.problems.length) throw new ConfigError(formatProblems(identity.problems));
  if (production) {
    const problems = productionProblems({ ingestApiKeys, auditSigningKey: e.AUDIT_SIGNING_KEY, seedDemo: e.SEED_DEMO });
    if (problems.length) throw new ConfigError(formatProblems(problems));
  }
  return {
    production,
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    mongodbUri: e.MONGODB_URI,
    ingestApiKeys,
    seedDemo: e.SEED_DEMO,
    auditSigningKey: e.AUDIT_SIGNING_KEY,
    anchorIntervalMs: e.ANCHOR_INTERVAL_SECONDS * 1000,
    logLevel: e.LOG_LEVEL,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    secureCookies: e.SECURE_COOKIES ?? production,
    trustProxy: e.TRUST_PROXY ?? false,
    metricsToken: e.METRICS_TOKEN,
    sampleRate: e.SAMPLE_RATE,
    sampleNearThreshold: e.SAMPLE_NEAR_THRESHOLD,
    sampleReviewDays: e.SAMPLE_REVIEW_DAYS,
    fourEyesTypes: e.FOUR_EYES_TYPES,
    fourEyesMinRenewalCents: e.FOUR_EYES_MIN_RENEWAL_CENTS,
    fourEyesMinRiskPoints: e.FOUR_EYES_MIN_RISK_POINTS,
    overrideMaxPremiumChange: e.OVERRIDE_MAX_PREMIUM_CHANGE,
    overrideMaxRiskScoreChange: e.OVERRIDE_MAX_RISK_SCORE_CHANGE,
    monitoringAttributes: [...new Set(e.MONITORING_ATTRIBUTES)],
    fairness: { minGroup: e.FAIRNESS_MIN_GROUP, references: e.FAIRNESS_REFERENCE_GROUPS },
    driftMinSample: e.DRIFT_MIN_SAMPLE,
    retentionDays: { renewal_price: e.RETENTION_DAYS_RENEWAL_PRICE, fraud_flag: e.RETENTION_DAYS_FRAUD_FLAG, risk_score: e.RETENTION_DAYS_RISK_SCORE },
    decidedAtFloor: e.DECIDED_AT_FLOOR,
    deliveryRetryBaseMs: e.DELIVERY_RETRY_BASE_MS,
    deliveryTimeoutMs: e.DELIVERY_TIMEOUT_MS,
    webhookAllowedHosts: e.WEBHOOK_ALLOWED_HOSTS,
    monitorAlertEmails: e.MONITOR_ALERT_EMAILS,
    monitorAlertLanguage: e.MONITOR_ALERT_LANGUAGE,
    monitorIntervalMs: e.MONITOR_INTERVAL_SECONDS * 1000,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    appUrl: e.APP_URL,
    oidc: identity.oidc,
    memberOidc: identity.memberOidc,
    // Off by default only where an insurer's provider is the way in: production with an issuer.
    staffLocalLogin: e.STAFF_LOCAL_LOGIN ?? !(production && identity.oidc),
  };
}

type Env = z.infer<typeof Env>;

/** Loopback issuers may use http (a provider on the same machine, the tests); every other one https. */
function urlProblem(name: string, value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${name}: must be an absolute URL, such as https://login.example.org/realms/insurer`;
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) return null;
  return `${name}: must use https (http only on localhost or 127.0.0.1)`;
}

/**
 * The staff and member providers. A provider is configured by its issuer; once that is set, the
 * other variables it needs must be there too, each missing one named.
 */
function identityConfig(e: Env): { oidc?: StaffOidcConfig; memberOidc?: MemberOidcConfig; problems: string[] } {
  const problems: string[] = [];
  const client = (prefix: 'OIDC' | 'MEMBER_OIDC', fallbackName: string, extra: string[]): OidcClientConfig | undefined => {
    const issuer = e[`${prefix}_ISSUER`];
    const clientId = e[`${prefix}_CLIENT_ID`];
    const clientSecret = e[`${prefix}_CLIENT_SECRET`];
    const redirectUri = e[`${prefix}_REDIRECT_URI`];
    if (!issuer) {
      const stray = [`${prefix}_CLIENT_ID`, `${prefix}_CLIENT_SECRET`, `${prefix}_REDIRECT_URI`].filter((n) => e[n as keyof Env] !== undefined);
      if (stray.length) problems.push(`${stray.join(', ')}: set ${prefix}_ISSUER too, or leave these out`);
      return undefined;
    }
    const missing = [!clientId && `${prefix}_CLIENT_ID`, !clientSecret && `${prefix}_CLIENT_SECRET`, !redirectUri && `${prefix}_REDIRECT_URI`, ...extra].filter(
      (v): v is string => typeof v === 'string',
    );
    if (missing.length) problems.push(`${prefix}_ISSUER is set, so ${missing.join(', ')} must be set too`);
    const bad = [urlProblem(`${prefix}_ISSUER`, issuer), redirectUri ? urlProblem(`${prefix}_REDIRECT_URI`, redirectUri) : null].filter(
      (p): p is string => !!p,
    );
    problems.push(...bad);
    if (missing.length || bad.length) return undefined;
    return { issuer, clientId: clientId!, clientSecret: clientSecret!, redirectUri: redirectUri!, displayName: e[`${prefix}_DISPLAY_NAME`] ?? fallbackName };
  };

  const staff = client('OIDC', 'your organisation', e.OIDC_ISSUER && !e.OIDC_ROLE_MAP ? ['OIDC_ROLE_MAP'] : []);
  let oidc: StaffOidcConfig | undefined;
  if (staff) {
    const { map, problems: mapProblems } = parseRoleMap(e.OIDC_ROLE_MAP!);
    problems.push(...mapProblems.map((p) => `OIDC_ROLE_MAP: ${p}`));
    if (!mapProblems.length) oidc = { ...staff, rolesClaim: e.OIDC_ROLES_CLAIM, roleMap: map };
  }
  const member = client('MEMBER_OIDC', 'your account', e.MEMBER_OIDC_ISSUER && !e.MEMBER_OIDC_MEMBER_ID_CLAIM ? ['MEMBER_OIDC_MEMBER_ID_CLAIM'] : []);
  const memberOidc = member && e.MEMBER_OIDC_MEMBER_ID_CLAIM ? { ...member, memberIdClaim: e.MEMBER_OIDC_MEMBER_ID_CLAIM } : undefined;
  if (e.STAFF_LOCAL_LOGIN === false && !oidc && !problems.length) {
    problems.push('STAFF_LOCAL_LOGIN=false needs OIDC_ISSUER: otherwise no staff member could sign in');
  }
  return { oidc, memberOidc, problems };
}

/** One problem fits on one line; several are listed one a line. */
function formatProblems(problems: string[]): string {
  return problems.length === 1 ? `Invalid configuration: ${problems[0]}` : `Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`;
}

/** What a production start must have: real secrets, and never the demonstration's users or keys. */
function productionProblems(c: { ingestApiKeys: string[]; auditSigningKey?: string; seedDemo?: boolean }): string[] {
  const problems: string[] = [];
  const missing = [c.ingestApiKeys.length === 0 && 'INGEST_API_KEYS', !c.auditSigningKey && 'AUDIT_SIGNING_KEY'].filter((v) => v !== false);
  if (missing.length) problems.push(`NODE_ENV=production requires ${missing.join(' and ')} to be set (see "Deploying" in README.md)`);
  const short = c.ingestApiKeys.filter((k) => k.length < MIN_PRODUCTION_KEY_LENGTH).length;
  if (short)
    problems.push(
      `INGEST_API_KEYS: in production every key needs at least ${MIN_PRODUCTION_KEY_LENGTH} characters (${short} of ${c.ingestApiKeys.length} shorter)`,
    );
  if (c.seedDemo) problems.push('SEED_DEMO: demo users and data are never created in production');
  return problems;
}

/** A config for tests and tools: defaults plus overrides, no environment read. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), ingestApiKeys: [DEMO_INGEST_KEY], logLevel: 'silent', ...overrides };
}
