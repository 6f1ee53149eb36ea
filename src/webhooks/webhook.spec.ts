import { signWebhook, verifyWebhookSignature } from './webhook-signature';
import { assertDeliverableUrl, isForbiddenAddress, WebhookTargetError } from './webhook-target';

describe('webhook signatures', () => {
  const body = JSON.stringify({
    id: 'e1',
    type: 'application.submitted',
    occurredAt: '2026-11-23T00:00:00.000Z',
    data: {},
  });

  it('is HMAC-SHA256 over timestamp.body, as documented', () => {
    // Computed independently: printf '1795400000.{}' | openssl dgst -sha256 -hmac whsec_test
    expect(signWebhook('whsec_test', 1795400000, '{}')).toBe(
      'sha256=1bbed32f50e534e0645d76f7562529e85c910dff402453b745ef1631e22c94d7',
    );
  });

  it('verifies a genuine delivery and refuses altered bodies, other secrets and stale timestamps', () => {
    const timestamp = 1_795_400_000;
    const signature = signWebhook('whsec_test', timestamp, body);
    const headers = { timestamp: String(timestamp), signature };
    expect(verifyWebhookSignature('whsec_test', headers, body, timestamp + 10)).toBe(true);
    expect(
      verifyWebhookSignature(
        'whsec_test',
        headers,
        body.replace('submitted', 'approved'),
        timestamp,
      ),
    ).toBe(false);
    expect(verifyWebhookSignature('whsec_other', headers, body, timestamp)).toBe(false);
    expect(verifyWebhookSignature('whsec_test', headers, body, timestamp + 3600)).toBe(false);
    expect(
      verifyWebhookSignature('whsec_test', { timestamp: 'soon', signature }, body, timestamp),
    ).toBe(false);
  });
});

describe('webhook targets', () => {
  it.each([
    '127.0.0.1',
    '10.0.0.1',
    '172.20.1.1',
    '192.168.1.10',
    '169.254.169.254',
    '0.0.0.0',
    '::1',
    'fe80::1',
    'fd00::5',
    '::ffff:127.0.0.1',
  ])('refuses %s', (address) => expect(isForbiddenAddress(address)).toBe(true));

  it.each(['8.8.8.8', '203.0.113.7', '2001:4860:4860::8888'])(
    'accepts the public address %s',
    (address) => expect(isForbiddenAddress(address)).toBe(false),
  );

  it('refuses metadata and private URLs unless the allow-list names them', async () => {
    await expect(
      assertDeliverableUrl('http://169.254.169.254/latest/meta-data', []),
    ).rejects.toThrow(WebhookTargetError);
    await expect(assertDeliverableUrl('http://10.0.0.1/hook', [])).rejects.toThrow(/private/);
    await expect(assertDeliverableUrl('ftp://example.com/hook', [])).rejects.toThrow(
      /http or https/,
    );
    await expect(assertDeliverableUrl('http://user:pw@203.0.113.7/hook', [])).rejects.toThrow(
      /credentials/,
    );
    await expect(
      assertDeliverableUrl('http://127.0.0.1:4000/hook', ['127.0.0.1:4000']),
    ).resolves.toBeInstanceOf(URL);
    await expect(
      assertDeliverableUrl('http://127.0.0.1:4001/hook', ['127.0.0.1:4000']),
    ).rejects.toThrow(WebhookTargetError);
    await expect(assertDeliverableUrl('https://203.0.113.7/hook', [])).resolves.toBeInstanceOf(URL);
  });
});
