import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

export class WebhookTargetError extends Error {}

/** Every address a host name resolves to. */
export type HostResolver = (hostname: string) => Promise<string[]>;

const resolveWithSystem: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/** A URL that passed the check, with the address the delivery must connect to. */
export interface WebhookTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/** The only IPv6 block IANA allocates for global unicast. */
const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR('2000::/3');
/** RFC 6052's well-known NAT64 prefix; 64:ff9b:1::/48 (RFC 8215) is for local use. */
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR('64:ff9b::/96');

/**
 * `::a.b.c.d`, the deprecated IPv4-compatible form, which ipaddr.js reads as IPv4-mapped
 * (`::ffff:a.b.c.d`); libuv prints `::808:808` this way, so a DNS answer may take it.
 */
const IPV4_COMPATIBLE_TEXT = /^::\d+\.\d+\.\d+\.\d+(%.*)?$/;

const ipv4FromBytes = (bytes: number[]) => new ipaddr.IPv4(bytes);

const isPublicIPv4 = (address: ipaddr.IPv4) => address.range() === 'unicast';

/** IPv6 forms that carry an IPv4 address are as public as the IPv4 address they carry. */
function isPublicIPv6(address: ipaddr.IPv6): boolean {
  const bytes = address.toByteArray();
  switch (address.range()) {
    case 'unicast':
      return address.match(GLOBAL_UNICAST);
    case 'ipv4Mapped':
      return isPublicIPv4(address.toIPv4Address());
    case '6to4':
      return isPublicIPv4(ipv4FromBytes(bytes.slice(2, 6)));
    case 'rfc6052':
      return address.match(NAT64_WELL_KNOWN) && isPublicIPv4(ipv4FromBytes(bytes.slice(12)));
    default:
      return false;
  }
}

/**
 * Whether an address is on the public internet: IPv4 unicast outside every special-purpose
 * block, or global IPv6 unicast (with any IPv4 address it embeds public too). Any text form
 * ipaddr.js reads counts (`2130706433`, `0x7f000001`, `0177.0.0.1`, `127.1`, `::ffff:7f00:1`).
 */
export function isPublicAddress(text: string): boolean {
  if (!ipaddr.isValid(text) || IPV4_COMPATIBLE_TEXT.test(text)) return false;
  const address = ipaddr.parse(text);
  return address.kind() === 'ipv4'
    ? isPublicIPv4(address as ipaddr.IPv4)
    : isPublicIPv6(address as ipaddr.IPv6);
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookTargetError('is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new WebhookTargetError('must use http or https');
  if (url.username || url.password) throw new WebhookTargetError('must not contain credentials');
  return url;
}

/**
 * Checks a webhook URL and picks the address to deliver to: http(s), no credentials, and a host
 * whose addresses are all public, unless the allow-list names it (`host` or `host:port`). The
 * host is resolved once here; the delivery connects to the address returned, so DNS cannot
 * answer differently between the check and the connection. Run when a subscription is saved
 * and before each delivery.
 */
export async function resolveWebhookTarget(
  raw: string,
  allowlist: readonly string[],
  resolve: HostResolver = resolveWithSystem,
): Promise<WebhookTarget> {
  const url = parseUrl(raw);
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const allowed = allowlist.includes(host) || allowlist.includes(`${host}:${port}`);
  const addresses = ipaddr.isValid(host) ? [host] : await resolve(host).catch(() => []);
  if (addresses.length === 0) throw new WebhookTargetError(`host ${host} does not resolve`);
  if (!allowed && !addresses.every(isPublicAddress)) {
    throw new WebhookTargetError(
      `resolves to an address that is not public (${addresses.join(', ')})`,
    );
  }
  // Connect to the address as parsed and checked, never to a second reading of the text.
  const address = ipaddr.parse(addresses[0]);
  return { url, address: address.toString(), family: address.kind() === 'ipv4' ? 4 : 6 };
}
