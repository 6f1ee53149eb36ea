/**
 * A webhook receiver on Node's own http server: it trusts a delivery only when its signature
 * matches and its timestamp is fresh, answers at once, and handles each event id once. The
 * events and their payloads are described by the platform's AsyncAPI document (/asyncapi.json).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';

/** Deliveries signed longer ago than this are refused: an old one replayed carries an old time. */
const TOLERANCE_SECONDS = 300;

export interface ParklineEvent {
  id: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

/** `X-Signature` is `sha256=` + hex HMAC-SHA256(secret, `${X-Parkline-Timestamp}.${raw body}`). */
export function isGenuine(
  secret: string,
  timestamp: string,
  signature: string,
  rawBody: string,
  nowSeconds = Date.now() / 1000,
): boolean {
  const signedAt = Number(timestamp);
  if (!Number.isInteger(signedAt) || Math.abs(nowSeconds - signedAt) > TOLERANCE_SECONDS)
    return false;
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`,
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const header = (request: IncomingMessage, name: string) => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : '';
};

/**
 * Answers 204 to a genuine delivery (after `onEvent` for an id not seen before) and 401 to
 * anything else. Kept in memory here; a real receiver records handled ids where it keeps its work.
 */
export function createWebhookReceiver(
  secret: string,
  onEvent: (event: ParklineEvent) => void,
): Server {
  const handled = new Set<string>();
  return createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      // The signature covers the bytes as sent: check them before parsing.
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const timestamp = header(request, 'x-parkline-timestamp');
      if (!isGenuine(secret, timestamp, header(request, 'x-signature'), rawBody)) {
        response.writeHead(401).end();
        return;
      }
      const event = JSON.parse(rawBody) as ParklineEvent;
      if (!handled.has(event.id)) {
        handled.add(event.id);
        onEvent(event);
      }
      response.writeHead(204).end();
    });
  });
}

if (require.main === module) {
  const secret = process.env.PARKLINE_WEBHOOK_SECRET;
  if (!secret) throw new Error('Set PARKLINE_WEBHOOK_SECRET to the secret of the subscription');
  const port = Number(process.env.PORT ?? 4000);
  createWebhookReceiver(secret, (event) =>
    console.log(event.occurredAt, event.type, event.data.subjectId),
  ).listen(port, () => console.log(`Receiving webhooks on http://localhost:${port}/`));
}
