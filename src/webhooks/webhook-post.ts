import { IncomingMessage, request as requestHttp } from 'node:http';
import { request as requestHttps } from 'node:https';
import type { LookupFunction } from 'node:net';
import { WebhookTarget } from './webhook-target';

/** How much of the receiver's answer is kept: enough to show why it refused. */
export const RESPONSE_EXCERPT_CHARS = 500;
const RESPONSE_EXCERPT_BYTES = RESPONSE_EXCERPT_CHARS * 4;

export interface WebhookPost {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

export interface WebhookAnswer {
  statusCode: number;
  excerpt: string;
}

/** Answers every lookup with the address already checked, so nothing is resolved a second time. */
export function pinnedLookup({ address, family }: Pick<WebhookTarget, 'address' | 'family'>) {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
  return pinned;
}

function readExcerpt(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const done = () =>
      resolve(Buffer.concat(chunks).toString('utf8').slice(0, RESPONSE_EXCERPT_CHARS));
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      // A receiver may answer without end; the rest is not read.
      if (length >= RESPONSE_EXCERPT_BYTES) {
        response.destroy();
        done();
      }
    });
    response.on('end', done);
    response.on('close', done);
  });
}

/**
 * POSTs a delivery to the target's checked address. Host and TLS server name stay the URL's
 * host, so certificates are verified against it. Redirects are answers like any other: they
 * are not followed (the delivery fails), since the next hop was never checked.
 */
export function postWebhook(target: WebhookTarget, post: WebhookPost): Promise<WebhookAnswer> {
  const send = target.url.protocol === 'https:' ? requestHttps : requestHttp;
  return new Promise((resolve, reject) => {
    const request = send(
      target.url,
      {
        method: 'POST',
        headers: { ...post.headers, 'content-length': String(Buffer.byteLength(post.body)) },
        lookup: pinnedLookup(target),
        // A pooled socket may lead to an address checked for another delivery.
        agent: false,
        signal: AbortSignal.timeout(post.timeoutMs),
      },
      (response) =>
        readExcerpt(response).then((excerpt) =>
          resolve({ statusCode: response.statusCode ?? 0, excerpt }),
        ),
    );
    request.on('error', reject);
    request.end(post.body);
  });
}
