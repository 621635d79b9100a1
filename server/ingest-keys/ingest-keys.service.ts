import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { can } from '@shared/auth/permissions';
import type { CreateIngestKey, IngestKeyView } from '@shared/schemas/admin';
import type { DecisionType } from '@shared/schemas/common';
import type { User } from '@shared/schemas/session';
import type { Clock } from '../clock';
import { appendStaffLog, staffActor } from '../domain/staff-log';
import { conflict, forbidden, notFound } from '../domain/errors';
import type { Store, StoredIngestKey } from '../storage/store';

/** lastUsedAt is written at most this often per key: one write a minute, not one per decision. */
const TOUCH_EVERY_MS = 60_000;
/** `rk_` and 7 characters of the key: tells keys apart in the console, ~42 bits, far from the 256 that guard it. */
const PREFIX_LENGTH = 10;

/** 32 random bytes: a key nobody guesses, so a fast digest is all the store needs (see StoredIngestKey). */
const newKey = () => `rk_${randomBytes(32).toString('base64url')}`;
export const keyDigest = (key: string) => createHash('sha256').update(key).digest('hex');

const view = ({ digest: _d, previousDigest: _p, ...rest }: StoredIngestKey): IngestKeyView => rest;

/** Who a store key lets write: which key (for the logs) and which decision types (null: all). */
export interface IngestGrant {
  keyId: string;
  types: DecisionType[] | null;
}

/**
 * Ingest keys kept in the store: named, optionally held to decision types, shown once, stored
 * as a digest, rotated with an overlap, revoked at once. `INGEST_API_KEYS` stays beside them for
 * bootstrap (server/http/auth.ts checks both).
 */
export function createIngestKeyService({ store, clock }: { store: Store; clock: Clock }) {
  const requireAdmin = (user: User) => {
    if (!can(user, 'ingestKeys.manage')) throw forbidden('forbidden', 'Only admin manages ingest keys.');
  };
  const existing = async (id: string) => {
    const found = await store.ingestKeys.get(id);
    if (!found) throw notFound('No such ingest key.');
    return found;
  };
  const log = (
    admin: User,
    action: 'ingest_key_created' | 'ingest_key_rotated' | 'ingest_key_revoked',
    key: StoredIngestKey,
    extra: Record<string, unknown> = {},
  ) =>
    appendStaffLog(store, clock, {
      actor: staffActor(admin),
      action,
      subjectDigest: null,
      data: { keyId: key.id, name: key.name, prefix: key.prefix, ...extra },
    });

  return {
    async create(admin: User, body: CreateIngestKey) {
      requireAdmin(admin);
      const key = newKey();
      const now = clock.now().toISOString();
      const stored: StoredIngestKey = {
        id: `ik_${randomBytes(12).toString('hex')}`,
        name: body.name,
        types: body.types ? [...new Set(body.types)] : null,
        digest: keyDigest(key),
        prefix: key.slice(0, PREFIX_LENGTH),
        previousDigest: null,
        previousPrefix: null,
        previousRetiresAt: null,
        createdAt: now,
        rotatedAt: null,
        lastUsedAt: null,
        revokedAt: null,
      };
      await store.ingestKeys.add(stored);
      await log(admin, 'ingest_key_created', stored, { types: stored.types });
      return { ...view(stored), key };
    },

    async list(admin: User) {
      requireAdmin(admin);
      return { items: (await store.ingestKeys.list()).map(view) };
    },

    /** A new key, shown once; the current one keeps working for `overlapHours` (0: not at all). */
    async rotate(admin: User, id: string, overlapHours: number) {
      requireAdmin(admin);
      const found = await existing(id);
      if (found.revokedAt) throw conflict('invalid_state', 'A revoked key is not rotated; make a new one.');
      const key = newKey();
      const now = clock.now();
      const next: StoredIngestKey = {
        ...found,
        digest: keyDigest(key),
        prefix: key.slice(0, PREFIX_LENGTH),
        // One overlap at a time: a second rotation within it retires the oldest key at once.
        previousDigest: overlapHours > 0 ? found.digest : null,
        previousPrefix: overlapHours > 0 ? found.prefix : null,
        previousRetiresAt: overlapHours > 0 ? new Date(now.getTime() + overlapHours * 3_600_000).toISOString() : null,
        rotatedAt: now.toISOString(),
      };
      await store.ingestKeys.put(next);
      await log(admin, 'ingest_key_rotated', next, { overlapHours, previousPrefix: found.prefix });
      return { ...view(next), key };
    },

    /** The key (and a previous one in its overlap) answers 401 from the next request on. */
    async revoke(admin: User, id: string) {
      requireAdmin(admin);
      const found = await existing(id);
      if (found.revokedAt) return view(found);
      const next: StoredIngestKey = { ...found, revokedAt: clock.now().toISOString(), previousDigest: null, previousPrefix: null, previousRetiresAt: null };
      await store.ingestKeys.put(next);
      await log(admin, 'ingest_key_revoked', next);
      return view(next);
    },

    /**
     * The grant of a bearer key, or null. The store is searched by the key's SHA-256: timing can
     * at most tell an attacker about digests, from which no key follows; the found digest is
     * compared again in constant time all the same.
     */
    async resolve(bearer: string): Promise<IngestGrant | null> {
      const digest = keyDigest(bearer);
      const found = await store.ingestKeys.byDigest(digest);
      if (!found || found.revokedAt) return null;
      const now = clock.now();
      const sent = Buffer.from(digest, 'hex');
      const current = timingSafeEqual(Buffer.from(found.digest, 'hex'), sent);
      const previous = !current && found.previousDigest !== null && timingSafeEqual(Buffer.from(found.previousDigest, 'hex'), sent);
      if (!current && !(previous && found.previousRetiresAt !== null && now.toISOString() < found.previousRetiresAt)) return null;
      if (!found.lastUsedAt || now.getTime() - Date.parse(found.lastUsedAt) >= TOUCH_EVERY_MS) await store.ingestKeys.touch(found.id, now.toISOString());
      return { keyId: found.id, types: found.types };
    },
  };
}

export type IngestKeyService = ReturnType<typeof createIngestKeyService>;
