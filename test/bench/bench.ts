import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { MongoClient } from 'mongodb';
import { verifyAll } from '../../server/audit/verify';
import { openMongoStore } from '../../server/storage/mongo/mongo-store';
import { openSqliteStore } from '../../server/storage/sqlite/sqlite-store';
import { measureDelivery, type DeliveryBench } from './delivery';
import { fillStore } from './fill';
import { addDemoUsers, startApp } from './http';
import { ingestMongo, ingestViaApiAndFloor } from './ingest';
import { assertSameOverview, measureGovernance, measureOverview, measureQueries, overviewByScan, type GovernanceEndpoint } from './reads';
import { nowMs, round, watchMemory } from './stats';

export type Scale = 'tiny' | 'small' | 'full';

interface ScaleSpec {
  ingest: number;
  queryDecisions: number;
  decisionsPerCase: number;
  overviewSmall: number;
  samples: number;
  /** Objections filed, claimed and confirmed per side of the outbox leg (with and without subscriptions). */
  outboxCases: number;
}

/** full is what the issue asks for; small is for profiling; tiny proves in `npm test` that it runs. */
export const SCALES: Record<Scale, ScaleSpec> = {
  full: { ingest: 200_000, queryDecisions: 1_000_000, decisionsPerCase: 20, overviewSmall: 10_000, samples: 200, outboxCases: 1000 },
  small: { ingest: 20_000, queryDecisions: 100_000, decisionsPerCase: 20, overviewSmall: 10_000, samples: 200, outboxCases: 300 },
  tiny: { ingest: 2_000, queryDecisions: 5_000, decisionsPerCase: 10, overviewSmall: 1_000, samples: 20, outboxCases: 20 },
};

/** The JSON the issue defines (#7); every figure is a ratio or a percentile from this one run. */
export interface BenchResult {
  machine: string;
  ingest: { decisionsPerSec: number; floorPerSec: number; ratio: number };
  ingestMongo: { decisions: number; decisionsPerSec: number; rawPerSec: number; ratio: number } | null;
  queries: { decisions: number; cases: number; memberListP95Ms: number; queueP95Ms: number; detailP95Ms: number };
  overview: { smallDecisions: number; largeDecisions: number; p95MsSmall: number; p95MsLarge: number; volumeRatio: number; vsFullScan: number };
  /** Issue 19's governance figures at the two volumes, each with its volume ratio (target ≤ 2, like the overview). */
  governance: Record<GovernanceEndpoint, { p95MsSmall: number; p95MsLarge: number; volumeRatio: number }>;
  verify: { events: number; eventsPerSec: number };
  delivery: DeliveryBench;
  peakRssMb: number;
}

export interface BenchOptions {
  scale: Scale;
  /** Run the MongoDB ingest leg against this server. */
  mongoUri?: string;
  /**
   * Decisions for the MongoDB leg (default: the scale's ingest count). FerretDB 1.24 decodes the
   * whole collection for every lookup by _id, so its cost grows with the square of the count.
   */
  mongoDecisions?: number;
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
}

export function describeMachine(): string {
  const cpus = os.cpus();
  const sqlite = (new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'} × ${cpus.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, SQLite ${sqlite}`;
}

/** Member ids spread over the generated members (M-1001 … M-<1000 + members>). */
function sampleMembers(members: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `M-${1001 + Math.floor((i * members) / count)}`);
}

const perSec = (count: number, ms: number) => count / (ms / 1000);

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const spec = SCALES[options.scale];
  const log = options.log ?? (() => undefined);
  const memory = watchMemory();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recourse-bench-'));
  // Decisions fall in the 90 days before this instant; the app runs on the real clock.
  const now = new Date();
  try {
    // 1. Ingest through the API vs the raw floor; then verify the chains that ingest wrote.
    log(`ingest: ${spec.ingest} decisions through POST /api/decisions/batch and the raw floor…`);
    const ingestStore = openSqliteStore(path.join(dir, 'ingest.sqlite'));
    const ingest = await ingestViaApiAndFloor(ingestStore, dir, spec.ingest, now);
    log('verify: verifyAll over the ingested chains…');
    const verifyStart = nowMs();
    const verified = await verifyAll(ingestStore);
    const verifyMs = nowMs() - verifyStart;
    if (!verified.ok) throw new Error(`verification failed on freshly ingested data: ${JSON.stringify(verified.brokenAt)}`);
    await ingestStore.close();
    fs.rmSync(path.join(dir, 'ingest.sqlite'), { force: true });

    // 2. The same on MongoDB, when there is one.
    let ingestMongoResult: BenchResult['ingestMongo'] = null;
    if (options.mongoUri) {
      const mongoDecisions = options.mongoDecisions ?? spec.ingest;
      log(`ingest (MongoDB): ${mongoDecisions} decisions through the API and raw insertMany…`);
      const dbName = `bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const store = await openMongoStore(options.mongoUri, dbName);
      try {
        const m = await ingestMongo(store, options.mongoUri, `${dbName}_raw`, mongoDecisions, now);
        const api = perSec(m.decisions, m.apiMs);
        const raw = perSec(m.decisions, m.rawMs);
        ingestMongoResult = { decisions: m.decisions, decisionsPerSec: round(api), rawPerSec: round(raw), ratio: round(api / raw, 3) };
      } finally {
        await store.close();
        const client = await new MongoClient(options.mongoUri).connect();
        await client
          .db(dbName)
          .dropDatabase()
          .catch(() => undefined);
        await client.close();
      }
    }

    // 3. The outbound side: the outbox's cost with and without subscriptions, and webhooks delivered per second.
    log(`outbox: ${spec.outboxCases} objections filed, claimed and confirmed on each side, then delivered…`);
    const delivery = await measureDelivery(dir, spec.outboxCases, now);

    // 4. Reads: a small store and a large one, filled fast with the same generator and rollup code.
    const members = Math.max(20, Math.floor(spec.queryDecisions / 50));
    const memberUsers = sampleMembers(members, 10);
    const smallStore = openSqliteStore(path.join(dir, 'small.sqlite'));
    const largeStore = openSqliteStore(path.join(dir, 'large.sqlite'));
    log(`fill: ${spec.overviewSmall} decisions (small store)…`);
    await fillStore(smallStore, {
      decisions: spec.overviewSmall,
      decisionsPerCase: spec.decisionsPerCase,
      members: Math.max(20, Math.floor(spec.overviewSmall / 50)),
      now,
      seed: 5,
      keyPrefix: 'small',
    });
    log(`fill: ${spec.queryDecisions} decisions, one case per ${spec.decisionsPerCase} (large store)…`);
    const fillStart = nowMs();
    const filled = await fillStore(largeStore, {
      decisions: spec.queryDecisions,
      decisionsPerCase: spec.decisionsPerCase,
      members,
      now,
      seed: 3,
      keyPrefix: 'large',
      onProgress: (done) => {
        if (done % 100_000 === 0) log(`  ${done} decisions (${Math.round((nowMs() - fillStart) / 1000)} s)`);
      },
    });
    await addDemoUsers(smallStore);
    await addDemoUsers(largeStore, memberUsers);
    const smallApp = await startApp(smallStore);
    const largeApp = await startApp(largeStore);
    try {
      log('queries: member list, reviewer queue, decision detail…');
      const queries = await measureQueries(largeApp.baseUrl, {
        members: memberUsers,
        decisions: spec.queryDecisions,
        keyPrefix: 'large',
        samples: spec.samples,
      });
      log('overview: small and large store, alternating…');
      const overview = await measureOverview(smallApp.baseUrl, largeApp.baseUrl, spec.samples);
      log('governance figures (fairness, labels, drift): small and large store, alternating…');
      const governance = await measureGovernance(smallApp.baseUrl, largeApp.baseUrl, spec.samples);
      log('overview by full scan of the decision log and the cases…');
      const scan = await overviewByScan(largeStore, new Date());
      assertSameOverview(overview.largeOverview, scan.overview);

      const ingestApi = perSec(ingest.decisions, ingest.apiMs);
      const ingestRaw = perSec(ingest.decisions, ingest.rawMs);
      return {
        machine: describeMachine(),
        ingest: { decisionsPerSec: round(ingestApi), floorPerSec: round(ingestRaw), ratio: round(ingestApi / ingestRaw, 3) },
        ingestMongo: ingestMongoResult,
        queries: {
          decisions: filled.decisions,
          cases: filled.cases,
          memberListP95Ms: round(queries.memberListP95Ms, 2),
          queueP95Ms: round(queries.queueP95Ms, 2),
          detailP95Ms: round(queries.detailP95Ms, 2),
        },
        overview: {
          smallDecisions: spec.overviewSmall,
          largeDecisions: filled.decisions,
          p95MsSmall: round(overview.p95MsSmall, 2),
          p95MsLarge: round(overview.p95MsLarge, 2),
          volumeRatio: round(overview.p95MsLarge / overview.p95MsSmall, 3),
          vsFullScan: round(scan.ms / overview.p95MsLarge, 1),
        },
        governance: Object.fromEntries(
          Object.entries(governance).map(([name, g]) => [
            name,
            { p95MsSmall: round(g.p95MsSmall, 2), p95MsLarge: round(g.p95MsLarge, 2), volumeRatio: round(g.p95MsLarge / g.p95MsSmall, 3) },
          ]),
        ) as BenchResult['governance'],
        verify: { events: verified.events, eventsPerSec: round(perSec(verified.events, verifyMs)) },
        delivery: {
          deliveries: delivery.deliveries,
          deliveriesPerSec: round(delivery.deliveriesPerSec),
          ingestRatio: round(delivery.ingestRatio, 3),
          resolveRatio: round(delivery.resolveRatio, 3),
        },
        peakRssMb: round(memory.peakMb(), 1),
      };
    } finally {
      await smallApp.close();
      await largeApp.close();
      await smallStore.close();
      await largeStore.close();
    }
  } finally {
    memory.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
