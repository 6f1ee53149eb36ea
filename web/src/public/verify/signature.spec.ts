/**
 * @jest-environment node
 */
// Node's WebCrypto stands in for the browser's; jsdom has no crypto.subtle.
import type { components } from '@parkline/client';
import { canonicalJson, checkCertificate } from './signature';

type PublicCertificate = components['schemas']['PublicCertificateDto'];

/** The server's signing code, loaded as is, so the test signs exactly as certificates are. */
interface ServerSigning {
  generateSigningKeyPair(): { privateKeyPem: string; publicKeyPem: string; keyId: string };
  privateKeyFromPem(pem: string): unknown;
  signCertificate(content: object, privateKey: unknown): string;
}
const server = jest.requireActual<ServerSigning>(
  '../../../../src/certificates/certificate-signature',
);
const serverJson = jest.requireActual<{ canonicalJson(value: unknown): string }>(
  '../../../../src/common/canonical-json',
);

/** The signed content the API documents as its example. */
const openapi = jest.requireActual<{
  components: { schemas: Record<string, { properties: Record<string, { example: object }> }> };
}>('../../../../openapi.json');
const content = openapi.components.schemas.PublicCertificateDto.properties.signedContent
  .example as Omit<PublicCertificate, 'revokedAt' | 'signedContent' | 'signature' | 'keyId'>;

const pair = server.generateSigningKeyPair();
const publicKeys = [
  { keyId: pair.keyId, algorithm: 'Ed25519', publicKeyPem: pair.publicKeyPem, active: true },
];
const signature = server.signCertificate(content, server.privateKeyFromPem(pair.privateKeyPem));

/** The verify answer's certificate as the API shows it. */
function shown(overrides: Partial<PublicCertificate> = {}): PublicCertificate {
  return {
    ...content,
    revokedAt: null,
    signedContent: structuredClone(content),
    signature,
    keyId: pair.keyId,
    ...overrides,
  };
}

describe('checking a certificate in the browser', () => {
  it('writes the same canonical JSON as the server, keys sorted at every depth', () => {
    const sample = { b: [3, { z: null, a: true }], a: 'é "quoted"', Z: 1.5, 中: { y: -0, x: '' } };
    expect(canonicalJson(sample)).toBe(serverJson.canonicalJson(sample));
    expect(canonicalJson(content)).toBe(serverJson.canonicalJson(content));
  });

  it('verifies a signature the server made, with the published public key', async () => {
    await expect(checkCertificate(shown(), publicKeys)).resolves.toEqual({
      outcome: 'checked',
      keyId: pair.keyId,
    });
  });

  it('refuses signed content changed after signing', async () => {
    const signedContent = { ...content, holder: { ...content.holder, name: '别的公司' } };
    const certificate = shown({ signedContent, holder: signedContent.holder });
    await expect(checkCertificate(certificate, publicKeys)).resolves.toEqual({
      outcome: 'mismatch',
    });
  });

  it('refuses a signature that is not one, or that another key made', async () => {
    const other = server.generateSigningKeyPair();
    const foreign = server.signCertificate(content, server.privateKeyFromPem(other.privateKeyPem));
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    // The same bytes spelt with spare bits set in the last character.
    const respelt = `${signature.slice(0, -1)}${String.fromCharCode(signature.charCodeAt(85) + 1)}`;
    for (const bad of [foreign, flipped, respelt, 'not-a-signature']) {
      await expect(checkCertificate(shown({ signature: bad }), publicKeys)).resolves.toEqual({
        outcome: 'mismatch',
      });
    }
  });

  it('refuses details shown that differ from the signed ones', async () => {
    await expect(
      checkCertificate(shown({ validUntil: '2099-12-31' }), publicKeys),
    ).resolves.toEqual({ outcome: 'altered', field: 'validUntil' });
  });

  it('names a key id that no published key has', async () => {
    await expect(
      checkCertificate(shown({ keyId: 'ffffffffffffffff' }), publicKeys),
    ).resolves.toEqual({ outcome: 'unknown-key', keyId: 'ffffffffffffffff' });
  });

  it('says so when a certificate publishes no content to check', async () => {
    await expect(
      checkCertificate(shown({ signedContent: null, signature: null }), publicKeys),
    ).resolves.toEqual({ outcome: 'not-published' });
  });
});
