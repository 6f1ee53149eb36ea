import { generateKeyPairSync } from 'node:crypto';
import {
  CertificateContent,
  generateSigningKeyPair,
  isPublicContent,
  keyIdOf,
  LegacyCertificateContent,
  newVerificationCode,
  privateKeyFromPem,
  publicKeyFromPem,
  signCertificate,
  verificationCodesMatch,
  verifyCertificate,
} from './certificate-signature';
import { canonicalJson } from '../common/canonical-json';

function currentCertificate(): CertificateContent {
  return {
    number: 'SPECIAL_ARTICLE_ENTRY-2026-000042',
    serviceCode: 'SPECIAL_ARTICLE_ENTRY',
    serviceName: '出入境特殊物品卫生检疫审批',
    serviceNameEn: 'Health quarantine approval of special articles',
    title: '出入境特殊物品卫生检疫审批单',
    titleEn: 'Entry-Exit Special Articles Health Quarantine Approval',
    holder: { name: '杭州示例生物科技有限公司', creditCode: '91330114MA2K4XY72B' },
    issuedAt: '2026-03-05T06:30:00.000Z',
    validFrom: '2026-03-05',
    validUntil: '2027-03-04',
    issuer: { departmentCode: 'CUSTOMS', departmentName: '下沙海关' },
  };
}

/** A certificate as issued before its content was cut down: internal ids and form fields too. */
function sampleCertificate(): LegacyCertificateContent {
  const content = currentCertificate();
  return {
    ...content,
    holder: { enterpriseId: '7b0c2f8e-4a51-4d7e-9a43-2f1f6f0d3b11', ...content.holder },
    applicationId: '0f5e8a52-1c7b-4b8e-8d57-6f2a9c3e4d21',
    applicationNumber: 'QT-2026-000123',
    particulars: { articleName: '人血清白蛋白', quantity: 200, unit: '瓶', coldChain: true },
  };
}

// The last of 86 base64url characters carries 2 unused bits: flip them to get another spelling.
function nonCanonicalFinalCharacter(signature: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const last = alphabet.indexOf(signature[85]);
  return signature.slice(0, 85) + alphabet[last ^ 1];
}

describe('canonicalJson', () => {
  it('sorts keys so that member order does not matter', () => {
    expect(canonicalJson({ b: 1, a: 'x', c: null })).toBe('{"a":"x","b":1,"c":null}');
    expect(canonicalJson({ c: null, a: 'x', b: 1 })).toBe('{"a":"x","b":1,"c":null}');
  });

  it('sorts keys of nested objects, including objects inside arrays, and keeps array order', () => {
    const value = { z: { y: [3, 1, { q: true, p: false }], x: {} }, a: [] };
    expect(canonicalJson(value)).toBe('{"a":[],"z":{"x":{},"y":[3,1,{"p":false,"q":true}]}}');
  });

  it('orders keys by UTF-16 code units', () => {
    expect(canonicalJson({ b: 1, B: 2, 中: 3, '10': 4, '9': 5 })).toBe(
      '{"10":4,"9":5,"B":2,"b":1,"中":3}',
    );
  });

  it('escapes strings as JSON does and writes non-ASCII text as is', () => {
    expect(canonicalJson({ text: 'quote " backslash \\ newline \n tab \t bell \u0007 名称' })).toBe(
      '{"text":"quote \\" backslash \\\\ newline \\n tab \\t bell \\u0007 名称"}',
    );
  });

  it('writes numbers in their shortest form', () => {
    expect(canonicalJson([1.5, -0, 1e21, 0.1, 200])).toBe('[1.5,0,1e+21,0.1,200]');
  });

  it('gives the same string for the same certificate every time', () => {
    const reordered = JSON.parse(JSON.stringify(sampleCertificate())) as LegacyCertificateContent;
    expect(canonicalJson(reordered)).toBe(canonicalJson(sampleCertificate()));
  });

  it.each([
    ['undefined', undefined],
    ['an undefined member', { a: undefined }],
    ['an undefined array item', [1, undefined]],
    ['NaN', { quantity: NaN }],
    ['Infinity', [Infinity]],
    ['a function', { f: () => 1 }],
    ['a bigint', { n: BigInt(1) }],
    ['a Date', { at: new Date(0) }],
  ])('rejects %s', (_description, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it('rejects cycles', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(TypeError);
  });

  it('accepts the same object twice when it is not its own ancestor', () => {
    const shared = { a: 1 };
    expect(canonicalJson({ x: shared, y: shared })).toBe('{"x":{"a":1},"y":{"a":1}}');
  });
});

describe('certificate signatures', () => {
  const signingKeys = generateSigningKeyPair();
  const privateKey = privateKeyFromPem(signingKeys.privateKeyPem);
  const publicKey = publicKeyFromPem(signingKeys.publicKeyPem);
  const signature = signCertificate(sampleCertificate(), privateKey);

  it('verifies a signed certificate', () => {
    expect(signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(verifyCertificate(sampleCertificate(), signature, publicKey)).toBe(true);
  });

  it('verifies the certificate after a JSON round trip with members in another order', () => {
    const { particulars, holder, ...rest } = sampleCertificate();
    const reordered = JSON.parse(JSON.stringify({ particulars, ...rest, holder }));
    expect(verifyCertificate(reordered, signature, publicKey)).toBe(true);
  });

  it.each<[string, (content: LegacyCertificateContent) => void]>([
    ['the holder name', (content) => (content.holder.name = '杭州冒名生物科技有限公司')],
    ['the holder credit code', (content) => (content.holder.creditCode = '91330114MA2K4XY73B')],
    ['the end of validity', (content) => (content.validUntil = '2028-03-04')],
    ['the end of validity, to no expiry', (content) => (content.validUntil = null)],
    ['the value of one particular', (content) => (content.particulars!.quantity = 2000)],
    ['the type of one particular', (content) => (content.particulars!.quantity = '200')],
    ['an added particular', (content) => (content.particulars!.extra = 'x')],
    ['the number', (content) => (content.number = 'SPECIAL_ARTICLE_ENTRY-2026-000043')],
    ['the issuer', (content) => (content.issuer.departmentCode = 'HEALTH')],
  ])('rejects the certificate after a change to %s', (_field, tamper) => {
    const tampered = sampleCertificate();
    tamper(tampered);
    expect(verifyCertificate(tampered, signature, publicKey)).toBe(false);
  });

  it('rejects a signature made with another key', () => {
    const otherKeys = generateSigningKeyPair();
    const forged = signCertificate(sampleCertificate(), privateKeyFromPem(otherKeys.privateKeyPem));
    expect(verifyCertificate(sampleCertificate(), forged, publicKey)).toBe(false);
  });

  it.each([
    ['an empty string', ''],
    ['a truncated signature', signature.slice(0, 85)],
    ['an over-long signature', `${signature}A`],
    ['padding', `${signature}==`],
    ['standard base64 characters', `${signature.slice(0, 85)}+`],
    ['characters that base64 skips', `${signature.slice(0, 84)}!!`],
    [
      'a flipped character',
      `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`,
    ],
    ['a non-canonical final character', nonCanonicalFinalCharacter(signature)],
    ['a non-string', 42 as unknown as string],
  ])('returns false instead of throwing for %s', (_description, malformed) => {
    expect(verifyCertificate(sampleCertificate(), malformed, publicKey)).toBe(false);
  });

  it('refuses to sign or verify with keys that are not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(() => signCertificate(sampleCertificate(), rsa.privateKey)).toThrow(/Ed25519/);
    expect(() => verifyCertificate(sampleCertificate(), signature, rsa.publicKey)).toThrow(
      /Ed25519/,
    );
    expect(() => signCertificate(sampleCertificate(), publicKey)).toThrow(/Ed25519 private/);
  });
});

describe('verification codes', () => {
  const GROUPED_BASE32 = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$/;

  it("are 32 characters of Crockford's base 32 (160 bits), in groups of 4", () => {
    expect(newVerificationCode()).toMatch(GROUPED_BASE32);
  });

  it('use every character and never repeat', () => {
    const codes = Array.from({ length: 2000 }, () => newVerificationCode());
    expect(new Set(codes).size).toBe(codes.length);
    const characters = new Set(codes.join('').replace(/-/g, ''));
    expect(characters.size).toBe(32);
  });

  it('match as typed: any case, without hyphens, with O, I or L for 0 and 1', () => {
    const issued = '0K3M-Q9XA-2TNE-H4WD-8RBF-Z6PC-1VJS-G5YN';
    expect(verificationCodesMatch(issued, issued)).toBe(true);
    expect(verificationCodesMatch(issued.toLowerCase(), issued)).toBe(true);
    expect(verificationCodesMatch(issued.replace(/-/g, ''), issued)).toBe(true);
    expect(verificationCodesMatch('OK3M-Q9XA-2TNE-H4WD-8RBF-Z6PC-LVJS-G5YN', issued)).toBe(true);
    expect(verificationCodesMatch('0K3M-Q9XA-2TNE-H4WD-8RBF-Z6PC-1VJS-G5YP', issued)).toBe(false);
    expect(verificationCodesMatch('0K3M-Q9XA-2TNE-H4WD-8RBF-Z6PC-1VJS', issued)).toBe(false);
    expect(verificationCodesMatch('', issued)).toBe(false);
  });

  it('match the 12-character codes of certificates issued earlier', () => {
    expect(verificationCodesMatch('77ppyxaj8u8k', '77PPYXAJ8U8K')).toBe(true);
    expect(verificationCodesMatch('77PPYXAJ8U8M', '77PPYXAJ8U8K')).toBe(false);
  });
});

describe('isPublicContent', () => {
  it('accepts the content certificates are signed over now', () => {
    expect(isPublicContent(currentCertificate())).toBe(true);
  });

  it.each<[string, (content: LegacyCertificateContent) => void]>([
    ['form fields', (content) => (content.particulars = { 'contact.name': '王敏' })],
    ['an application id', (content) => (content.applicationId = 'x')],
    ['an enterprise id', (content) => (content.holder.enterpriseId = 'x')],
    ['another issuer member', (content) => Object.assign(content.issuer, { officerName: '李强' })],
  ])('refuses content with %s', (_what, add) => {
    const content: LegacyCertificateContent = currentCertificate();
    add(content);
    expect(isPublicContent(content)).toBe(false);
  });

  it('refuses content signed before it was cut down', () => {
    expect(isPublicContent(sampleCertificate())).toBe(false);
  });
});

describe('signing keys', () => {
  it('round-trips the key pair through PEM', () => {
    const keys = generateSigningKeyPair();
    expect(keys.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(keys.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    const privateKey = privateKeyFromPem(keys.privateKeyPem);
    const publicKey = publicKeyFromPem(keys.publicKeyPem);
    expect(privateKey.asymmetricKeyType).toBe('ed25519');
    expect(privateKey.export({ type: 'pkcs8', format: 'pem' })).toBe(keys.privateKeyPem);
    expect(publicKey.export({ type: 'spki', format: 'pem' })).toBe(keys.publicKeyPem);
    const signature = signCertificate(sampleCertificate(), privateKey);
    expect(verifyCertificate(sampleCertificate(), signature, publicKey)).toBe(true);
  });

  it('derives the key id from the SHA-256 of the SPKI DER', () => {
    // RFC 8032 test 1 public key; its SPKI DER is the 12-byte Ed25519 prefix plus the key.
    const publicKeyPem = [
      '-----BEGIN PUBLIC KEY-----',
      'MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=',
      '-----END PUBLIC KEY-----',
    ].join('\n');
    expect(keyIdOf(publicKeyFromPem(publicKeyPem))).toBe('06e3fd8fda29bb60');
  });

  it('reports the key id of the generated pair', () => {
    const keys = generateSigningKeyPair();
    expect(keys.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(publicKeyFromPem(keys.publicKeyPem))).toBe(keys.keyId);
    expect(generateSigningKeyPair().keyId).not.toBe(keys.keyId);
  });

  it('rejects PEM keys that are not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const ec = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    expect(() => privateKeyFromPem(rsa.privateKey)).toThrow(
      /must be Ed25519 private keys, got rsa/,
    );
    expect(() => publicKeyFromPem(rsa.publicKey)).toThrow(/must be Ed25519 public keys, got rsa/);
    expect(() => privateKeyFromPem(ec.privateKey)).toThrow(/must be Ed25519 private keys, got ec/);
    expect(() => publicKeyFromPem(ec.publicKey)).toThrow(/must be Ed25519 public keys, got ec/);
  });

  it('rejects text that is not a PEM key', () => {
    expect(() => privateKeyFromPem('not a key')).toThrow(/not a readable PEM private key/);
    expect(() => publicKeyFromPem('not a key')).toThrow(/not a readable PEM public key/);
  });

  it('rejects a private key where a public key is expected', () => {
    const keys = generateSigningKeyPair();
    expect(() => keyIdOf(privateKeyFromPem(keys.privateKeyPem))).toThrow(/Ed25519 public/);
  });
});
