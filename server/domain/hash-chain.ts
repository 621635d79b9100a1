import { hash, randomBytes } from 'node:crypto';
import type { FraudFlagOutput } from '@shared/schemas/decision';
import type { ChainEvent, StoredDecision } from '../storage/store';

/** RFC 8785 canonical JSON: the same value always hashes the same, whatever the key order. */
export function canonicalJson(value: unknown): string {
  const text = writeCanonical(value, []);
  if (text === undefined) throw new Error('value cannot be canonicalised');
  return text;
}

/*
 * Performance: a drop-in for the `canonicalize` package (4.0.0), which cost a quarter
 * of ingest and most of verification. Same algorithm, same output and the same errors
 * (test/bench/canonical-json.test.ts compares the two on arbitrary values); it is 2-3x faster
 * because printable-ASCII strings skip JSON.stringify, object keys are quoted once and
 * cached, keys sort by code units (the few keys of most objects by insertion sort, see
 * sortKeys), and the circularity check walks the current path (a few objects deep) instead of
 * keeping a Set.
 */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const MAX_CACHED_KEYS = 10_000;
const quotedKeys = new Map<string, string>();
/** RFC 8785 §3.2.3: keys sort by their UTF-16 code units, which is what `<` compares. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const INSERTION_SORT_MAX = 16;

/**
 * Performance (verification): most objects hashed have 1 to 10 keys, for which Array#sort's
 * fixed cost per call dominates; sorting them by insertion canonicalises a decision a quarter
 * faster. Larger objects (an `inputs` map of up to 200 features) keep Array#sort.
 */
function sortKeys(keys: string[]): string[] {
  if (keys.length > INSERTION_SORT_MAX) return keys.sort(byCodeUnits);
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    for (; j >= 0 && keys[j]! > key; j--) keys[j + 1] = keys[j]!;
    keys[j + 1] = key;
  }
  return keys;
}

function quote(text: string): string {
  if (PLAIN_ASCII.test(text)) return `"${text}"`;
  if (!text.isWellFormed()) throw new Error('Lone surrogate is not allowed');
  return JSON.stringify(text);
}

function quoteKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = quote(key);
    // Bounded: keys come from callers (feature names), so the cache must not grow without end.
    if (quotedKeys.size < MAX_CACHED_KEYS) quotedKeys.set(key, quoted);
  }
  return quoted;
}

function writeCanonical(value: unknown, path: object[]): string | undefined {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      if (Number.isNaN(value)) throw new Error('NaN is not allowed');
      if (!Number.isFinite(value)) throw new Error('Infinity is not allowed');
      // ECMAScript number serialisation, as RFC 8785 §3.2.2.3 requires (String equals JSON.stringify here).
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      // undefined, functions, symbols, bigint: whatever JSON.stringify does with them.
      return JSON.stringify(value);
  }
  if (value === null) return 'null';
  if (path.includes(value)) throw new Error('Circular reference detected');
  const object = value as Record<string, unknown> & { toJSON?: unknown };
  path.push(object);
  let out: string | undefined;
  if (typeof object.toJSON === 'function') {
    out = writeCanonical((object.toJSON as () => unknown)(), path);
  } else if (Array.isArray(object)) {
    out = '[';
    for (let i = 0; i < object.length; i++) {
      if (i > 0) out += ',';
      // A hole stays empty, as in the package (Array.prototype.map skips holes).
      if (!(i in object)) continue;
      const item: unknown = object[i];
      // `?? ''`: the package joins its items, and join writes nothing for an undefined one.
      out += writeCanonical(item === undefined || typeof item === 'symbol' ? null : item, path) ?? '';
    }
    out += ']';
  } else {
    out = '{';
    let first = true;
    for (const key of sortKeys(Object.keys(object))) {
      const item = object[key];
      if (item === undefined || typeof item === 'symbol') continue;
      out += `${first ? '' : ','}${quoteKey(key)}:${writeCanonical(item, path)}`;
      first = false;
    }
    out += '}';
  }
  path.pop();
  return out;
}

// crypto.hash (Node >= 20.12) is the one-shot form of createHash().update().digest(): the same
// digest without a Hash object per call, about twice as fast on the short texts hashed here.
export const sha256 = (text: string) => hash('sha256', text, 'hex');

/*
 * Performance: one randomBytes call per salt cost 2 µs, a tenth of recording a
 * decision. Salts are cut from a pool drawn from the same CSPRNG 256 at a time; each byte is
 * handed out once.
 */
const SALT_BYTES = 16;
const SALT_POOL = 256 * SALT_BYTES;
let saltPool = Buffer.alloc(0);
let saltOffset = 0;

export function newSalt(): string {
  if (saltOffset + SALT_BYTES > saltPool.length) {
    saltPool = randomBytes(SALT_POOL);
    saltOffset = 0;
  }
  saltOffset += SALT_BYTES;
  return saltPool.toString('hex', saltOffset - SALT_BYTES, saltOffset);
}

/**
 * The chain commits to personal data through a salted digest instead of the data itself.
 * Erasure deletes the data and the salt; the digest stays, so the chain still verifies but
 * nobody can confirm a guessed value against it any more.
 */
export const personalDigest = (salt: string, personal: unknown) => sha256(salt + canonicalJson(personal));

/** hash = SHA-256(prevHash ‖ canonical JSON of the event): the hash chain of docs/architecture.md. */
export const linkHash = (prevHash: string, body: unknown) => sha256(prevHash + canonicalJson(body));

/** The personal part of a decision: who it is about and what was known about them. */
export function decisionPersonal(d: Pick<StoredDecision, 'subject' | 'inputs' | 'rationale' | 'idempotencyKey' | 'type' | 'output' | 'monitoring'>) {
  return {
    // Only when sent: decisions recorded before monitoring existed keep the digest they had.
    ...(d.monitoring ? { monitoring: d.monitoring } : {}),
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
    // Only when set, so the hashes of every other decision stay as they were.
    ...(d.supersedes ? { supersedes: d.supersedes } : {}),
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
