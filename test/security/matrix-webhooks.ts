import type { Store } from '../../server/storage/store';

/* The authorisation matrix's rows for an admin's webhook subscriptions, and their fixture. */

type As = (username: string, method: 'post', url: string, body: unknown) => Promise<{ id: string }>;

/** A subscription (to a documentation address: nothing is sent here) with a dead letter to replay. */
export async function webhookWithDeadLetter(as: As, store: Store) {
  const made = await as('admin', 'post', '/api/admin/webhooks', { url: 'https://203.0.113.10/hook', events: ['case.opened'] });
  const queued = await as('admin', 'post', `/api/admin/webhooks/${made.id}/test`, undefined);
  const delivery = (await store.deliveries.get(queued.id))!;
  await store.deliveries.put({ ...delivery, status: 'dead' });
  return { webhookId: made.id, deliveryId: delivery.id };
}

interface WebhookFixture {
  webhookId?: string;
  deliveryId?: string;
}

/** Rows on one fresh subscription each; `rest` is the path after its id. */
export function webhookRows<E>(adminOnly: E) {
  const row = (rest: (f: WebhookFixture) => string, body?: () => unknown) => ({
    fixture: (f: { webhook(): Promise<WebhookFixture> }) => f.webhook(),
    path: (f: WebhookFixture) => `/api/admin/webhooks/${f.webhookId}${rest(f)}`,
    ...(body ? { body } : {}),
    expect: adminOnly,
  });
  return {
    'PATCH /api/admin/webhooks/:id': row(
      () => '',
      () => ({ enabled: false }),
    ),
    'POST /api/admin/webhooks/:id/test': row(() => '/test'),
    'GET /api/admin/webhooks/:id/deliveries': row(() => '/deliveries'),
    'POST /api/admin/webhooks/:id/deliveries/:deliveryId/replay': row((f) => `/deliveries/${encodeURIComponent(f.deliveryId!)}/replay`),
    'POST /api/admin/webhooks/:id/dead-letters/replay': row(() => '/dead-letters/replay'),
  };
}
