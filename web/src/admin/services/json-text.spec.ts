import { JsonSyntaxError, lineOf, parseJson, spanOf } from './json-text';

describe('JSON text with the places of its values', () => {
  it('parses as JSON.parse does', () => {
    const samples = [
      '{"a": [1, -2.5e3, true, false, null], "b": {"c": "é\\u00e9\\n\\"", "d": {}}, "e": []}',
      '  "text"  ',
      '0',
      '{"__proto__": {"polluted": true}}',
    ];
    for (const text of samples) expect(parseJson(text).value).toEqual(JSON.parse(text));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('knows where each value is', () => {
    const text = '{\n  "stages": [\n    {"code": "review", "actions": {"approve": "END"}}\n  ]\n}';
    const parsed = parseJson(text);
    const span = spanOf(parsed, ['stages', 0, 'actions', 'approve']);
    expect(text.slice(span.start, span.end)).toBe('"END"');
    expect(lineOf(text, span.start)).toBe(3);
    // A path that goes deeper than the text: the deepest value that is there.
    const stage = spanOf(parsed, ['stages', 0, 'outcomes', 'x']);
    expect(text.slice(stage.start, stage.end)).toBe(
      '{"code": "review", "actions": {"approve": "END"}}',
    );
  });

  it('names the line and column of a syntax error, and what was found there', () => {
    for (const [text, line, column, found] of [
      ['{\n  "a": 1,\n}', 3, 1, '}'],
      ['[1, 2', 1, 6, undefined],
      ['{"a": tru}', 1, 7, 't'],
      ['{"a": 1} x', 1, 10, 'x'],
    ] as const) {
      let error: unknown;
      try {
        parseJson(text);
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(JsonSyntaxError);
      const { line: l, column: c, found: f } = error as JsonSyntaxError;
      expect([text, l, c, f]).toEqual([text, line, column, found]);
    }
  });
});
