import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

/** A request exactly as it goes on the wire: the path is already percent-encoded. */
export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

/** Sends a request without any client-side normalisation, so hostile bytes reach the server. */
export function sendRaw(server: Server, raw: RawRequest): Promise<RawResponse> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        method: raw.method,
        path: raw.path,
        headers: {
          ...raw.headers,
          ...(raw.body ? { 'content-length': String(raw.body.length) } : {}),
        },
        agent,
        // The hostile paths are the point; Node would refuse some of them otherwise.
        insecureHTTPParser: true,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(raw.body);
  });
}

export function closeRawAgent(): void {
  agent.destroy();
}
