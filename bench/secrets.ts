import { randomBytes } from 'node:crypto';
import { generateSigningKeyPair } from '../src/certificates/certificate-signature';

/** Secrets of the run's own: its processes run in production mode, which refuses the examples. */
export function benchSecrets(): Record<string, string> {
  return {
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_PASSWORD: `Bench-${randomBytes(12).toString('hex')}`,
    METRICS_TOKEN: randomBytes(32).toString('hex'),
    WEBHOOK_SECRET_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    CERTIFICATE_SIGNING_KEY: generateSigningKeyPair().privateKeyPem.replace(/\n/g, '\\n'),
  };
}
