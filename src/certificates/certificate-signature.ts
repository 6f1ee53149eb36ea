import {
  KeyObject,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  timingSafeEqual,
  verify,
} from 'node:crypto';
import { canonicalJson } from '../common/canonical-json';

/**
 * Everything a certificate asserts; the Ed25519 signature covers exactly this object. It holds
 * only what anyone verifying the certificate is shown: no form data, no people.
 */
export interface CertificateContent {
  /** Unique per service and year, e.g. 'SPECIAL_ARTICLE_ENTRY-2026-000042'. */
  number: string;
  serviceCode: string;
  serviceName: string;
  serviceNameEn: string;
  title: string;
  titleEn: string;
  holder: { name: string; creditCode: string };
  /** ISO instant. */
  issuedAt: string;
  /** 'YYYY-MM-DD'. */
  validFrom: string;
  /** 'YYYY-MM-DD', or null when the certificate does not expire. */
  validUntil: string | null;
  issuer: { departmentCode: string; departmentName: string };
}

/**
 * What certificates issued before the content was cut down also signed: internal ids and the
 * first form fields, which may name and reach people. They stay verifiable; their content is
 * never shown publicly.
 */
export interface LegacyCertificateContent extends CertificateContent {
  holder: CertificateContent['holder'] & { enterpriseId?: string };
  applicationId?: string;
  applicationNumber?: string;
  particulars?: Record<string, string | number | boolean>;
}

// Written as objects so that the compiler holds each list to the members of its type.
const PUBLIC_KEYS = {
  content: Object.keys({
    number: 1,
    serviceCode: 1,
    serviceName: 1,
    serviceNameEn: 1,
    title: 1,
    titleEn: 1,
    holder: 1,
    issuedAt: 1,
    validFrom: 1,
    validUntil: 1,
    issuer: 1,
  } satisfies Record<keyof CertificateContent, 1>),
  holder: Object.keys({ name: 1, creditCode: 1 } satisfies Record<
    keyof CertificateContent['holder'],
    1
  >),
  issuer: Object.keys({ departmentCode: 1, departmentName: 1 } satisfies Record<
    keyof CertificateContent['issuer'],
    1
  >),
};

/** True when the signed content holds nothing beyond what may be shown to anyone. */
export function isPublicContent(content: LegacyCertificateContent): content is CertificateContent {
  const only = (value: object, keys: string[]) =>
    Object.keys(value).every((key) => keys.includes(key));
  return (
    only(content, PUBLIC_KEYS.content) &&
    only(content.holder, PUBLIC_KEYS.holder) &&
    only(content.issuer, PUBLIC_KEYS.issuer)
  );
}

const ED25519_SIGNATURE_BASE64URL = /^[A-Za-z0-9_-]{86}$/;
// Crockford's base 32: no I, L, O or U, so a code read off paper is typed back without doubt.
const VERIFICATION_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 160 random bits: 32 characters, written in groups of 4. */
const VERIFICATION_CODE_BYTES = 20;
const VERIFICATION_CODE_GROUP = 4;
const KEY_ID_HEX_LENGTH = 16;

/** Ed25519 signature over canonicalJson(content), base64url without padding. */
export function signCertificate(content: LegacyCertificateContent, privateKey: KeyObject): string {
  assertEd25519(privateKey, 'private');
  return sign(null, Buffer.from(canonicalJson(content), 'utf8'), privateKey).toString('base64url');
}

/** True only when signature is a valid Ed25519 signature of content under publicKey. */
export function verifyCertificate(
  content: LegacyCertificateContent,
  signature: string,
  publicKey: KeyObject,
): boolean {
  assertEd25519(publicKey, 'public');
  // Buffer's decoder skips invalid characters and ignores the final character's spare bits, so
  // only the one canonical spelling of a 64-byte signature is accepted.
  if (typeof signature !== 'string' || !ED25519_SIGNATURE_BASE64URL.test(signature)) return false;
  const signatureBytes = Buffer.from(signature, 'base64url');
  if (signatureBytes.toString('base64url') !== signature) return false;
  try {
    const message = Buffer.from(canonicalJson(content), 'utf8');
    return verify(null, message, publicKey, signatureBytes);
  } catch {
    return false;
  }
}

/**
 * The code printed on a certificate and passed as ?code= to the public verify URL: random, so
 * a certificate's number (which is sequential) and its content tell nothing about it.
 */
export function newVerificationCode(): string {
  const bytes = randomBytes(VERIFICATION_CODE_BYTES);
  let bits = 0;
  let value = 0;
  let code = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      code += VERIFICATION_CODE_ALPHABET[(value >>> bits) & 31];
    }
    value &= (1 << bits) - 1;
  }
  return code.match(new RegExp(`.{${VERIFICATION_CODE_GROUP}}`, 'g'))!.join('-');
}

/**
 * A typed code as issued: case, spaces and hyphens ignored, and O, I and L read as the digits
 * they look like. Codes issued before the random ones (12 characters without 0, 1, I, L or O)
 * read the same way.
 */
function normalisedCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** Whether a typed code is the issued one, in time that does not depend on how much matches. */
export function verificationCodesMatch(typed: string, issued: string): boolean {
  const digest = (code: string) => createHash('sha256').update(normalisedCode(code)).digest();
  return timingSafeEqual(digest(typed), digest(issued));
}

/** A new Ed25519 key pair: PKCS#8 and SPKI PEM, and the key id of its public key. */
export function generateSigningKeyPair(): {
  privateKeyPem: string;
  publicKeyPem: string;
  keyId: string;
} {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return {
    privateKeyPem: privateKey,
    publicKeyPem: publicKey,
    keyId: keyIdOf(createPublicKey(publicKey)),
  };
}

export function privateKeyFromPem(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new Error('Certificate signing key is not a readable PEM private key', { cause: error });
  }
  assertEd25519(key, 'private');
  return key;
}

export function publicKeyFromPem(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new Error('Certificate verification key is not a readable PEM public key', {
      cause: error,
    });
  }
  assertEd25519(key, 'public');
  return key;
}

/** First 16 hex characters of the SHA-256 of the public key's SPKI DER encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  assertEd25519(publicKey, 'public');
  const spkiDer = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spkiDer).digest('hex').slice(0, KEY_ID_HEX_LENGTH);
}

function assertEd25519(key: KeyObject, expectedType: 'private' | 'public'): void {
  if (key.type !== expectedType || key.asymmetricKeyType !== 'ed25519') {
    const actual = `${key.asymmetricKeyType ?? 'symmetric'} ${key.type}`;
    throw new Error(`Certificate keys must be Ed25519 ${expectedType} keys, got ${actual} key`);
  }
}
