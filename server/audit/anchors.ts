import { createHmac } from 'node:crypto';
import type { Anchor } from '@shared/schemas/audit';
import type { Clock } from '../clock';
import { DuplicateKeyError, type Store } from '../storage/store';
import { linkHash } from '../domain/hash-chain';
import { StreamingMerkle, headLeaf } from './merkle';
import { headAsOf, walkChains } from './walk';
import { REPORT_CHAIN_LEAF, reportHeadAsOf } from '../domain/report-chain';

/** Writes in flight when an anchor starts are left to the next one, so it never races them. */
const SETTLE_MS = 2_000;

export function anchorBody(a: Omit<Anchor, 'hash' | 'signature' | 'prevHash'>) {
  return { seq: a.seq, createdAt: a.createdAt, coveredUntil: a.coveredUntil, chains: a.chains, events: a.events, root: a.root };
}

export const anchorHash = (a: Anchor) => linkHash(a.prevHash, anchorBody(a));
export const anchorSignature = (key: string, hash: string) => createHmac('sha256', key).update(hash).digest('hex');

/**
 * Merkle root over every chain head as of `until`, plus counts. The frozen reports' chain is one
 * more leaf after the decisions' (once there is a report), so deleting a sealed report shows.
 */
export async function headsRoot(store: Store, until: string) {
  const merkle = new StreamingMerkle();
  let events = 0;
  for await (const view of walkChains(store)) {
    const head = headAsOf(view, until);
    if (!head) continue;
    merkle.add(headLeaf(view.decisionId, head.seq, head.hash));
    events += head.seq + 1;
  }
  const reports = await reportHeadAsOf(store, until);
  if (reports) merkle.add(headLeaf(REPORT_CHAIN_LEAF, reports.seq, reports.hash));
  return { root: merkle.root(), chains: merkle.count, events };
}

/**
 * Seals the current heads: an anchor chained to the previous one and HMAC-signed when a key is
 * configured, so deleting or truncating a whole chain is detectable. Returns null when another
 * process anchored the same seq first (the job is idempotent).
 */
export async function createAnchor(store: Store, clock: Clock, signingKey?: string): Promise<Anchor | null> {
  const previous = await store.anchors.latest();
  const now = clock.now();
  const coveredUntil = new Date(now.getTime() - SETTLE_MS).toISOString();
  const { root, chains, events } = await headsRoot(store, coveredUntil);
  const anchor: Anchor = {
    seq: (previous?.seq ?? 0) + 1,
    createdAt: now.toISOString(),
    coveredUntil,
    chains,
    events,
    root,
    prevHash: previous?.hash ?? '',
    hash: '',
    signature: null,
  };
  anchor.hash = anchorHash(anchor);
  anchor.signature = signingKey ? anchorSignature(signingKey, anchor.hash) : null;
  try {
    await store.anchors.append(anchor);
    return anchor;
  } catch (error) {
    if (error instanceof DuplicateKeyError) return null;
    throw error;
  }
}
