import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Where a webhook must never be sent unless an operator allows it: the platform's own network. */
const FORBIDDEN = new BlockList();
for (const [network, prefix] of [
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
] as const) {
  FORBIDDEN.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  FORBIDDEN.addSubnet(network, prefix, 'ipv6');
}

export class WebhookTargetError extends Error {}

export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6 && address.toLowerCase().startsWith('::ffff:'))
    return isForbiddenAddress(address.slice(7));
  return FORBIDDEN.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Accepts http(s) URLs whose host resolves only to public addresses, or that the allow-list
 * names (`host` or `host:port`). Checked when a subscription is saved and before each delivery.
 */
export async function assertDeliverableUrl(
  raw: string,
  allowlist: readonly string[],
): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookTargetError('is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new WebhookTargetError('must use http or https');
  if (url.username || url.password) throw new WebhookTargetError('must not contain credentials');
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  if (allowlist.includes(host) || allowlist.includes(`${host}:${port}`)) return url;
  const addresses = isIP(host)
    ? [host]
    : (await lookup(host, { all: true, verbatim: true }).catch(() => [])).map(
        (entry) => entry.address,
      );
  if (addresses.length === 0) throw new WebhookTargetError(`host ${host} does not resolve`);
  if (addresses.some(isForbiddenAddress)) {
    throw new WebhookTargetError(
      `resolves to a loopback, private, link-local or metadata address (${addresses.join(', ')})`,
    );
  }
  return url;
}
