import type { components } from '@parkline/client';

type PublicCertificate = components['schemas']['PublicCertificateDto'];
type PublicKey = components['schemas']['PublicKeyDto'];

/**
 * The bytes the platform signs: JSON with object keys sorted (UTF-16 code unit order) at every
 * depth and no whitespace. Written here rather than imported so that the browser's check does
 * not rest on the server's code; a test holds the two to the same output.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number' && Number.isFinite(value)) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`no canonical JSON for ${typeof value}`);
}

/**
 * An Ed25519 signature is 64 bytes: 86 base64url characters, unpadded. The last one carries two
 * bits and four spare zero bits, so only one spelling of each signature is accepted, as the
 * server does.
 */
const SIGNATURE_BASE64URL = /^[A-Za-z0-9_-]{85}[AQgw]$/;

function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function bytesOfBase64Url(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  return bytesOfBase64(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
}

/** The DER of a PEM's one block (SPKI for a public key). */
function derOfPem(pem: string): Uint8Array<ArrayBuffer> {
  const body = pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
  return bytesOfBase64(body);
}

/** True when `signature` is an Ed25519 signature of canonicalJson(content) under the PEM key. */
export async function verifyEd25519(
  content: unknown,
  signature: string,
  publicKeyPem: string,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<boolean> {
  if (!SIGNATURE_BASE64URL.test(signature)) return false;
  const key = await subtle.importKey('spki', derOfPem(publicKeyPem), { name: 'Ed25519' }, false, [
    'verify',
  ]);
  const message = new TextEncoder().encode(canonicalJson(content));
  return subtle.verify({ name: 'Ed25519' }, key, bytesOfBase64Url(signature), message);
}

export type SignatureCheck =
  /** The signature verifies under the published key, and the page shows what it covers. */
  | { outcome: 'checked'; keyId: string }
  /** The signature does not verify: the content or the signature was changed. */
  | { outcome: 'mismatch' }
  /** The signature verifies, but the details shown differ from what it covers. */
  | { outcome: 'altered'; field: string }
  /** No published key has the certificate's key id. */
  | { outcome: 'unknown-key'; keyId: string }
  /** Certificates signed over form data publish no content to check; the platform checked it. */
  | { outcome: 'not-published' }
  /** This browser's WebCrypto has no Ed25519. */
  | { outcome: 'unsupported' };

/**
 * Checks, in the browser, a certificate the API shows: its signed content against its signature
 * with the published key of its key id, and that every detail shown is the signed one.
 */
export async function checkCertificate(
  certificate: PublicCertificate,
  publicKeys: readonly PublicKey[],
  subtle: SubtleCrypto = crypto.subtle,
): Promise<SignatureCheck> {
  const { signedContent, signature, keyId } = certificate;
  if (!signedContent || !signature) return { outcome: 'not-published' };
  const key = publicKeys.find((candidate) => candidate.keyId === keyId);
  if (!key) return { outcome: 'unknown-key', keyId };
  let verified: boolean;
  try {
    verified = await verifyEd25519(signedContent, signature, key.publicKeyPem, subtle);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotSupportedError') {
      return { outcome: 'unsupported' };
    }
    return { outcome: 'mismatch' };
  }
  if (!verified) return { outcome: 'mismatch' };
  const shown = certificate as unknown as Record<string, unknown>;
  const field = Object.keys(signedContent).find(
    (name) =>
      shown[name] === undefined ||
      canonicalJson(shown[name]) !== canonicalJson(signedContent[name]),
  );
  return field ? { outcome: 'altered', field } : { outcome: 'checked', keyId };
}
