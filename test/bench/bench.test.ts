import { describe, expect, it } from 'vitest';
import { runBench, type BenchResult } from './bench';
import { formatTable } from './report';
import { mongoTestUri } from '../support/mongo-uri';

/** Every leaf of the result that should be a number, by its path. */
function numbers(result: BenchResult): Record<string, unknown> {
  const { machine: _machine, ingestMongo: _mongo, governance, ...rest } = result;
  const out: Record<string, unknown> = {};
  for (const [group, value] of Object.entries(rest)) {
    if (typeof value === 'object' && value !== null) for (const [name, n] of Object.entries(value)) out[`${group}.${name}`] = n;
    else out[group] = value;
  }
  for (const [name, g] of Object.entries(governance)) for (const [figure, n] of Object.entries(g)) out[`governance.${name}.${figure}`] = n;
  return out;
}

/**
 * The benchmark is not a timed test: this runs the tiny scale through the same code
 * as `npm run bench` and checks only that it yields a well-formed result, never the targets.
 */
describe('npm run bench', () => {
  it('produces a well-formed result at the tiny scale', async () => {
    // The MongoDB leg too, on the test FerretDB, at 1,000 decisions (see mongoDecisions).
    const mongoUri = mongoTestUri();
    const result = await runBench({ scale: 'tiny', mongoUri, mongoDecisions: 1000 });
    expect(Object.keys(result).sort()).toEqual(['delivery', 'governance', 'ingest', 'ingestMongo', 'machine', 'overview', 'peakRssMb', 'queries', 'verify']);
    expect(Object.keys(result.governance).sort()).toEqual(['drift', 'fairness', 'fairnessFinal', 'labels']);
    for (const g of Object.values(result.governance)) expect(Object.keys(g).sort()).toEqual(['p95MsLarge', 'p95MsSmall', 'volumeRatio']);
    expect(result.machine).toMatch(/\S/);
    if (mongoUri) {
      expect(result.ingestMongo).toMatchObject({ decisions: 1000 });
      for (const name of ['decisionsPerSec', 'rawPerSec', 'ratio'] as const) expect(result.ingestMongo![name], name).toBeGreaterThan(0);
    } else {
      expect(result.ingestMongo).toBeNull();
    }
    expect(Object.keys(result.ingest).sort()).toEqual(['decisionsPerSec', 'floorPerSec', 'ratio']);
    expect(Object.keys(result.queries).sort()).toEqual(['cases', 'decisions', 'detailP95Ms', 'memberListP95Ms', 'queueP95Ms']);
    expect(Object.keys(result.overview).sort()).toEqual(['largeDecisions', 'p95MsLarge', 'p95MsSmall', 'smallDecisions', 'volumeRatio', 'vsFullScan']);
    expect(Object.keys(result.verify).sort()).toEqual(['events', 'eventsPerSec']);
    expect(Object.keys(result.delivery).sort()).toEqual(['deliveries', 'deliveriesPerSec', 'ingestRatio', 'resolveRatio']);
    for (const [path, value] of Object.entries(numbers(result))) {
      expect(Number.isFinite(value), `${path} = ${String(value)}`).toBe(true);
      expect(value as number, path).toBeGreaterThan(0);
    }
    expect(result.queries).toMatchObject({ decisions: 5000, cases: 500 });
    expect(result.overview).toMatchObject({ smallDecisions: 1000, largeDecisions: 5000 });
    expect(result.verify.events).toBeGreaterThanOrEqual(2000);
    expect(formatTable(result, 'tiny')).toContain('ingest ratio');
  }, 120_000);
});
