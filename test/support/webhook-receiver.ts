import { AddressInfo } from 'node:net';
import { createServer, IncomingMessage } from 'node:http';

export interface ReceivedDelivery {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>`, to subscribe `${base}/some-path`. */
  base: string;
  /** For WEBHOOK_ALLOWLIST: the receiver listens on loopback, which targets may not reach otherwise. */
  hostPort: string;
  received: ReceivedDelivery[];
  /** How many more requests to a path answer 500 before it answers 200 again. */
  failuresLeft: Map<string, number>;
  deliveriesTo: (path: string) => ReceivedDelivery[];
  close: () => Promise<void>;
}

/**
 * A local HTTP server that records every delivery it gets, fails on request, and answers
 * `/moved` with a redirect to `/moved-here`.
 */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedDelivery[] = [];
  const failuresLeft = new Map<string, number>();
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body });
      if (request.url === '/moved') {
        response.writeHead(307, { location: '/moved-here' }).end();
        return;
      }
      const left = failuresLeft.get(request.url ?? '') ?? 0;
      if (left > 0) failuresLeft.set(request.url ?? '', left - 1);
      response.writeHead(left > 0 ? 500 : 200).end(left > 0 ? 'temporarily broken' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
    received,
    failuresLeft,
    deliveriesTo: (path) => received.filter((request) => request.path === path),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
