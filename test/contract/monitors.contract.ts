import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Monitor, MonitorAlert } from '@shared/schemas/monitors';
import { DuplicateKeyError, type Store } from '../../server/storage/store';
import type { StoreKind, TestStore } from '../support/stores';

/** Monitors and their alerts: the alert's id is the guard that stores one crossing once. */
export function describeMonitorsContract(kind: StoreKind) {
  describe(`storage contract, monitors [${kind.name}]`, () => {
    let t: TestStore;
    let store: Store;
    beforeEach(async () => {
      t = await kind.open();
      store = t.store;
    });
    afterEach(async () => t.dispose());

    const monitor: Monitor = {
      id: 'mon_1',
      modelId: 'claims-fraud-screen',
      type: 'fraud_flag',
      metric: 'fairness_ratio',
      comparison: 'below',
      threshold: 0.8,
      windowDays: 30,
      attribute: 'age_band',
      basis: 'model',
      enabled: true,
      version: 1,
      createdAt: '2026-11-24T10:00:00.000Z',
      updatedAt: '2026-11-24T10:00:00.000Z',
      lastEvaluatedAt: null,
    };
    const alert = (crossing: number, subject: string, raisedAt: string): MonitorAlert => ({
      id: `mon_1:${crossing}:${subject}`,
      monitorId: 'mon_1',
      modelId: 'claims-fraud-screen',
      type: 'fraud_flag',
      metric: 'fairness_ratio',
      comparison: 'below',
      subject,
      modelVersion: null,
      attribute: 'age_band',
      group: subject.split('=')[1] ?? null,
      value: 0.75,
      threshold: 0.8,
      n: 200,
      crossing,
      raisedAt,
      resolvedAt: null,
      resolvedValue: null,
    });

    it('adds, lists oldest first, swaps by version only, touches the evaluation time alone, deletes', async () => {
      await store.monitors.add(monitor);
      await store.monitors.add({ ...monitor, id: 'mon_2', createdAt: '2026-11-24T11:00:00.000Z' });
      await expect(store.monitors.add(monitor)).rejects.toBeInstanceOf(DuplicateKeyError);
      expect((await store.monitors.list()).map((m) => m.id)).toEqual(['mon_1', 'mon_2']);
      const changed = { ...monitor, threshold: 0.7, version: 2 };
      expect(await store.monitors.compareAndSet(changed, 1)).toBe(true);
      expect(await store.monitors.compareAndSet({ ...monitor, threshold: 0.9, version: 2 }, 1)).toBe(false);
      await store.monitors.touchEvaluated('mon_1', '2026-11-25T12:00:00.000Z');
      expect(await store.monitors.get('mon_1')).toEqual({ ...changed, lastEvaluatedAt: '2026-11-25T12:00:00.000Z' });
      expect(await store.monitors.delete('mon_1')).toBe(true);
      expect(await store.monitors.delete('mon_1')).toBe(false);
      expect(await store.monitors.get('mon_1')).toBeNull();
      expect(await store.monitors.compareAndSet(changed, 2)).toBe(false);
    });

    it('lets exactly one of several changes from the same version win, and keeps the evaluation time apart from them', async () => {
      await store.monitors.add(monitor);
      const results = await Promise.all([0.5, 0.6, 0.7, 0.75].map((threshold) => store.monitors.compareAndSet({ ...monitor, threshold, version: 2 }, 1)));
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = [0.5, 0.6, 0.7, 0.75][results.indexOf(true)];
      await Promise.all([
        store.monitors.touchEvaluated('mon_1', '2026-11-25T12:00:00.000Z'),
        store.monitors.compareAndSet({ ...monitor, threshold: 0.9, version: 3 }, 2),
      ]);
      expect(await store.monitors.get('mon_1')).toMatchObject({ threshold: 0.9, version: 3, lastEvaluatedAt: '2026-11-25T12:00:00.000Z' });
      expect(winner).toBeDefined();
    });

    it('stores a crossing once, finds the latest per subject, resolves an open alert once, lists newest first by state', async () => {
      const first = alert(1, 'fraud_flag/age_band=18-29', '2026-11-25T10:00:00.000Z');
      await store.monitorAlerts.add(first);
      await expect(store.monitorAlerts.add({ ...first, value: 0.7 })).rejects.toBeInstanceOf(DuplicateKeyError);
      const other = alert(1, 'fraud_flag/age_band=65+', '2026-11-25T10:05:00.000Z');
      await store.monitorAlerts.add(other);
      expect(await store.monitorAlerts.latest('mon_1', 'fraud_flag/age_band=18-29')).toEqual(first);
      expect(await store.monitorAlerts.latest('mon_1', 'fraud_flag/region=Flanders')).toBeNull();
      expect(await store.monitorAlerts.resolve(first.id, '2026-11-25T11:00:00.000Z', 0.95)).toBe(true);
      expect(await store.monitorAlerts.resolve(first.id, '2026-11-25T11:01:00.000Z', 0.96)).toBe(false);
      const second = alert(2, 'fraud_flag/age_band=18-29', '2026-11-25T12:00:00.000Z');
      await store.monitorAlerts.add(second);
      expect(await store.monitorAlerts.latest('mon_1', 'fraud_flag/age_band=18-29')).toEqual(second);
      expect((await store.monitorAlerts.openFor('mon_1')).map((a) => a.id)).toEqual([other.id, second.id]);
      expect(await store.monitorAlerts.openFor('mon_2')).toEqual([]);
      expect((await store.monitorAlerts.list({}, 10)).map((a) => a.id)).toEqual([second.id, other.id, first.id]);
      expect((await store.monitorAlerts.list({}, 2)).map((a) => a.id)).toEqual([second.id, other.id]);
      expect(await store.monitorAlerts.list({ status: 'resolved' }, 10)).toEqual([{ ...first, resolvedAt: '2026-11-25T11:00:00.000Z', resolvedValue: 0.95 }]);
      expect((await store.monitorAlerts.list({ status: 'open' }, 10)).map((a) => a.id)).toEqual([second.id, other.id]);
    });
  });
}
