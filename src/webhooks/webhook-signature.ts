import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers of a delivery that identify and sign it (lower-case, as Node reads them). */
export const WEBHOOK_HEADERS = {
  eventId: 'x-parkline-event-id',
  timestamp: 'x-parkline-timestamp',
  signature: 'x-signature',
} as const;

/** How far a delivery's timestamp may be from the receiver's clock before it is refused. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * `X-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`, the header every
 * webhook delivery carries (API.md). The same function is what a receiver runs to check it.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * A receiver's check: the signature matches, and the timestamp is recent (replays of an old
 * delivery are refused). Constant-time comparison.
 */
export function verifyWebhookSignature(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds)
    return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature ?? '');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
