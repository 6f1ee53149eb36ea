import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKeyPair, privateKeyFromPem } from './certificate-signature';
import { developmentSigningKeyPath, signingKeyPem } from './signing-key-source';

const unconfigured = () => ({
  CERTIFICATE_SIGNING_KEY: '',
  CERTIFICATE_SIGNING_KEY_FILE: '',
  STORAGE_DIR: mkdtempSync(join(tmpdir(), 'parkline-keys-')),
});

describe('signingKeyPem', () => {
  it('generates an owner-only key into STORAGE_DIR once and reuses it', () => {
    const settings = unconfigured();
    const first = signingKeyPem(settings);
    expect(() => privateKeyFromPem(first)).not.toThrow();
    const path = developmentSigningKeyPath(settings.STORAGE_DIR);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(path, '..')).mode & 0o777).toBe(0o700);
    expect(signingKeyPem(settings)).toBe(first);
  });

  it('takes the configured PEM, with \\n for newlines, over anything generated', () => {
    const settings = unconfigured();
    const { privateKeyPem } = generateSigningKeyPair();
    const escaped = privateKeyPem.replace(/\n/g, '\\n');
    expect(signingKeyPem({ ...settings, CERTIFICATE_SIGNING_KEY: escaped })).toBe(privateKeyPem);
    expect(() => statSync(developmentSigningKeyPath(settings.STORAGE_DIR))).toThrow();
  });

  it('reads the configured file', () => {
    const settings = unconfigured();
    const file = join(settings.STORAGE_DIR, 'mounted-secret.pem');
    const { privateKeyPem } = generateSigningKeyPair();
    writeFileSync(file, privateKeyPem);
    expect(signingKeyPem({ ...settings, CERTIFICATE_SIGNING_KEY_FILE: file })).toBe(privateKeyPem);
  });
});
