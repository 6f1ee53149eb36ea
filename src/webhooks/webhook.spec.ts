import { signWebhook, verifyWebhookSignature } from './webhook-signature';

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
