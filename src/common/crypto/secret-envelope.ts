import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const CIPHER = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export interface EnvelopeKey {
  id: string;
  key: Buffer;
}

/**
 * Parses `keyId:base64key` entries (32-byte keys, as `openssl rand -base64 32` prints them).
 * Errors name the entry or its key id, never the key.
 */
export function parseEnvelopeKeys(entries: readonly string[]): EnvelopeKey[] {
  if (entries.length === 0) throw new Error('needs at least one keyId:base64key entry');
  const keys = entries.map((entry, index) => {
    const separator = entry.indexOf(':');
    const id = entry.slice(0, separator);
    if (separator < 0 || !KEY_ID.test(id))
      throw new Error(
        `entry ${index + 1} is not keyId:base64key (a key id is up to 32 letters, digits, - or _)`,
      );
    const encoded = entry.slice(separator + 1);
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== KEY_BYTES || key.toString('base64') !== encoded)
      throw new Error(`key "${id}" is not ${KEY_BYTES} bytes in base64 (openssl rand -base64 32)`);
    return { id, key };
  });
  const ids = keys.map((key) => key.id);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated) throw new Error(`key id "${repeated}" is listed twice`);
  return keys;
}

const part = (bytes: Buffer) => bytes.toString('base64url');

/**
 * AES-256-GCM envelopes `v1:keyId:iv:tag:ciphertext` (base64url parts). The first key seals
 * and every key opens, so keys rotate without a flag day. The associated data binds an
 * envelope to its row: copied onto another row, it no longer opens.
 */
export class SecretEnvelopes {
  constructor(private readonly keys: readonly EnvelopeKey[]) {
    if (keys.length === 0) throw new Error('SecretEnvelopes needs at least one key');
  }

  /** The id of the key that seals; envelopes under any other key are due for re-sealing. */
  get sealingKeyId(): string {
    return this.keys[0].id;
  }

  get keyIds(): string[] {
    return this.keys.map((key) => key.id);
  }

  seal(plaintext: string, associatedData: string): string {
    const { id, key } = this.keys[0];
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(CIPHER, key, iv).setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, id, part(iv), part(cipher.getAuthTag()), part(ciphertext)].join(':');
  }

  /** The plaintext; throws when the envelope is malformed, its key unknown, or it was altered. */
  open(envelope: string, associatedData: string): string {
    const [version, keyId, iv, tag, ciphertext, ...rest] = envelope.split(':');
    if (version !== VERSION || ciphertext === undefined || rest.length > 0)
      throw new Error('Not a v1 secret envelope');
    const key = this.keys.find((candidate) => candidate.id === keyId);
    if (!key) throw new Error(`Secret envelope sealed under unknown key "${keyId}"`);
    const tagBytes = Buffer.from(tag, 'base64url');
    if (tagBytes.length !== TAG_BYTES) throw new Error('Secret envelope has a malformed tag');
    const decipher = createDecipheriv(CIPHER, key.key, Buffer.from(iv, 'base64url'), {
      authTagLength: TAG_BYTES,
    })
      .setAAD(Buffer.from(associatedData, 'utf8'))
      .setAuthTag(tagBytes);
    try {
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch (error) {
      throw new Error('Secret envelope does not authenticate', { cause: error });
    }
  }
}

/** The prefix of every envelope sealed under `keyId`. */
export const envelopePrefix = (keyId: string) => `${VERSION}:${keyId}:`;
