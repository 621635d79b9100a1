import { createHash, randomBytes } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { FraudFlagOutput } from '@shared/schemas/decision';
import type { ChainEvent, StoredDecision } from '../storage/store';

/** RFC 8785 canonical JSON: the same value always hashes the same, whatever the key order. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be canonicalised');
  return text;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const newSalt = () => randomBytes(16).toString('hex');

/**
 * The chain commits to personal data through a salted digest instead of the data itself.
 * Erasure deletes the data and the salt; the digest stays, so the chain still verifies but
 * nobody can confirm a guessed value against it any more.
 */
export const personalDigest = (salt: string, personal: unknown) => sha256(salt + canonicalJson(personal));

/** hash = SHA-256(prevHash ‖ canonical JSON of the event), DESIGN §3. */
export const linkHash = (prevHash: string, body: unknown) => sha256(prevHash + canonicalJson(body));

/** The personal part of a decision: who it is about and what was known about them. */
export function decisionPersonal(d: Pick<StoredDecision, 'subject' | 'inputs' | 'rationale' | 'idempotencyKey' | 'type' | 'output'>) {
  return {
    subject: d.subject,
    inputs: d.inputs,
    rationale: d.rationale,
    idempotencyKey: d.idempotencyKey,
    // A fraud flag's output names the claim: an identifier, so it is committed by digest only.
    claimId: d.type === 'fraud_flag' ? (d.output as FraudFlagOutput).claimId : null,
  };
}

/** The output as the chain commits to it directly: without identifiers. */
function publicOutput(d: Pick<StoredDecision, 'type' | 'output'>) {
  if (d.type !== 'fraud_flag') return d.output;
  const { claimId: _claimId, ...rest } = d.output as FraudFlagOutput;
  return rest;
}

/** Seq 0 of a chain: the decision's non-personal facts plus the digest of the personal ones. */
export function decisionChainBody(d: StoredDecision) {
  return {
    seq: 0,
    decisionId: d.id,
    type: d.type,
    model: d.model,
    decidedAt: d.decidedAt,
    recordedAt: d.recordedAt,
    legalBasis: d.legalBasis,
    specialCategoryData: d.specialCategoryData,
    output: publicOutput(d),
    findings: d.findings,
    personalDigest: d.personalDigest,
  };
}

export const decisionHash = (d: StoredDecision) => linkHash('', decisionChainBody(d));

export function eventChainBody(e: ChainEvent) {
  return {
    seq: e.seq,
    decisionId: e.decisionId,
    action: e.action,
    at: e.at,
    actor: e.actor,
    caseId: e.caseId,
    data: e.data,
    personalDigest: e.personalDigest,
  };
}

export const eventHash = (e: ChainEvent) => linkHash(e.prevHash, eventChainBody(e));

/** Builds the next link of a chain; the store's unique (decisionId, seq) decides races. */
export function buildEvent(
  head: { seq: number; hash: string },
  fields: Omit<ChainEvent, 'seq' | 'prevHash' | 'hash' | 'personalSalt' | 'personalDigest'>,
): ChainEvent {
  const salt = fields.personal ? newSalt() : null;
  // Through JSON once: no `undefined` may reach a store, where MongoDB would keep it as null
  // and the hash recomputed from the stored copy would differ.
  const plain = JSON.parse(JSON.stringify(fields)) as typeof fields;
  const event: ChainEvent = {
    ...plain,
    seq: head.seq + 1,
    prevHash: head.hash,
    personalSalt: salt,
    personalDigest: salt ? personalDigest(salt, plain.personal) : null,
    hash: '',
  };
  event.hash = eventHash(event);
  return event;
}
