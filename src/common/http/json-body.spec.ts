import { DomainError } from '../problem/domain-error';
import { MAX_JSON_DEPTH, parseJsonBody } from './json-body';

const parse = (text: string | Buffer) =>
  parseJsonBody(typeof text === 'string' ? Buffer.from(text) : text);

function refusal(text: string | Buffer): DomainError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`accepted ${String(text).slice(0, 40)}`);
}

describe('parseJsonBody', () => {
  it('parses JSON, and reads an empty body as none', () => {
    expect(parse('{"name":"杭州生物","tags":["a",1,null]}')).toEqual({
      name: '杭州生物',
      tags: ['a', 1, null],
    });
    expect(parse('')).toBeUndefined();
  });

  it('takes nesting up to the limit and refuses one level more, without recursion', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(() => parse(nested(MAX_JSON_DEPTH))).not.toThrow();
    expect(refusal(nested(MAX_JSON_DEPTH + 1)).message).toMatch(/nested deeper than 32/);
    expect(refusal(nested(200_000)).type).toBe('bad-request');
  });

  it('names the field that holds NUL or a lone surrogate, in values and keys', () => {
    expect(refusal('{"a":{"b":["ok","x\\u0000"]}}').extensions.errors).toEqual([
      { field: 'a.b[1]', message: 'must not contain NUL (U+0000) characters' },
    ]);
    expect(refusal('{"email":"x\\ud800@example.cn"}').extensions.errors).toEqual([
      { field: 'email', message: 'must not contain lone UTF-16 surrogates' },
    ]);
    expect(refusal('{"a\\u0000":1}').extensions.errors?.[0].field).toBe('a\u0000');
    expect(parse('{"emoji":"\\ud83d\\ude00"}')).toEqual({ emoji: '😀' });
  });

  it('refuses prototype keys, but not a field that merely is called constructor', () => {
    expect(refusal('{"form":{"__proto__":{"x":1}}}').extensions.errors?.[0].field).toBe(
      'form.__proto__',
    );
    expect(refusal('{"constructor":{"prototype":{}}}').extensions.errors?.[0].field).toBe(
      'constructor',
    );
    expect(parse('{"constructor":"Hangzhou Build Co."}')).toEqual({
      constructor: 'Hangzhou Build Co.',
    });
  });

  it('refuses bytes that are not UTF-8, and text that is not JSON', () => {
    expect(refusal(Buffer.from([0x22, 0xc3, 0x28, 0x22])).message).toMatch(/not valid UTF-8/);
    expect(refusal('{"a":').message).toMatch(/not valid JSON/);
  });
});
