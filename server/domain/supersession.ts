import type { ProblemFieldError } from '@shared/schemas/problem';
import type { Clock } from '../clock';
import { conflict, validationFailed } from './errors';
import { buildEvent } from './hash-chain';
import { publicOutcome, withIdentifiers } from './public-outcome';
import { DuplicateKeyError, type Store, type StoredDecision } from '../storage/store';

/** A chain's head to append at; the case service's consistentHead, which first repairs a lagging case projection. */
export type ChainHeadOf = (decision: StoredDecision) => Promise<{ seq: number; hash: string }>;

/*
 * Rectification: a decision ingested with `supersedes: <id>` replaces an earlier one after an
 * accepted correction. Without multi-document transactions the writes go in this order:
 *   1. the new decision (idempotent by its id);
 *   2. a `superseded` event on the old decision's chain, naming the new one (the record of it);
 *   3. the old decision's projection: `supersededBy` and its effective outcome (compare-and-set).
 * A crash after 2 is repaired from the chain (repairRecentProjections); one after 1 by the scoring
 * service's retry of the same ingest, which is a duplicate and runs 2 and 3 again, writing
 * nothing twice.
 */

const SYSTEM = { id: 'system', role: 'system' };
const MAX_APPEND_TRIES = 5;

/**
 * Before anything is written: the superseded decision exists, is of the same type and about the
 * same member (400, path `supersedes`), and no other decision superseded it yet (409).
 */
export async function checkSupersedes(store: Store, records: readonly StoredDecision[], pathOf: (index: number) => string): Promise<void> {
  const errors: ProblemFieldError[] = [];
  const taken: string[] = [];
  const claimed = new Map<string, string>();
  for (const [index, record] of records.entries()) {
    if (!record.supersedes) continue;
    const path = `${pathOf(index)}supersedes`;
    const old = await store.decisions.get(record.supersedes);
    if (!old || record.supersedes === record.id) errors.push({ path, message: 'no earlier decision with this id' });
    else if (old.type !== record.type) errors.push({ path, message: `is a ${old.type} decision, not ${record.type}` });
    else if (old.erasedAt || old.subject.memberId !== record.subject.memberId) errors.push({ path, message: 'is a decision about another member' });
    else if ((old.supersededBy && old.supersededBy !== record.id) || (claimed.has(old.id) && claimed.get(old.id) !== record.id)) taken.push(path);
    claimed.set(record.supersedes, record.id);
  }
  if (errors.length) throw validationFailed(errors, 'A superseded decision is not one this decision can replace. Nothing was stored.');
  if (taken.length) {
    throw conflict(
      'conflict',
      'Another decision already superseded it: supersede the newest decision instead. Nothing was stored.',
      undefined,
      taken.map((path) => ({ path, message: 'already superseded by another decision' })),
    );
  }
}

/** The old decision's projection from the new one: superseded by it, its effective outcome followed. */
async function project(store: Store, old: StoredDecision, replacement: StoredDecision): Promise<boolean> {
  return store.decisions.linkSuperseded(old.id, replacement.id, withIdentifiers(old.output, replacement.effectiveOutcome));
}

/** Steps 2 and 3 above for one recorded decision that supersedes another. Idempotent. */
export async function linkSupersession(deps: { store: Store; clock: Clock; headOf: ChainHeadOf }, replacement: StoredDecision): Promise<void> {
  const { store, clock, headOf } = deps;
  if (!replacement.supersedes) return;
  for (let attempt = 0; attempt < MAX_APPEND_TRIES; attempt++) {
    const old = await store.decisions.get(replacement.supersedes);
    if (!old) return;
    const head = await headOf(old);
    const recorded = (await store.events.list(old.id)).find((e) => e.action === 'superseded');
    if (recorded) {
      // Written before (a replay, a repair), or another decision won a race: only ours is projected.
      if (recorded.data.supersededBy === replacement.id) await project(store, old, replacement);
      return;
    }
    const event = buildEvent(head, {
      decisionId: old.id,
      action: 'superseded',
      at: clock.now().toISOString(),
      actor: SYSTEM,
      caseId: null,
      data: { supersededBy: replacement.id, effectiveOutcome: publicOutcome(old.type, replacement.effectiveOutcome) },
      personal: null,
    });
    try {
      await store.events.append(event);
    } catch (error) {
      // A case change took the slot: read the new head and try again.
      if (error instanceof DuplicateKeyError) continue;
      throw error;
    }
    await project(store, old, replacement);
    return;
  }
  throw conflict('version_conflict', `The decision ${replacement.supersedes} kept changing; send the same request again to link it.`);
}

/** The projection of a `superseded` chain event, for the repair job. Idempotent. */
export async function applySuperseded(store: Store, oldId: string, newId: string): Promise<void> {
  const [old, replacement] = await Promise.all([store.decisions.get(oldId), store.decisions.get(newId)]);
  if (old && replacement && old.supersededBy !== newId) await project(store, old, replacement);
}
