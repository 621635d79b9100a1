/**
 * A lease is one term of a fixed length: the first process to insert the term's document holds
 * it. Insert-only on purpose: a unique insert is atomic on every store (FerretDB 1.24 loses
 * concurrent conditional updates to one document, so compare-and-set leases are unsafe there).
 */
export function leaseTerm(name: string, now: Date, ttlMs: number) {
  const term = Math.floor(now.getTime() / ttlMs);
  return { key: `${name}:${term}`, expiresAt: new Date((term + 1) * ttlMs).toISOString() };
}
