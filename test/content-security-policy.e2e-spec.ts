import {
  QUEUE_DASHBOARD_DIRECTIVES,
  STRICT_DIRECTIVES,
  SWAGGER_UI_DIRECTIVES,
  serializePolicy,
} from '../src/common/http/content-security-policy';
import { TestApp, startTestApp } from './support/test-app';

describe('content security policy', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(() => t.close());

  const policyOf = async (path: string) =>
    (await t.http().get(path)).headers['content-security-policy'];

  it('is strict for the API and every page but the documentation and the queue dashboard', async () => {
    const strict = serializePolicy(STRICT_DIRECTIVES);
    expect(strict).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
        "connect-src 'self'; font-src 'self' data:; frame-src 'self' blob:; object-src 'none'; " +
        "base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
    );
    for (const path of ['/api/v1/services', '/api/v1/no-such-route', '/docs-json', '/health'])
      expect(await policyOf(path)).toBe(strict);
    // The console's pages: the same, but for the nonce of the styles they insert.
    for (const path of ['/', '/workbench/tasks/1'])
      expect((await policyOf(path)).replace(/ 'nonce-[^']+'/, '')).toBe(strict);
    // Helmet's other headers stay.
    const services = await t.http().get('/api/v1/services').expect(200);
    expect(services.headers['x-content-type-options']).toBe('nosniff');
  });

  it('lets Swagger UI under /docs run its inline style and script', async () => {
    const page = await t.http().get('/docs').redirects(1).expect(200);
    expect(page.text).toContain('swagger-ui');
    expect(page.headers['content-security-policy']).toBe(serializePolicy(SWAGGER_UI_DIRECTIVES));
    expect(page.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(await policyOf('/docs/swagger-ui-init.js')).toBe(serializePolicy(SWAGGER_UI_DIRECTIVES));
    // A sibling path is not documentation.
    expect((await policyOf('/docsx')).replace(/ 'nonce-[^']+'/, '')).toBe(
      serializePolicy(STRICT_DIRECTIVES),
    );
  });

  it('gives the queue dashboard inline styles, even on its sign-in challenge', async () => {
    expect(await policyOf('/admin/queues')).toBe(serializePolicy(QUEUE_DASHBOARD_DIRECTIVES));
  });
});
