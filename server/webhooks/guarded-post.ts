import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isBlockedAddress } from './destination-guard';

/**
 * The connection's own name lookup refuses blocked addresses, so a name that resolved to a public
 * address when checked cannot resolve to a private one when connecting (DNS rebinding).
 */
const guardedLookup =
  (allowed: boolean): LookupFunction =>
  (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      if (!allowed && addresses.some((a) => isBlockedAddress(a.address))) {
        return callback(Object.assign(new Error('the host resolves to a blocked address'), { code: 'EBLOCKED' }), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error('the host does not resolve'), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };

/**
 * POSTs a body and answers the status. Redirects are never followed (node:http does not), the
 * answer's body is drained unread, and `signal` aborts at the attempt's timeout.
 */
export function guardedPost(url: URL, headers: Record<string, string>, body: string, signal: AbortSignal, hostAllowed: boolean): Promise<number> {
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, signal, lookup: guardedLookup(hostAllowed) },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
