import type { ReportVerification } from '@shared/schemas/reports';
import { sha256 } from './hash-chain';
import type { Store, StoredReport } from '../storage/store';

/**
 * The report chain. A report's hash is the SHA-256 of its document, the canonical JSON kept as
 * `content`; the document names its own seq and the previous report's hash, so each hash commits
 * to every report before it (altering one breaks every later link). Deleting the newest report
 * leaves an intact shorter chain: that is what the anchors catch, whose Merkle root seals this
 * chain's head with the decision chains' heads (REPORT_CHAIN_LEAF).
 */
export const reportHash = (content: string) => sha256(content);

/** The leaf id of the report chain among the chain heads an anchor seals; decision ids start with dec_. */
export const REPORT_CHAIN_LEAF = 'reports';

interface Linked {
  seq: unknown;
  prevHash: unknown;
}

function documentLink(content: string): Linked | null {
  try {
    const doc = JSON.parse(content) as Partial<Linked> | null;
    return doc && typeof doc === 'object' ? { seq: doc.seq, prevHash: doc.prevHash } : null;
  } catch {
    return null;
  }
}

/** Checks one report against its stored hash and its predecessor's (the hash of seq − 1, '' before the first). */
export function checkReport(report: StoredReport, previousHash: string | null): ReportVerification {
  const hashMatches = reportHash(report.content) === report.hash;
  const link = documentLink(report.content);
  const linked = link !== null && link.seq === report.seq && link.prevHash === report.prevHash && previousHash === report.prevHash;
  return { hashMatches, linked, ok: hashMatches && linked };
}

/** One report verified with the predecessor it names, as stored now (one more indexed read). */
export async function verifyReport(store: Store, report: StoredReport): Promise<ReportVerification> {
  const previous = report.seq > 1 ? await store.reports.bySeq(report.seq - 1) : null;
  return checkReport(report, report.seq > 1 ? (previous?.hash ?? null) : '');
}

/** The report chain's head as it stood at `until` (ISO instant), or null before the first report. */
export async function reportHeadAsOf(store: Store, until: string): Promise<{ seq: number; hash: string } | null> {
  let head: { seq: number; hash: string } | null = null;
  for await (const report of store.reports.scan()) {
    if (report.frozenAt > until) break;
    head = { seq: report.seq, hash: report.hash };
  }
  return head;
}
