import { isIP } from 'node:net';
import { ValidateBy } from 'class-validator';
import ipaddr from 'ipaddr.js';
import { privateKeyFromPem } from '../certificates/certificate-signature';
import { configuredSigningKeyPem } from '../certificates/signing-key-source';
import { parseEnvelopeKeys } from '../common/crypto/secret-envelope';

interface RuleContext {
  NODE_ENV: string;
  CERTIFICATE_SIGNING_KEY_FILE: string;
}

/** What is wrong with a setting, as the rest of its one-line error, or null when it is fine. */
type Rule = (value: unknown, config: RuleContext) => string | null;

/** Validates a setting with a rule that also writes the message. */
export function Satisfies(rule: Rule): PropertyDecorator {
  return ValidateBy({
    name: 'satisfies',
    validator: {
      validate: (value, args) => rule(value, args!.object as RuleContext) === null,
      defaultMessage: (args) => rule(args!.value, args!.object as RuleContext) ?? 'is invalid',
    },
  });
}

/**
 * A secret that production refuses as the example value (public in the repository) or when
 * shorter than `minLength`; development and test take the example. `emptyAllowed`: an empty
 * value switches the feature off instead.
 */
export const productionSecret =
  (example: string, minLength: number, emptyAllowed = false): Rule =>
  (value, config) => {
    if (config.NODE_ENV !== 'production' || (emptyAllowed && value === '')) return null;
    if (value === example)
      return `is the example value, which production refuses: set one of your own (at least ${minLength} characters)`;
    return typeof value === 'string' && value.length >= minLength
      ? null
      : `is too short for production: at least ${minLength} characters`;
  };

const ed25519PemProblem = (pem: string) => {
  try {
    privateKeyFromPem(pem);
    return null;
  } catch {
    return 'is not an Ed25519 private key in PKCS#8 PEM (openssl genpkey -algorithm ed25519)';
  }
};

/**
 * CERTIFICATE_SIGNING_KEY, checked at boot so a bad key never waits for the first
 * certificate: Ed25519, not given twice, and given (here or as a file) in production.
 */
export const certificateSigningKey: Rule = (value, config) => {
  if (value && config.CERTIFICATE_SIGNING_KEY_FILE)
    return 'is set, and so is CERTIFICATE_SIGNING_KEY_FILE: keep only one of them';
  if (value)
    return ed25519PemProblem(
      configuredSigningKeyPem({
        CERTIFICATE_SIGNING_KEY: value as string,
        CERTIFICATE_SIGNING_KEY_FILE: '',
      })!,
    );
  return config.NODE_ENV === 'production' && !config.CERTIFICATE_SIGNING_KEY_FILE
    ? 'is required in production, which never generates a key: set CERTIFICATE_SIGNING_KEY_FILE (an Ed25519 PKCS#8 PEM file) or CERTIFICATE_SIGNING_KEY'
    : null;
};

/** CERTIFICATE_SIGNING_KEY_FILE: readable, and an Ed25519 key. */
export const certificateSigningKeyFile: Rule = (value) => {
  if (!value) return null;
  let pem: string;
  try {
    pem = configuredSigningKeyPem({
      CERTIFICATE_SIGNING_KEY: '',
      CERTIFICATE_SIGNING_KEY_FILE: value as string,
    })!;
  } catch (error) {
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  return ed25519PemProblem(pem);
};

/** The webhook-secret keys: well-formed, and in production none is the example key. */
export const webhookSecretKeys =
  (example: string): Rule =>
  (value, config) => {
    let keys;
    try {
      keys = parseEnvelopeKeys(value as string[]);
    } catch (error) {
      return (error as Error).message;
    }
    const [exampleKey] = parseEnvelopeKeys([example]);
    return config.NODE_ENV === 'production' && keys.some(({ key }) => key.equals(exampleKey.key))
      ? 'uses the example key, which production refuses: generate one with `openssl rand -base64 32`'
      : null;
  };

const isProxyAddress = (entry: string) =>
  isIP(entry) !== 0 || (isIP(entry.split('/')[0]) !== 0 && ipaddr.isValidCIDR(entry));

/** What Fastify's `trustProxy` takes, except `true`, which would trust any client. */
export const trustedProxies: Rule = (value) =>
  value === false ||
  (Number.isInteger(value) && (value as number) >= 1) ||
  (Array.isArray(value) && value.length > 0 && value.every(isProxyAddress))
    ? null
    : 'must be empty, a number of proxy hops, or comma-separated proxy addresses and CIDR ranges';
