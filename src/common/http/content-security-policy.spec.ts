import { consolePolicy, serializePolicy, STRICT_DIRECTIVES } from './content-security-policy';

describe('consolePolicy', () => {
  it('is the strict policy with only its styles allowed by the nonce', () => {
    const policy = consolePolicy('rAnd0mN0nce');
    expect(policy).toBe(
      serializePolicy(STRICT_DIRECTIVES).replace(
        "style-src 'self';",
        "style-src 'self' 'nonce-rAnd0mN0nce';",
      ),
    );
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toContain('unsafe-inline');
  });
});
