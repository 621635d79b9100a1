import type { BenchResult } from './bench';

interface Row {
  figure: string;
  value: string;
  target: string;
  ok: boolean | null;
}

const n = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** The readable table: one line per figure, its target, and whether it holds. */
export function formatTable(r: BenchResult, scale: string): string {
  const rows: Row[] = [
    { figure: 'ingest via HTTP batch (decisions/s)', value: n(r.ingest.decisionsPerSec), target: '', ok: null },
    { figure: 'raw SQLite floor (decisions/s)', value: n(r.ingest.floorPerSec), target: '', ok: null },
    { figure: 'ingest ratio API / floor', value: n(r.ingest.ratio), target: '≥ 0.5', ok: r.ingest.ratio >= 0.5 },
  ];
  if (r.ingestMongo) {
    rows.push(
      {
        figure: `ingest via HTTP, MongoDB store (${n(r.ingestMongo.decisions)} decisions, per s)`,
        value: n(r.ingestMongo.decisionsPerSec),
        target: '',
        ok: null,
      },
      { figure: 'raw insertMany, same server (decisions/s)', value: n(r.ingestMongo.rawPerSec), target: '', ok: null },
      { figure: 'MongoDB ingest ratio API / raw', value: n(r.ingestMongo.ratio), target: '≥ 0.7', ok: r.ingestMongo.ratio >= 0.7 },
    );
  } else {
    rows.push({ figure: 'MongoDB ingest', value: 'skipped (no MONGODB_URI)', target: '', ok: null });
  }
  const q = r.queries;
  rows.push(
    {
      figure: `member's decision list p95 (HTTP, ${n(q.decisions)} decisions)`,
      value: `${n(q.memberListP95Ms)} ms`,
      target: '≤ 10 ms',
      ok: q.memberListP95Ms <= 10,
    },
    { figure: `reviewer's first queue page p95 (HTTP, ${n(q.cases)} cases)`, value: `${n(q.queueP95Ms)} ms`, target: '≤ 10 ms', ok: q.queueP95Ms <= 10 },
    { figure: 'decision detail p95 (HTTP)', value: `${n(q.detailP95Ms)} ms`, target: '≤ 10 ms', ok: q.detailP95Ms <= 10 },
  );
  const o = r.overview;
  rows.push(
    { figure: `overview p95 at ${n(o.smallDecisions)} decisions (HTTP)`, value: `${n(o.p95MsSmall)} ms`, target: '', ok: null },
    { figure: `overview p95 at ${n(o.largeDecisions)} decisions (HTTP)`, value: `${n(o.p95MsLarge)} ms`, target: '', ok: null },
    { figure: 'overview volume ratio large / small', value: n(o.volumeRatio), target: '≤ 2', ok: o.volumeRatio <= 2 },
    { figure: 'overview vs full scan of log + cases', value: `${n(o.vsFullScan)}×`, target: '≥ 100×', ok: o.vsFullScan >= 100 },
    ...Object.entries(r.governance).map(([name, g]) => ({
      figure: `${name} p95 at ${n(o.smallDecisions)} / ${n(o.largeDecisions)} decisions (HTTP), volume ratio`,
      value: `${n(g.p95MsSmall)} / ${n(g.p95MsLarge)} ms = ${n(g.volumeRatio)}`,
      target: '≤ 2',
      ok: g.volumeRatio <= 2,
    })),
    {
      figure: `verifyAll (${n(r.verify.events)} chain events)`,
      value: `${n(r.verify.eventsPerSec)} events/s`,
      target: '≥ 200,000/s',
      ok: r.verify.eventsPerSec >= 200_000,
    },
    {
      figure: `webhooks delivered to a verifying local receiver (${n(r.delivery.deliveries)}, per s)`,
      value: n(r.delivery.deliveriesPerSec),
      target: '',
      ok: null,
    },
    { figure: 'outbox cost on ingest, with / without subscriptions', value: n(r.delivery.ingestRatio), target: '≤ 1.2', ok: r.delivery.ingestRatio <= 1.2 },
    {
      figure: 'outbox cost on case steps, with / without subscriptions',
      value: n(r.delivery.resolveRatio),
      target: '≤ 1.2',
      ok: r.delivery.resolveRatio <= 1.2,
    },
    { figure: 'peak RSS, whole run', value: `${n(r.peakRssMb)} MB`, target: '≤ 400 MB', ok: r.peakRssMb <= 400 },
  );
  const width = (get: (row: Row) => string, title: string) => Math.max(title.length, ...rows.map((row) => get(row).length));
  const w = [width((x) => x.figure, 'figure'), width((x) => x.value, 'value'), width((x) => x.target, 'target')];
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < w.length ? c.padEnd(w[i]!) : c))
      .join('  ')
      .trimEnd();
  return [
    `Recourse benchmark (scale ${scale}) on ${r.machine}`,
    '',
    line(['figure', 'value', 'target', '']),
    line([w[0]!, w[1]!, w[2]!].map((x) => '-'.repeat(x)).concat('----')),
    ...rows.map((row) => line([row.figure, row.value, row.target, row.ok === null ? '' : row.ok ? 'ok' : 'MISSED'])),
  ].join('\n');
}
