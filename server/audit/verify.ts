import { timingSafeEqual } from 'node:crypto';
import type { VerifyResult } from '@shared/schemas/audit';
import type { ChainEvent, Store, StoredDecision } from '../storage/store';
import { publicOutcome } from '../domain/public-outcome';
import { canonicalJson, decisionHash, decisionPersonal, eventHash, personalDigest } from '../domain/hash-chain';
import { anchorHash, anchorSignature } from './anchors';
import { StreamingMerkle, headLeaf } from './merkle';
import { headAsOf, walkChains, type ChainView } from './walk';
import { checkReport, REPORT_CHAIN_LEAF } from '../domain/report-chain';

type Broken = NonNullable<VerifyResult['brokenAt']>;

const sameHex = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Checks one chain link by link; returns the first break or null. */
export function checkChain(view: ChainView): Broken | null {
  const { decision, decisionId } = view;
  if (!decision) {
    return { decisionId, reason: 'missing_chain', detail: `Events exist for decision ${decisionId} but the decision itself is gone.` };
  }
  const erased = view.events.some((e) => e.action === 'erased');
  if (decision.personalSalt) {
    if (personalDigest(decision.personalSalt, decisionPersonal(decision)) !== decision.personalDigest) {
      return { decisionId, seq: 0, reason: 'altered', detail: "The decision's personal data no longer matches its digest." };
    }
  } else if (!erased) {
    return { decisionId, seq: 0, reason: 'altered', detail: 'Personal data was removed without an erasure on the chain.' };
  }
  if (decisionHash(decision) !== decision.hash) {
    return { decisionId, seq: 0, reason: 'altered', detail: 'The recorded decision does not match its hash.' };
  }
  let prev = { seq: 0, hash: decision.hash };
  for (const event of view.events) {
    if (event.seq !== prev.seq + 1) {
      return { decisionId, seq: prev.seq + 1, reason: 'missing_event', detail: `Event ${prev.seq + 1} is missing from the chain.` };
    }
    const broken = checkEvent(event, prev.hash, erased);
    if (broken) return { decisionId, seq: event.seq, ...broken };
    prev = { seq: event.seq, hash: event.hash };
  }
  // Found by test/security/tampering.test.ts: the effective outcome sits outside
  // the hashed record, yet it is what the member is shown and billed on. It is a projection of the
  // chain (the last event carrying an override, else the original output), so one that disagrees
  // with its chain was altered. A crash between an event and its projection is repaired at start.
  const override = view.events.findLast((e) => e.data.effectiveOutcome);
  const expected = override ? (override.data.effectiveOutcome as StoredDecision['output']) : decision.output;
  // A decision superseded after a correction (rectification) follows the new one's outcome without being overridden by a person.
  const overridden = view.events.some((e) => e.data.effectiveOutcome && e.action !== 'superseded');
  if (!sameOutcome(decision.type, expected, decision.effectiveOutcome) || decision.overridden !== overridden) {
    return { decisionId, seq: 0, reason: 'altered', detail: EFFECTIVE_MISMATCH };
  }
  return null;
}

/** Whether two outcomes show the member the same thing: equal canonical JSON of their public parts. */
function sameOutcome(type: StoredDecision['type'], a: StoredDecision['output'], b: StoredDecision['output']): boolean {
  const left = publicOutcome(type, a);
  const right = publicOutcome(type, b);
  // Performance (verification): outcomes are flat objects of numbers and strings, so equal
  // fields settle it without canonicalising both (~1 µs a decision, the output being
  // canonicalised for its hash already). Anything else, or a difference, is decided by the
  // canonical JSON as before.
  return sameFlatFields(left, right) || canonicalJson(left) === canonicalJson(right);
}

/** True when both are plain objects with the same own keys holding identical strings, numbers or booleans. */
function sameFlatFields(a: unknown, b: unknown): boolean {
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    const value = a[key];
    if (value !== b[key] || !isJsonScalar(value) || !Object.hasOwn(b, key)) return false;
  }
  return true;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

const isJsonScalar = (value: unknown) => value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

const EFFECTIVE_MISMATCH = "The effective outcome does not match the decision's chain.";

/**
 * An override is written to the chain first and to the decision's effective outcome a moment
 * later; a verification running in between would see them disagree. Such a break is read again
 * after the writer has had time to finish, and only reported if it stays.
 */
async function recheckSettled(store: Store, view: ChainView): Promise<Broken | null> {
  const broken = checkChain(view);
  if (!broken || broken.detail !== EFFECTIVE_MISMATCH) return broken;
  await new Promise((resolve) => setTimeout(resolve, 250));
  const decision = await store.decisions.get(view.decisionId);
  return checkChain({ decisionId: view.decisionId, decision, events: await store.events.list(view.decisionId) });
}

function checkEvent(event: ChainEvent, prevHash: string, erased: boolean): Pick<Broken, 'reason' | 'detail'> | null {
  if (event.prevHash !== prevHash) return { reason: 'altered', detail: `Event ${event.seq} does not link to the event before it.` };
  if (eventHash(event) !== event.hash) return { reason: 'altered', detail: `Event ${event.seq} does not match its hash.` };
  if (event.personalDigest) {
    if (event.personalSalt && event.personal) {
      if (personalDigest(event.personalSalt, event.personal) !== event.personalDigest) {
        return { reason: 'altered', detail: `The personal content of event ${event.seq} no longer matches its digest.` };
      }
    } else if (!erased) {
      return { reason: 'altered', detail: `Personal content of event ${event.seq} was removed without an erasure.` };
    }
  }
  return null;
}

/**
 * The frozen reports' chain, link by link: each document must hash to its report's hash and name
 * the seq before it and that report's hash. Returns the first break, and the chain's head as of
 * `until` (the latest anchor's coveredUntil) for the Merkle root.
 */
async function checkReportChain(store: Store, until: string | undefined) {
  let prev = { seq: 0, hash: '' };
  let head: { seq: number; hash: string } | null = null;
  let pastUntil = false;
  for await (const report of store.reports.scan()) {
    if (report.seq !== prev.seq + 1) {
      return {
        broken: { reportSeq: prev.seq + 1, reason: 'missing_report', detail: `Frozen report ${prev.seq + 1} is missing from the report chain.` } as Broken,
      };
    }
    const check = checkReport(report, prev.hash);
    if (!check.ok) {
      const detail = check.hashMatches
        ? `Frozen report ${report.seq} does not link to the report before it.`
        : `Frozen report ${report.seq} does not match its hash.`;
      return { broken: { reportSeq: report.seq, reason: 'report_altered', detail } as Broken };
    }
    // As reportHeadAsOf (anchors.ts) reads it: the last report before the first one frozen after `until`.
    if (until !== undefined && !pastUntil) {
      if (report.frozenAt <= until) head = { seq: report.seq, hash: report.hash };
      else pastUntil = true;
    }
    prev = { seq: report.seq, hash: report.hash };
  }
  return { head };
}

/**
 * Recomputes every chain and the anchors. The anchors' Merkle root over chain heads is what
 * detects a deleted decision or a truncated chain, which no single chain can show by itself.
 */
export async function verifyAll(store: Store, signingKey?: string): Promise<VerifyResult> {
  const anchors = await store.anchors.list();
  let prevHash = '';
  for (const anchor of anchors) {
    if (anchor.prevHash !== prevHash || anchorHash(anchor) !== anchor.hash) {
      return result(0, 0, anchors.length, { anchorSeq: anchor.seq, reason: 'anchor_altered', detail: `Anchor ${anchor.seq} was altered or removed.` });
    }
    if (signingKey && (!anchor.signature || !sameHex(anchor.signature, anchorSignature(signingKey, anchor.hash)))) {
      return result(0, 0, anchors.length, { anchorSeq: anchor.seq, reason: 'anchor_signature', detail: `Anchor ${anchor.seq} has no valid signature.` });
    }
    prevHash = anchor.hash;
  }
  const latest = anchors[anchors.length - 1];
  const reports = await checkReportChain(store, latest?.coveredUntil);
  if (reports.broken) return result(0, 0, anchors.length, reports.broken);
  const merkle = new StreamingMerkle();
  let chains = 0;
  let events = 0;
  for await (const view of walkChains(store)) {
    const broken = checkChain(view) && (await recheckSettled(store, view));
    if (broken) return result(chains, events, anchors.length, broken);
    chains++;
    events += view.events.length + 1;
    if (latest) {
      const head = headAsOf(view, latest.coveredUntil);
      if (head) merkle.add(headLeaf(view.decisionId, head.seq, head.hash));
    }
  }
  if (reports.head) merkle.add(headLeaf(REPORT_CHAIN_LEAF, reports.head.seq, reports.head.hash));
  if (latest && (merkle.root() !== latest.root || merkle.count !== latest.chains)) {
    const missing = latest.chains - merkle.count;
    return result(chains, events, anchors.length, {
      anchorSeq: latest.seq,
      reason: 'missing_chain',
      detail:
        missing > 0
          ? `${missing} chain(s) sealed by anchor ${latest.seq} are gone (a decision's, or the frozen reports').`
          : `A chain sealed by anchor ${latest.seq} was truncated or replaced (a decision's, or the frozen reports').`,
    });
  }
  return result(chains, events, anchors.length);
}

const result = (chains: number, events: number, anchors: number, brokenAt?: Broken): VerifyResult =>
  brokenAt ? { ok: false, chains, events, anchors, brokenAt } : { ok: true, chains, events, anchors };
