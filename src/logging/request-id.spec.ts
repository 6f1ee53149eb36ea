import type { IncomingMessage } from 'node:http';
import { requestIdFor } from './request-id';

const withHeader = (value: string | string[] | undefined) =>
  ({ headers: { 'x-request-id': value } }) as unknown as IncomingMessage;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('requestIdFor', () => {
  it.each(['trace-0123456789', '0f1e2d3c-4b5a-6978-8f9e-d1c2b3a4f5e6', 'svc:gw.01_abcdef'])(
    'keeps the caller id %s',
    (given) => {
      expect(requestIdFor(withHeader(given))).toBe(given);
    },
  );

  it.each([
    ['missing', undefined],
    ['too short', 'abc'],
    ['too long', 'a'.repeat(129)],
    ['with spaces', 'trace 0123456789'],
    ['with a line break', 'trace-0123\nforged: yes'],
    ['with markup', '<script>alert(1)</script>'],
    ['with non-ASCII', 'trace-０１２３４５６７'],
    ['sent twice', ['trace-0123456789', 'trace-9876543210']],
  ])('replaces an id that is %s with a new UUID', (_, given) => {
    const id = requestIdFor(withHeader(given));
    expect(id).toMatch(UUID);
    expect(id).not.toBe(given);
  });
});
