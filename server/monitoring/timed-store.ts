import type { Store } from '../storage/store';

export type StoreTimer = (repo: string, operation: string, seconds: number) => void;

const timedStores = new WeakSet<Store>();

/**
 * The same store, with every repository method that answers a promise timed (streams such as
 * scanById are passed through: their cost is spread over the consumer's loop). Listed repo by
 * repo, so a repository added to the port fails to compile here until it is timed too. Wrapping
 * a timed store again returns it as it is, so the server and createApp can both ask for one.
 */
export function timeStore(store: Store, observe: StoreTimer): Store {
  if (timedStores.has(store)) return store;
  const time = <T extends object>(repo: T, name: string) => timeRepo(repo, name, observe);
  const timed: Store = {
    kind: store.kind,
    decisions: time(store.decisions, 'decisions'),
    events: time(store.events, 'events'),
    anchors: time(store.anchors, 'anchors'),
    reports: time(store.reports, 'reports'),
    cases: time(store.cases, 'cases'),
    outbox: time(store.outbox, 'outbox'),
    deliveries: time(store.deliveries, 'deliveries'),
    webhooks: time(store.webhooks, 'webhooks'),
    models: time(store.models, 'models'),
    holds: time(store.holds, 'holds'),
    contacts: time(store.contacts, 'contacts'),
    staffLog: time(store.staffLog, 'staffLog'),
    users: time(store.users, 'users'),
    sessions: time(store.sessions, 'sessions'),
    ingestKeys: time(store.ingestKeys, 'ingestKeys'),
    loginFailures: time(store.loginFailures, 'loginFailures'),
    leases: time(store.leases, 'leases'),
    rollups: time(store.rollups, 'rollups'),
    meta: time(store.meta, 'meta'),
    attachments: time(store.attachments, 'attachments'),
    memberRequests: time(store.memberRequests, 'memberRequests'),
    disclosures: time(store.disclosures, 'disclosures'),
    memberPreferences: time(store.memberPreferences, 'memberPreferences'),
    monitors: time(store.monitors, 'monitors'),
    monitorAlerts: time(store.monitorAlerts, 'monitorAlerts'),
    purgeFreedSpace: () => store.purgeFreedSpace(),
    checkReady: () => store.checkReady(),
    close: () => store.close(),
  };
  timedStores.add(timed);
  return timed;
}

function timeRepo<T extends object>(repo: T, name: string, observe: StoreTimer): T {
  const methods = new Map<PropertyKey, unknown>();
  return new Proxy(repo, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || typeof value !== 'function') return value;
      if (!methods.has(property)) {
        methods.set(property, (...args: unknown[]) => {
          const started = performance.now();
          const result: unknown = Reflect.apply(value, target, args);
          if (!(result instanceof Promise)) return result;
          return result.finally(() => observe(name, property, (performance.now() - started) / 1000));
        });
      }
      return methods.get(property);
    },
  });
}
