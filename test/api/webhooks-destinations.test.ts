import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';
import { destinationProblem } from '../../server/webhooks/destination-guard';
import { guardedPost } from '../../server/webhooks/guarded-post';
import { startReceiver } from '../support/webhook-receiver';

describe('where a webhook may go', () => {
  const resolvesTo =
    (...addresses: string[]) =>
    async () =>
      addresses;

  it('allows https to public addresses, and refuses a name with any blocked address among its answers', async () => {
    expect(await destinationProblem('https://billing.example/hook', [], resolvesTo('203.0.113.10'))).toBeNull();
    expect(await destinationProblem('https://billing.example/hook', [], resolvesTo('203.0.113.10', '10.0.0.1'))).toMatch(/private/);
    expect(await destinationProblem('https://metadata.example/', [], resolvesTo('169.254.169.254'))).toMatch(/metadata/);
    expect(await destinationProblem('https://v6.example/', [], resolvesTo('fd00:ec2::254'))).toMatch(/private/);
    expect(await destinationProblem('https://[::ffff:a9fe:a9fe]/', [], resolvesTo())).toMatch(/link-local/);
    expect(await destinationProblem('https://nowhere.example/', [], resolvesTo())).toMatch(/does not resolve/);
    expect(await destinationProblem('ftp://billing.example/', [], resolvesTo('203.0.113.10'))).toMatch(/https/);
  });

  it('lets a listed host use http and a loopback address', async () => {
    expect(await destinationProblem('http://127.0.0.1:8080/hook', ['127.0.0.1'], resolvesTo())).toBeNull();
  });

  it('checks the address again when connecting, so a name cannot rebind to a blocked one after the check', async () => {
    const receiver = await startReceiver();
    try {
      const port = new URL(receiver.url).port;
      const url = new URL(`http://localhost:${port}/hook`);
      const signal = new AbortController().signal;
      await expect(guardedPost(url, {}, '{}', signal, false)).rejects.toMatchObject({ code: 'EBLOCKED' });
      expect(receiver.attempts).toEqual([]);
      expect(await guardedPost(url, {}, '{}', signal, true)).toBe(200);
    } finally {
      await receiver.close();
    }
  });
  it('reads WEBHOOK_ALLOWED_HOSTS as a comma list and refuses a retry base or timeout below 1 ms', () => {
    expect(loadConfig({ WEBHOOK_ALLOWED_HOSTS: ' Receiver.Local, 127.0.0.1 ,' }).webhookAllowedHosts).toEqual(['receiver.local', '127.0.0.1']);
    expect(loadConfig({}).webhookAllowedHosts).toEqual([]);
    expect(loadConfig({}).deliveryRetryBaseMs).toBe(30_000);
    expect(() => loadConfig({ DELIVERY_RETRY_BASE_MS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ DELIVERY_TIMEOUT_MS: 'soon' })).toThrow(ConfigError);
  });
});
