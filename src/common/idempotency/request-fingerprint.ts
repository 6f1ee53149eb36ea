import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json';

/** SHA-256 of what makes two requests the same: method, path and body. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([method.toUpperCase(), path]))
    .update(canonicalJson(body ?? null))
    .digest('hex');
}
