import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { envelopePrefix, parseEnvelopeKeys, SecretEnvelopes } from './secret-envelope';

const entry = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

describe('parseEnvelopeKeys', () => {
  it('reads keyId:base64key entries in order', () => {
    const keys = parseEnvelopeKeys([entry('2026-11'), entry('old_1')]);
    expect(keys.map((key) => key.id)).toEqual(['2026-11', 'old_1']);
    expect(keys[0].key).toHaveLength(32);
  });

  it.each([
    [[], /at least one/],
    [['no-separator'], /entry 1 is not keyId:base64key/],
    [['bad id:AAAA'], /entry 1 is not keyId:base64key/],
    [[`short:${randomBytes(16).toString('base64')}`], /key "short" is not 32 bytes/],
    [['junk:not base64 at all, not even close!!!!'], /key "junk" is not 32 bytes/],
    [[entry('a'), entry('a')], /key id "a" is listed twice/],
  ])('refuses %j', (entries, message) => {
    expect(() => parseEnvelopeKeys(entries)).toThrow(message);
  });

  it('never repeats the key in its errors', () => {
    const key = randomBytes(16).toString('base64');
    expect(() => parseEnvelopeKeys([`k:${key}`])).toThrow(expect.not.stringContaining(key));
  });
});

describe('SecretEnvelopes', () => {
  const current = entry('current');
  const previous = entry('previous');

  it('opens what it sealed, for any text', () => {
    const envelopes = new SecretEnvelopes(parseEnvelopeKeys([current]));
    fc.assert(
      fc.property(fc.string(), fc.uuid(), (plaintext, row) => {
        const sealed = envelopes.seal(plaintext, row);
        expect(sealed.startsWith(envelopePrefix('current'))).toBe(true);
        expect(envelopes.open(sealed, row)).toBe(plaintext);
      }),
    );
  });

  it('shows nothing of the plaintext', () => {
    const envelopes = new SecretEnvelopes(parseEnvelopeKeys([current]));
    const secret = `whsec_${randomBytes(24).toString('hex')}`;
    const sealed = envelopes.seal(secret, 'row');
    expect(sealed).not.toContain(secret);
    expect(sealed).not.toContain(Buffer.from(secret).toString('base64url').slice(0, 16));
  });

  it('seals the same text differently each time', () => {
    const envelopes = new SecretEnvelopes(parseEnvelopeKeys([current]));
    expect(envelopes.seal('whsec_same', 'row')).not.toBe(envelopes.seal('whsec_same', 'row'));
  });

  it('opens envelopes of an older key after a rotation, and seals under the new one', () => {
    const before = new SecretEnvelopes(parseEnvelopeKeys([previous]));
    const after = new SecretEnvelopes(parseEnvelopeKeys([current, previous]));
    const sealed = before.seal('whsec_rotated', 'row');
    expect(after.open(sealed, 'row')).toBe('whsec_rotated');
    expect(after.sealingKeyId).toBe('current');
    expect(after.seal('whsec_rotated', 'row').startsWith(envelopePrefix('current'))).toBe(true);
  });

  it('refuses an envelope moved to another row, altered, or under a key it does not hold', () => {
    const envelopes = new SecretEnvelopes(parseEnvelopeKeys([current]));
    const sealed = envelopes.seal('whsec_bound', 'row-1');
    expect(() => envelopes.open(sealed, 'row-2')).toThrow(/does not authenticate/);
    const [version, keyId, iv, tag, ciphertext] = sealed.split(':');
    const flipped = Buffer.from(ciphertext, 'base64url');
    flipped[0] ^= 1;
    expect(() =>
      envelopes.open([version, keyId, iv, tag, flipped.toString('base64url')].join(':'), 'row-1'),
    ).toThrow(/does not authenticate/);
    expect(() =>
      envelopes.open(
        new SecretEnvelopes(parseEnvelopeKeys([previous])).seal('x', 'row-1'),
        'row-1',
      ),
    ).toThrow(/unknown key "previous"/);
    expect(() => envelopes.open('whsec_plaintext', 'row-1')).toThrow(/Not a v1 secret envelope/);
  });
});
