import type { OutboxMessage } from '../../store';
import { type Db, parse } from './rows';
import { withoutMember } from '../../../domain/outbound-events';

export function outboxRepo(db: Db) {
  const add = db.prepare('INSERT INTO outbox (id, delivered, doc) VALUES (?, 0, ?) ON CONFLICT(id) DO NOTHING');
  const pending = db.prepare<[number], { doc: string }>('SELECT doc FROM outbox WHERE delivered = 0 ORDER BY id LIMIT ?');
  const oldestPending = db.prepare<[], { at: string | null }>("SELECT min(json_extract(doc, '$.createdAt')) AS at FROM outbox WHERE delivered = 0");
  const get = db.prepare<[string], { doc: string }>('SELECT doc FROM outbox WHERE id = ?');
  const deliver = db.prepare('UPDATE outbox SET delivered = 1, doc = ? WHERE id = ?');
  const replace = db.prepare('UPDATE outbox SET delivered = ?, doc = ? WHERE id = ?');
  const all = db.prepare('SELECT id, doc FROM outbox');
  const rewrite = db.prepare('UPDATE outbox SET doc = ? WHERE id = ?');
  return {
    add: async (m: OutboxMessage) => void add.run(m.id, JSON.stringify(m)),
    /** The same, synchronously: inside the transaction that records a decision (ingest follow-ups). */
    addNow: (m: OutboxMessage) => void add.run(m.id, JSON.stringify(m)),
    pending: async (limit: number) => pending.all(limit).map((r) => JSON.parse(r.doc) as OutboxMessage),
    oldestPendingAt: async () => oldestPending.get()?.at ?? null,
    markDelivered: async (id: string, at: string) => {
      const found = parse<OutboxMessage>(get.get(id));
      if (found) deliver.run(JSON.stringify({ ...found, deliveredAt: at }), id);
    },
    replace: async (m: OutboxMessage) => void replace.run(m.deliveredAt ? 1 : 0, JSON.stringify(m), m.id),
    eraseMember: async (memberId: string) => {
      db.transaction(() => {
        for (const row of all.all() as { id: string; doc: string }[]) {
          const message = JSON.parse(row.doc) as OutboxMessage;
          const scrubbed = withoutMember(message, memberId);
          if (JSON.stringify(scrubbed) !== row.doc) rewrite.run(JSON.stringify(scrubbed), row.id);
        }
      })();
    },
  };
}
