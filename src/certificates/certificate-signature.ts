import {
  KeyObject,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import { canonicalJson } from '../common/canonical-json';

/** Everything a certificate asserts; the Ed25519 signature covers exactly this object. */
export interface CertificateContent {
  /** Unique per service and year, e.g. 'SPECIAL_ARTICLE_ENTRY-2026-000042'. */
  number: string;
  serviceCode: string;
  serviceName: string;
  serviceNameEn: string;
  title: string;
  titleEn: string;
  holder: { enterpriseId: string; name: string; creditCode: string };
  applicationId: string;
  applicationNumber: string;
  /** ISO instant. */
  issuedAt: string;
  /** 'YYYY-MM-DD'. */
  validFrom: string;
  /** 'YYYY-MM-DD', or null when the certificate does not expire. */
  validUntil: string | null;
  /** What was approved, e.g. article name, quantity, unit. */
  particulars: Record<string, string | number | boolean>;
  issuer: { departmentCode: string; departmentName: string };
}

const ED25519_SIGNATURE_BASE64URL = /^[A-Za-z0-9_-]{86}$/;
// No 0/O, 1/I/L: a person reads the code off paper and types it in.
const VERIFICATION_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const VERIFICATION_CODE_LENGTH = 12;
const KEY_ID_HEX_LENGTH = 16;

/** Ed25519 signature over canonicalJson(content), base64url without padding. */
export function signCertificate(content: CertificateContent, privateKey: KeyObject): string {
  assertEd25519(privateKey, 'private');
  return sign(null, Buffer.from(canonicalJson(content), 'utf8'), privateKey).toString('base64url');
}

/** True only when signature is a valid Ed25519 signature of content under publicKey. */
export function verifyCertificate(
  content: CertificateContent,
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
 * Short code printed on the certificate and passed as ?code= to the public verify URL:
 * the SHA-256 of the signature string written in base 31 over an unambiguous alphabet.
 */
export function verificationCode(signature: string): string {
  const digest = createHash('sha256').update(signature, 'utf8').digest();
  let remaining = BigInt(`0x${digest.toString('hex')}`);
  const base = BigInt(VERIFICATION_CODE_ALPHABET.length);
  let code = '';
  for (let position = 0; position < VERIFICATION_CODE_LENGTH; position += 1) {
    code += VERIFICATION_CODE_ALPHABET[Number(remaining % base)];
    remaining /= base;
  }
  return code;
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
