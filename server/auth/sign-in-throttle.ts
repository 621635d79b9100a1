import { createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { tooManyAttempts } from '../domain/errors';
import type { Store } from '../storage/store';
import { normalizeUsername } from './passwords';

/**
 * Failed sign-ins are counted per (name, address) and per address, never per name alone: a
 * throttle keyed by the name lets anyone lock anyone out, while the right password from the
 * member's own address must keep working. Delays grow instead of a fixed lock (OWASP
 * Authentication Cheat Sheet), so a typing member waits seconds and a guesser waits for ever longer.
 */
export const THROTTLE = {
  /** Failures of one name from one address that cost nothing yet. */
  freeFailures: 5,
  /** The wait after the first failure beyond the free ones; it doubles with each further one. */
  firstDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  /** How long a pair's failures count, unless the right password or an admin clears them first. */
  pairMemoryMs: 24 * 3_600_000,
  /** Against one address trying many names (password spraying). */
  addressMaxFailures: 50,
  addressWindowMs: 15 * 60_000,
} as const;

/** The wait before the next attempt of a pair that has failed `failures` times. */
export function delayAfter(failures: number): number {
  if (failures < THROTTLE.freeFailures) return 0;
  return Math.min(THROTTLE.firstDelayMs * 2 ** (failures - THROTTLE.freeFailures), THROTTLE.maxDelayMs);
}

/**
 * The address a throttle counts: IPv4 as it is (also when written IPv4-mapped), IPv6 by its /64,
 * because one subscriber gets a whole /64 and could otherwise try from a new address each time.
 */
export function addressBucket(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIPv4(ip)) return ip;
  const address = ip.split('%')[0]!;
  if (!isIPv6(address)) return ip;
  return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, without leading zeros ("2001:db8::1" → 2001, db8, 0, …, 1). */
function ipv6Groups(address: string): string[] {
  const toGroups = (part: string) => {
    if (!part) return [];
    return part.split(':').flatMap((group) => {
      if (!group.includes('.')) return [group];
      // An IPv4 tail ("::1.2.3.4") is the last two groups.
      const [a, b, c, d] = group.split('.').map(Number) as [number, number, number, number];
      return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    });
  };
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = toGroups(head);
  const right = tail === undefined ? [] : toGroups(tail);
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16).toString(16));
}

/**
 * The throttle's keys are keyed digests (HMAC), so the store never lists the names people tried
 * nor the addresses they came from: an IPv4 address hashed without a key is found by trying all
 * four billion. The name's digest leads the pair's key, so an admin can lift a name from every address.
 */
export function createSignInThrottle({ store, key }: { store: Store; key: string }) {
  const digest = (label: string, value: string) => createHmac('sha256', key).update(`${label}:${value}`).digest('hex');
  const namePrefix = (username: string) => `signin:${digest('user', normalizeUsername(username))}:`;
  const addressDigest = (ip: string | undefined) => digest('address', addressBucket(ip));
  const pairKey = (username: string, ip: string | undefined) => namePrefix(username) + addressDigest(ip);
  const addressKey = (ip: string | undefined) => `signin-from:${addressDigest(ip)}`;
  const iso = (ms: number) => new Date(ms).toISOString();

  return {
    /** The digest of a name the staff log records when its throttle is lifted. */
    nameDigest: (username: string) => digest('user', normalizeUsername(username)),

    /**
     * Refuses with 429 and Retry-After while this name from this address, or this address at
     * all, must wait. The same for existing and unknown names: it is checked before the password.
     */
    async check(username: string, ip: string | undefined, now: Date): Promise<void> {
      const at = now.getTime();
      const [pair, address] = await Promise.all([
        store.loginFailures.summarySince(pairKey(username, ip), iso(at - THROTTLE.pairMemoryMs)),
        store.loginFailures.summarySince(addressKey(ip), iso(at - THROTTLE.addressWindowMs)),
      ]);
      let until = 0;
      if (pair.last && pair.count >= THROTTLE.freeFailures) until = Date.parse(pair.last) + delayAfter(pair.count);
      // Free again when the oldest failure in the window leaves it.
      if (address.first && address.count >= THROTTLE.addressMaxFailures) until = Math.max(until, Date.parse(address.first) + THROTTLE.addressWindowMs);
      if (until > at) {
        const seconds = Math.ceil((until - at) / 1000);
        throw tooManyAttempts(`Too many failed sign-ins. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`, seconds);
      }
    },

    async recordFailure(username: string, ip: string | undefined, now: Date): Promise<void> {
      await store.loginFailures.record(pairKey(username, ip), now.toISOString());
      await store.loginFailures.record(addressKey(ip), now.toISOString());
    },

    /** After the right password: this pair starts afresh; the address keeps its count against spraying. */
    async succeeded(username: string, ip: string | undefined): Promise<void> {
      await store.loginFailures.clear(pairKey(username, ip));
    },

    /** Failures older than any window counts them are dead weight: forgotten by a daily job. */
    async forgetExpired(now: Date): Promise<number> {
      return store.loginFailures.deleteBefore(iso(now.getTime() - Math.max(THROTTLE.pairMemoryMs, THROTTLE.addressWindowMs)));
    },

    /** An admin lets a name in again from every address. */
    async liftName(username: string): Promise<void> {
      await store.loginFailures.clearPrefix(namePrefix(username));
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
