import { randomUUID } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateSigningKeyPair } from './certificate-signature';

/** The settings that name the certificate signing key. */
export interface SigningKeySettings {
  CERTIFICATE_SIGNING_KEY: string;
  CERTIFICATE_SIGNING_KEY_FILE: string;
}

/** The configured key's PEM: CERTIFICATE_SIGNING_KEY (`\n` for newlines) or the file's content. */
export function configuredSigningKeyPem(settings: SigningKeySettings): string | null {
  if (settings.CERTIFICATE_SIGNING_KEY)
    return settings.CERTIFICATE_SIGNING_KEY.replace(/\\n/g, '\n');
  if (settings.CERTIFICATE_SIGNING_KEY_FILE)
    return readFileSync(resolve(settings.CERTIFICATE_SIGNING_KEY_FILE), 'utf8');
  return null;
}

/** Where development and test keep the key they generate: inside STORAGE_DIR, never in the database. */
export const developmentSigningKeyPath = (storageDir: string) =>
  join(resolve(storageDir), 'keys', 'certificate-signing-key.pem');

/**
 * The key that signs certificates: the configured one, or (development and test only:
 * production refuses to start without one) a key generated once into STORAGE_DIR, readable by
 * its owner alone, and reused across restarts and by every process sharing that folder.
 */
export function signingKeyPem(settings: SigningKeySettings & { STORAGE_DIR: string }): string {
  const configured = configuredSigningKeyPem(settings);
  if (configured) return configured;
  const path = developmentSigningKeyPath(settings.STORAGE_DIR);
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // Written aside, then linked into place: a process booting alongside sees no half-written
    // key, and when two generate at once the first link wins and both use its key.
    const draft = `${path}.${randomUUID()}`;
    writeFileSync(draft, generateSigningKeyPair().privateKeyPem, { mode: 0o600 });
    try {
      linkSync(draft, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
  }
  return readFileSync(path, 'utf8');
}
