import type { Delivery } from '../../store';
import { scrubbed } from '../../../domain/outbound-events';
import { type Db, parse } from './rows';

/** Deliveries: the columns the engine seeks by, the whole delivery (with its attempt log) as JSON. */
export function deliveriesRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO deliveries (id, status, next_attempt_at, lane, seq, position, channel, destination_id, created_at, doc)
     VALUES (@id, @status, @nextAttemptAt, @lane, @seq, @position, @channel, @destinationId, @createdAt, @doc) ON CONFLICT(id) DO NOTHING`,
  );
  const update = db.prepare('UPDATE deliveries SET status = @status, next_attempt_at = @nextAttemptAt, doc = @doc WHERE id = @id');
  const get = db.prepare<[string], { doc: string }>('SELECT doc FROM deliveries WHERE id = ?');
  const due = db.prepare<[string, number], { doc: string }>(
    "SELECT doc FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
  );
  const head = db.prepare<[string], { doc: string }>("SELECT doc FROM deliveries WHERE lane = ? AND status = 'pending' ORDER BY seq, position, id LIMIT 1");
  const forDestination = db.prepare<[string, string, string | null, string | null, number], { doc: string }>(
    'SELECT doc FROM deliveries WHERE channel = ? AND destination_id = ? AND (? IS NULL OR status = ?) ORDER BY created_at DESC, id DESC LIMIT ?',
  );
  const counts = db.prepare<[], { status: string; n: number }>('SELECT status, count(*) AS n FROM deliveries GROUP BY status');
  const oldest = db.prepare<[], { at: string | null }>("SELECT min(created_at) AS at FROM deliveries WHERE status = 'pending'");
  const pendingDocs = db.prepare<[], { id: string; doc: string }>("SELECT id, doc FROM deliveries WHERE status = 'pending'");
  const rewrite = db.prepare('UPDATE deliveries SET doc = ? WHERE id = ?');
  const row = (d: Delivery) => ({ ...d, doc: JSON.stringify(d) });
  return {
    add: async (d: Delivery) => void insert.run(row(d)),
    get: async (id: string) => parse<Delivery>(get.get(id)),
    put: async (d: Delivery) => void update.run({ id: d.id, status: d.status, nextAttemptAt: d.nextAttemptAt, doc: JSON.stringify(d) }),
    due: async (now: string, limit: number) => due.all(now, limit).map((r) => JSON.parse(r.doc) as Delivery),
    head: async (lane: string) => parse<Delivery>(head.get(lane)),
    forDestination: async (channel: Delivery['channel'], destinationId: string, status: Delivery['status'] | null, limit: number) =>
      forDestination.all(channel, destinationId, status, status, limit).map((r) => JSON.parse(r.doc) as Delivery),
    stats: async () => {
      const n = Object.fromEntries(counts.all().map((r) => [r.status, r.n]));
      return { pending: n.pending ?? 0, delivered: n.delivered ?? 0, dead: n.dead ?? 0, oldestPendingAt: oldest.get()?.at ?? null };
    },
    eraseMember: async (memberId: string) => {
      db.transaction(() => {
        for (const r of pendingDocs.all()) {
          const d = JSON.parse(r.doc) as Delivery;
          if (d.type !== 'member.erased' && d.data.memberId === memberId) rewrite.run(JSON.stringify({ ...d, data: scrubbed(d.type, d.data) }), r.id);
        }
      })();
    },
  };
}
