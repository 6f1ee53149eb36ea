import {
  HostResolver,
  isPublicAddress,
  resolveWebhookTarget,
  WebhookTargetError,
} from './webhook-target';

/** A resolver that knows no name: any address a test gets back came from the URL itself. */
const noDns: HostResolver = async (hostname) => {
  throw new Error(`unexpected lookup of ${hostname}`);
};

const resolvingTo = (...answers: string[][]): HostResolver & { calls: string[] } => {
  const calls: string[] = [];
  return Object.assign(
    async (hostname: string) => {
      calls.push(hostname);
      return answers[Math.min(calls.length, answers.length) - 1];
    },
    { calls },
  );
};

/** Each non-public address, in the text forms a URL's host or a DNS answer may take. */
const REFUSED: [string, string][] = [
  ['loopback', '127.0.0.1'],
  ['loopback, decimal', '2130706433'],
  ['loopback, hexadecimal', '0x7f000001'],
  ['loopback, octal', '0177.0.0.1'],
  ['loopback, short', '127.1'],
  ['loopback, short hexadecimal', '0x7f.1'],
  ['loopback, elsewhere in 127/8', '127.255.255.254'],
  ['unspecified', '0.0.0.0'],
  ['unspecified, short', '0'],
  ['this network', '0.1.2.3'],
  ['private 10/8', '10.0.0.1'],
  ['private 172.16/12', '172.31.255.1'],
  ['private 192.168/16', '192.168.1.10'],
  ['link-local (cloud metadata)', '169.254.169.254'],
  ['link-local, decimal', '2852039166'],
  ['CGNAT', '100.64.0.1'],
  ['IETF protocol assignments', '192.0.0.8'],
  ['documentation TEST-NET-1', '192.0.2.1'],
  ['documentation TEST-NET-2', '198.51.100.7'],
  ['documentation TEST-NET-3', '203.0.113.7'],
  ['benchmarking', '198.18.0.1'],
  ['6to4 relay anycast', '192.88.99.1'],
  ['multicast', '224.0.0.1'],
  ['multicast, SSDP', '239.255.255.250'],
  ['reserved 240/4', '240.0.0.1'],
  ['broadcast', '255.255.255.255'],
  ['IPv6 loopback', '::1'],
  ['IPv6 unspecified', '::'],
  ['IPv6 link-local', 'fe80::1'],
  ['IPv6 site-local (deprecated)', 'fec0::1'],
  ['IPv6 unique-local', 'fd12:3456:789a::1'],
  ['IPv6 unique-local fc00::/8', 'fc00::1'],
  ['IPv6 multicast', 'ff02::1'],
  ['IPv6 multicast, global scope', 'ff0e::1'],
  ['IPv6 documentation', '2001:db8::1'],
  ['IPv6 documentation 3fff::/20', '3fff::1'],
  ['IPv6 benchmarking', '2001:2::1'],
  ['IPv6 ORCHIDv2', '2001:20::1'],
  ['IPv6 discard-only', '100::1'],
  ['IPv6 outside 2000::/3', '4000::1'],
  ['IPv4-mapped loopback, dotted', '::ffff:127.0.0.1'],
  ['IPv4-mapped loopback, hex', '::ffff:7f00:1'],
  ['IPv4-mapped private', '::ffff:10.0.0.1'],
  ['IPv4-mapped metadata', '::ffff:a9fe:a9fe'],
  ['IPv4-translated (RFC 6145)', '::ffff:0:7f00:1'],
  ['IPv4-compatible loopback, dotted', '::127.0.0.1'],
  ['IPv4-compatible loopback, hex', '::7f00:1'],
  ['IPv4-compatible (deprecated) even of a public address', '::8.8.8.8'],
  ['NAT64 of loopback', '64:ff9b::127.0.0.1'],
  ['NAT64 of private, hex', '64:ff9b::a00:1'],
  ['NAT64 of metadata', '64:ff9b::a9fe:a9fe'],
  ['NAT64 local-use 64:ff9b:1::/48', '64:ff9b:1::808:808'],
  ['6to4 of loopback', '2002:7f00:1::1'],
  ['6to4 of private', '2002:c0a8:10a::1'],
  ['6to4 of metadata', '2002:a9fe:a9fe::'],
  ['Teredo', '2001:0:4136:e378:8000:63bf:3fff:fdd2'],
  ['Teredo, short', '2001::1'],
];

const ALLOWED = [
  '8.8.8.8',
  '1.1.1.1',
  '93.184.215.14',
  '2606:4700:4700::1111',
  '2001:4860:4860::8888',
  '::ffff:8.8.8.8',
  '64:ff9b::808:808',
  '2002:808:808::1',
];

const hostOf = (address: string) => (address.includes(':') ? `[${address}]` : address);

describe('webhook targets', () => {
  describe.each(REFUSED)('%s (%s)', (_kind, address) => {
    it('is not public', () => expect(isPublicAddress(address)).toBe(false));

    it('is refused as the host of a URL', async () => {
      await expect(
        resolveWebhookTarget(`http://${hostOf(address)}/hook`, [], noDns),
      ).rejects.toThrow(/not public/);
    });

    it('is refused as what a host name resolves to', async () => {
      await expect(
        resolveWebhookTarget('https://hooks.example.com/in', [], resolvingTo([address])),
      ).rejects.toThrow(/not public/);
    });
  });

  it.each(ALLOWED)('accepts the public address %s and connects to it', async (address) => {
    expect(isPublicAddress(address)).toBe(true);
    const target = await resolveWebhookTarget(`https://${hostOf(address)}/hook`, [], noDns);
    expect(isPublicAddress(target.address)).toBe(true);
    expect(target.family).toBe(address.includes(':') ? 6 : 4);
  });

  it('refuses a name with any non-public address, and one that does not resolve', async () => {
    await expect(
      resolveWebhookTarget(
        'https://hooks.example.com/in',
        [],
        resolvingTo(['8.8.8.8', '10.0.0.1']),
      ),
    ).rejects.toThrow(/not public \(8\.8\.8\.8, 10\.0\.0\.1\)/);
    await expect(
      resolveWebhookTarget('https://hooks.example.com/in', [], resolvingTo([])),
    ).rejects.toThrow(/does not resolve/);
  });

  it('refuses localhost through the system resolver', async () => {
    await expect(resolveWebhookTarget('http://localhost:9/hook', [])).rejects.toThrow(
      WebhookTargetError,
    );
  });

  it('pins the address it checked: a name that rebinds to a private address later is refused then', async () => {
    const rebinding = resolvingTo(['93.184.215.14'], ['127.0.0.1']);
    const target = await resolveWebhookTarget('https://rebind.example/hook', [], rebinding);
    expect(target).toMatchObject({ address: '93.184.215.14', family: 4 });
    expect(target.url.hostname).toBe('rebind.example');
    expect(rebinding.calls).toEqual(['rebind.example']);
    await expect(
      resolveWebhookTarget('https://rebind.example/hook', [], rebinding),
    ).rejects.toThrow(/not public \(127\.0\.0\.1\)/);
  });

  it('refuses other schemes and credentials in the URL', async () => {
    await expect(resolveWebhookTarget('ftp://8.8.8.8/hook', [], noDns)).rejects.toThrow(
      /http or https/,
    );
    await expect(resolveWebhookTarget('http://user:pw@8.8.8.8/hook', [], noDns)).rejects.toThrow(
      /credentials/,
    );
    await expect(resolveWebhookTarget('not a url', [], noDns)).rejects.toThrow(/not a URL/);
  });

  it('lets the allow-list name a private host or host:port, and nothing else', async () => {
    await expect(
      resolveWebhookTarget('http://127.0.0.1:4000/hook', ['127.0.0.1:4000'], noDns),
    ).resolves.toMatchObject({ address: '127.0.0.1' });
    await expect(
      resolveWebhookTarget('http://127.0.0.1:4001/hook', ['127.0.0.1:4000'], noDns),
    ).rejects.toThrow(WebhookTargetError);
    await expect(
      resolveWebhookTarget(
        'http://receiver.internal/hook',
        ['receiver.internal'],
        resolvingTo(['10.1.2.3']),
      ),
    ).resolves.toMatchObject({ address: '10.1.2.3' });
  });
});
