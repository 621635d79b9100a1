import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Resolves a host to all its addresses; injected so tests decide what a name resolves to. */
export type Resolve = (host: string) => Promise<string[]>;

export const resolveAll: Resolve = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Addresses a webhook may never reach unless its host is listed: loopback, private, link-local
 * (where cloud metadata services answer), carrier-grade NAT, unspecified, multicast.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

/** An IPv4 address written as IPv6 (::ffff:127.0.0.1, or ::ffff:7f00:1 as URLs normalise it), as IPv4. */
function mappedIpv4(address: string): string | null {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted) return dotted[1]!;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const [high, low] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

export function isBlockedAddress(address: string): boolean {
  const v4 = mappedIpv4(address);
  if (v4) return blocked.check(v4, 'ipv4');
  return isIP(address) === 6 ? blocked.check(address, 'ipv6') : blocked.check(address, 'ipv4');
}

/**
 * Why a webhook URL may not be used, or null when it may. Checked when a subscription is made and
 * again before every attempt, since what a name resolves to can change in between.
 */
export async function destinationProblem(raw: string, allowedHosts: readonly string[], resolve: Resolve = resolveAll): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (url.username || url.password) return 'credentials in the URL are not allowed';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const listed = allowedHosts.includes(host);
  if (listed) return url.protocol === 'https:' || url.protocol === 'http:' ? null : 'only http(s) URLs';
  if (url.protocol !== 'https:') return 'only https URLs (unless the host is in WEBHOOK_ALLOWED_HOSTS)';
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    return 'the host does not resolve';
  }
  if (addresses.length === 0) return 'the host does not resolve';
  if (addresses.some(isBlockedAddress)) return 'the host resolves to a loopback, private, link-local or metadata address';
  return null;
}
