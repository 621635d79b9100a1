import path from 'node:path';
import { z } from 'zod';
import { DecisionType, Instant } from '@shared/schemas/common';
import { DEFAULT_DECIDED_AT_FLOOR } from '@shared/schemas/decision';

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

/** AI Act Art. 26(6): deployers keep the logs of a high-risk system for at least six months. */
export const MIN_RETENTION_DAYS = 183;
const retentionDays = z.coerce
  .number()
  .int()
  .min(MIN_RETENTION_DAYS, `must be at least ${MIN_RETENTION_DAYS} days: the AI Act (Art. 26(6)) requires keeping logs for six months`)
  .default(7 * 365);

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional(),
  INGEST_API_KEYS: z.string().optional(),
  SEED_DEMO: flag.optional(),
  AUDIT_SIGNING_KEY: z.string().min(16, 'use at least 16 characters').optional(),
  ANCHOR_INTERVAL_SECONDS: z.coerce.number().int().min(5).default(600),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  SAMPLE_RATE: z.coerce.number().min(0).max(1).default(0.02),
  SAMPLE_NEAR_THRESHOLD: z.coerce.number().min(0).max(1).default(0.05),
  FOUR_EYES_TYPES: z
    .string()
    .default('renewal_price,fraud_flag,risk_score')
    .transform((v) => v.split(',').map((t) => t.trim()).filter(Boolean))
    .pipe(z.array(DecisionType)),
  FOUR_EYES_MIN_RENEWAL_CENTS: z.coerce.number().int().min(0).default(0),
  FOUR_EYES_MIN_RISK_POINTS: z.coerce.number().min(0).max(1).default(0),
  RETENTION_DAYS_RENEWAL_PRICE: retentionDays,
  RETENTION_DAYS_FRAUD_FLAG: retentionDays,
  RETENTION_DAYS_RISK_SCORE: retentionDays,
  DECIDED_AT_FLOOR: Instant.default(DEFAULT_DECIDED_AT_FLOOR),
});

export interface Config {
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
  /** Origins allowed to make state-changing requests with a session cookie besides the app's own. */
  secureCookies: boolean;
  sampleRate: number;
  sampleNearThreshold: number;
  fourEyesTypes: DecisionType[];
  fourEyesMinRenewalCents: number;
  fourEyesMinRiskPoints: number;
  retentionDays: Record<DecisionType, number>;
  /** The earliest decidedAt ingest accepts (ISO instant). */
  decidedAtFloor: string;
}

export const DEMO_INGEST_KEY = 'demo-ingest-key';

export class ConfigError extends Error {}

/** Parses the environment once at start; a bad value stops the server with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    mongodbUri: e.MONGODB_URI,
    ingestApiKeys: (e.INGEST_API_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean),
    seedDemo: e.SEED_DEMO,
    auditSigningKey: e.AUDIT_SIGNING_KEY,
    anchorIntervalMs: e.ANCHOR_INTERVAL_SECONDS * 1000,
    logLevel: e.LOG_LEVEL,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    secureCookies: false,
    sampleRate: e.SAMPLE_RATE,
    sampleNearThreshold: e.SAMPLE_NEAR_THRESHOLD,
    fourEyesTypes: e.FOUR_EYES_TYPES,
    fourEyesMinRenewalCents: e.FOUR_EYES_MIN_RENEWAL_CENTS,
    fourEyesMinRiskPoints: e.FOUR_EYES_MIN_RISK_POINTS,
    retentionDays: { renewal_price: e.RETENTION_DAYS_RENEWAL_PRICE, fraud_flag: e.RETENTION_DAYS_FRAUD_FLAG, risk_score: e.RETENTION_DAYS_RISK_SCORE },
    decidedAtFloor: e.DECIDED_AT_FLOOR,
  };
}

/** A config for tests and tools: defaults plus overrides, no environment read. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), ingestApiKeys: [DEMO_INGEST_KEY], logLevel: 'silent', ...overrides };
}
