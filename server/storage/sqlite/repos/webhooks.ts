import { DuplicateKeyError, type WebhookSubscription } from '../../store';
import { type Db, isUniqueViolation, parse } from './rows';

export function webhooksRepo(db: Db) {
  const insert = db.prepare('INSERT INTO webhook_subscriptions (id, created_at, doc) VALUES (?, ?, ?)');
  const update = db.prepare('UPDATE webhook_subscriptions SET doc = ? WHERE id = ?');
  const get = db.prepare<[string], { doc: string }>('SELECT doc FROM webhook_subscriptions WHERE id = ?');
  const list = db.prepare<[], { doc: string }>('SELECT doc FROM webhook_subscriptions ORDER BY created_at, id');
  return {
    add: async (s: WebhookSubscription) => {
      try {
        insert.run(s.id, s.createdAt, JSON.stringify(s));
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateKeyError(`webhook subscription ${s.id}`);
        throw error;
      }
    },
    get: async (id: string) => parse<WebhookSubscription>(get.get(id)),
    put: async (s: WebhookSubscription) => void update.run(JSON.stringify(s), s.id),
    list: async () => list.all().map((r) => JSON.parse(r.doc) as WebhookSubscription),
  };
}
