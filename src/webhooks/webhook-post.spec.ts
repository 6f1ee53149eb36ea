import { once } from 'node:events';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { postWebhook, RESPONSE_EXCERPT_CHARS } from './webhook-post';

/** `.invalid` never resolves (RFC 6761): a request that reaches the server was not looked up. */
const UNRESOLVABLE = 'rebind.invalid';

const post = {
  headers: { 'content-type': 'application/json' },
  body: '{"id":"e1"}',
  timeoutMs: 5000,
};

async function listen(server: Server | ReturnType<typeof createTlsServer>): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

describe('postWebhook', () => {
  const seen: { host?: string; url?: string; body: string }[] = [];
  let answer: (request: IncomingMessage, response: ServerResponse) => void;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        seen.push({ host: request.headers.host, url: request.url, body });
        answer(request, response);
      });
    });
    port = await listen(server);
  });

  beforeEach(() => {
    seen.length = 0;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const targetAt = (path: string, protocol = 'http:', to = port) => ({
    url: new URL(`${protocol}//${UNRESOLVABLE}:${to}${path}`),
    address: '127.0.0.1',
    family: 4 as const,
  });

  it('connects to the checked address, never resolving the name, and keeps the name as Host', async () => {
    answer = (_request, response) => response.writeHead(200).end('thanks');
    const delivered = await postWebhook(targetAt('/hook'), post);
    expect(delivered).toEqual({ statusCode: 200, excerpt: 'thanks' });
    expect(seen).toEqual([{ host: `${UNRESOLVABLE}:${port}`, url: '/hook', body: post.body }]);
  });

  it('does not follow a redirect: it is the answer', async () => {
    answer = (request, response) =>
      request.url === '/moved'
        ? response.writeHead(307, { location: `http://127.0.0.1:${port}/internal` }).end()
        : response.writeHead(200).end();
    const delivered = await postWebhook(targetAt('/moved'), post);
    expect(delivered.statusCode).toBe(307);
    expect(seen.map((request) => request.url)).toEqual(['/moved']);
  });

  it('reads no more of an endless answer than the excerpt', async () => {
    answer = (_request, response) => {
      response.writeHead(500);
      const chunk = 'x'.repeat(64 * 1024);
      const pump = () => {
        while (response.write(chunk));
        response.once('drain', pump);
      };
      response.on('close', () => response.removeAllListeners('drain'));
      pump();
    };
    const delivered = await postWebhook(targetAt('/endless'), post);
    expect(delivered).toEqual({ statusCode: 500, excerpt: 'x'.repeat(RESPONSE_EXCERPT_CHARS) });
  });

  it('gives up on a receiver that does not answer in time', async () => {
    answer = () => undefined;
    await expect(postWebhook(targetAt('/silent'), { ...post, timeoutMs: 200 })).rejects.toThrow(
      /abort|timeout/i,
    );
  });

  it('names the host, not the address, to TLS, so the certificate is checked against it', async () => {
    const serverNames: string[] = [];
    const tls = createTlsServer({
      SNICallback: (name, callback) => {
        serverNames.push(name);
        callback(new Error('no certificate here'), null as never);
      },
    });
    const tlsPort = await listen(tls);
    try {
      await expect(postWebhook(targetAt('/hook', 'https:', tlsPort), post)).rejects.toThrow();
      expect(serverNames).toEqual([UNRESOLVABLE]);
    } finally {
      await new Promise((resolve) => tls.close(resolve));
    }
  });
});
