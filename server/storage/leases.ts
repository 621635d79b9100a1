/**
 * A lease is one term of a fixed length: the first process to insert the term's document holds
 * it. Insert-only on purpose: a unique insert is atomic on every store (FerretDB 1.24 loses
 * concurrent conditional updates to one document, so compare-and-set leases are unsafe there).
 */
export function leaseTerm(name: string, now: Date, ttlMs: number) {
  const term = Math.floor(now.getTime() / ttlMs);
  return { key: `${name}:${term}`, expiresAt: new Date((term + 1) * ttlMs).toISOString() };
}

/**
 * How long a term's document is kept after the term ended. While it exists, a process whose
 * clock lags (or that stalled between reading the clock and inserting) cannot take that old
 * term again and run the job beside the current holder; past it the document is garbage.
 */
export const ENDED_LEASE_KEPT_MS = 10 * 60_000;

/**
 * Leases that expired before this are deleted by the holder of a new term, so the documents
 * stay bounded (the outbox alone takes a term every 30 seconds, ~3,000 a day) without TTL
 * indexes, which FerretDB 1.24 does not have.
 */
export const endedLeasesBefore = (now: Date): string => new Date(now.getTime() - ENDED_LEASE_KEPT_MS).toISOString();
