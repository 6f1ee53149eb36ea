import type { AddressInfo } from 'node:net';
import { runSpecialBiologicsExample } from '../client/examples/file-special-biologics';
import { startTestApp, TEST_ADMIN, TestApp } from './support/test-app';

describe('typed client', () => {
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
  });

  afterAll(() => t?.close());

  it('files a class D special-biologics import through to a verified certificate', async () => {
    const steps: string[] = [];
    const result = await runSpecialBiologicsExample({
      baseUrl,
      adminEmail: TEST_ADMIN.email,
      adminPassword: TEST_ADMIN.password,
      log: (line) => steps.push(line),
    });

    expect(result.status).toBe('COMPLETED');
    expect(result.certificateNumber).toMatch(/^SPECIAL_ARTICLE_ENTRY-\d{4}-\d{6}$/);
    expect(steps.at(-1)).toContain('verified publicly: VALID');
  });
});
