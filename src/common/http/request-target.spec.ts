import { MAX_URL_LENGTH, requestTargetProblem } from './request-target';

describe('requestTargetProblem', () => {
  it('accepts percent-encoded UTF-8 in paths and queries, and + as a space', () => {
    for (const url of [
      '/api/v1/services',
      '/api/v1/services?q=%E8%8D%AF%E5%93%81&limit=20',
      '/api/v1/applications?q=a+b&status=DRAFT',
      '/api/v1/enterprises?q=%F0%9F%98%80',
    ])
      expect([url, requestTargetProblem(url)]).toEqual([url, undefined]);
  });

  it.each([
    ['/api/v1/services/A%00B', 'path', /NUL/],
    ['/api/v1/services?q=%00', 'query', /NUL/],
    ['/api/v1/services?%00=1', 'query', /NUL/],
    ['/api/v1/services?q=%FF', 'query', /percent-encoded UTF-8/],
    ['/api/v1/services?q=%ED%A0%80', 'query', /percent-encoded UTF-8/],
    ['/api/v1/applications/%', 'path', /percent-encoded UTF-8/],
    ['/api/v1/applications/%C0%AF', 'path', /percent-encoded UTF-8/],
  ])('refuses %s in the %s', (url, where, detail) => {
    const problem = requestTargetProblem(url);
    expect(problem?.type).toBe('bad-request');
    expect(problem?.message).toContain(where);
    expect(problem?.message).toMatch(detail);
  });

  it('answers 414 for targets over the limit', () => {
    expect(requestTargetProblem(`/a?q=${'x'.repeat(MAX_URL_LENGTH)}`)?.type).toBe('uri-too-long');
    expect(requestTargetProblem(`/a?q=${'x'.repeat(MAX_URL_LENGTH - 10)}`)).toBeUndefined();
  });
});
