import type { Response } from 'supertest';
import { registerEnterprise, uniqueEmail } from './support/factories';
import { TestApp, startApiProcess, startTestApp } from './support/test-app';

type Client = { http: TestApp['http'] };

const signIn = (
  client: Client,
  { email = uniqueEmail('guess'), password = 'Wrong-Password-2026', from = '' } = {},
) => {
  const request = client.http().post('/api/v1/auth/login');
  if (from) request.set('X-Forwarded-For', from);
  return request.send({ email, password });
};

const refresh = (client: Client, refreshToken: string, from: string) =>
  client.http().post('/api/v1/auth/refresh').set('X-Forwarded-For', from).send({ refreshToken });

function expectRateLimited(response: Response): void {
  expect(response.status).toBe(429);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.body.type).toBe('urn:parkline:problem:rate-limited');
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

describe('rate limits', () => {
  describe('with TRUST_PROXY unset', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp({
        RATE_LIMIT_ENABLED: 'true',
        RATE_LIMIT_PER_MINUTE: '8',
        AUTH_RATE_LIMIT_PER_MINUTE: '3',
        ACCOUNT_RATE_LIMIT_PER_MINUTE: '100',
      });
    });

    afterAll(() => t.close());

    it('ignores X-Forwarded-For: a client rotating it is still limited on sign-in', async () => {
      for (let i = 1; i <= 3; i++)
        expect((await signIn(t, { from: `198.51.100.${i}` })).status).toBe(401);
      expectRateLimited(await signIn(t, { from: '198.51.100.99' }));
      expectRateLimited(await signIn(t));
    });

    // After the sign-ins: it spends the rest of this address's general budget.
    it('never limits the liveness probe, which must not depend on Redis', async () => {
      for (let i = 0; i < 20; i++) await t.http().get('/health').expect(200);
      const readiness = [];
      for (let i = 0; i < 9; i++) readiness.push((await t.http().get('/health/ready')).status);
      expect(readiness).toContain(429);
    });
  });

  describe.each(['1', '10.0.0.0/8,127.0.0.1'])('with TRUST_PROXY=%s', (trustProxy) => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp({
        RATE_LIMIT_ENABLED: 'true',
        TRUST_PROXY: trustProxy,
        AUTH_RATE_LIMIT_PER_MINUTE: '3',
        ACCOUNT_RATE_LIMIT_PER_MINUTE: '100',
      });
    });

    afterAll(() => t.close());

    it('limits the address the proxy forwarded, not the proxy', async () => {
      for (let i = 0; i < 3; i++)
        expect((await signIn(t, { from: '203.0.113.5' })).status).toBe(401);
      expectRateLimited(await signIn(t, { from: '203.0.113.5' }));
      // Another client behind the same proxy has its own budget...
      expect((await signIn(t, { from: '203.0.113.6' })).status).toBe(401);
      // ...and entries the client wrote before the proxy's own are not believed.
      expectRateLimited(await signIn(t, { from: '203.0.113.6, 203.0.113.5' }));
    });

    it('counts an IPv6 client per /64, since one host may hold all of it', async () => {
      for (let i = 1; i <= 3; i++)
        expect((await signIn(t, { from: `2001:db8:5:6::${i}` })).status).toBe(401);
      expectRateLimited(await signIn(t, { from: '2001:db8:5:6:ffff:ffff:ffff:ffff' }));
      expect((await signIn(t, { from: '2001:db8:5:7::1' })).status).toBe(401);
    });
  });

  describe('per account', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp({
        RATE_LIMIT_ENABLED: 'true',
        TRUST_PROXY: '127.0.0.1',
        AUTH_RATE_LIMIT_PER_MINUTE: '100',
        ACCOUNT_RATE_LIMIT_PER_MINUTE: '3',
      });
    });

    afterAll(() => t.close());

    it('limits sign-ins per e-mail address, however many addresses the guesses come from', async () => {
      const victim = await registerEnterprise(t);
      for (let i = 1; i <= 3; i++)
        expect((await signIn(t, { email: victim.email, from: `203.0.113.${i}` })).status).toBe(401);
      const spelledOtherwise = `  ${victim.email.toUpperCase()} `;
      expectRateLimited(
        await signIn(t, {
          email: spelledOtherwise,
          password: victim.password,
          from: '203.0.113.4',
        }),
      );
      const other = await registerEnterprise(t);
      const fromSameAddress = await signIn(t, {
        email: other.email,
        password: other.password,
        from: '203.0.113.4',
      });
      expect(fromSameAddress.status).toBe(200);
    });

    it('limits refreshes per session, and leaves the other sessions of the user alone', async () => {
      const user = await registerEnterprise(t);
      let token = user.refreshToken;
      for (let i = 1; i <= 3; i++) {
        const refreshed = await refresh(t, token, `198.51.100.${i}`).expect(200);
        token = refreshed.body.refreshToken;
      }
      expectRateLimited(await refresh(t, token, '198.51.100.4'));

      const otherSession = await signIn(t, { email: user.email, password: user.password });
      expect(otherSession.status).toBe(200);
      await refresh(t, otherSession.body.refreshToken, '198.51.100.4').expect(200);
    });

    it('limits refreshes per session when the token comes from the cookie', async () => {
      const user = await registerEnterprise(t);
      const refreshCookie = (response: Response) =>
        ([] as string[]).concat(response.headers['set-cookie'])[0].split(';')[0];
      const signedIn = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: user.password, refreshTokenIn: 'cookie' })
        .expect(200);
      let cookie = refreshCookie(signedIn);
      for (let i = 1; i <= 3; i++) {
        const refreshed = await t
          .http()
          .post('/api/v1/auth/refresh')
          .set('X-Forwarded-For', `198.51.100.${i}`)
          .set('Cookie', cookie)
          .send({})
          .expect(200);
        cookie = refreshCookie(refreshed);
      }
      expectRateLimited(
        await t
          .http()
          .post('/api/v1/auth/refresh')
          .set('X-Forwarded-For', '198.51.100.4')
          .set('Cookie', cookie)
          .send({}),
      );
    });
  });

  describe('across api processes', () => {
    let t: TestApp;
    let second: Awaited<ReturnType<typeof startApiProcess>>;

    beforeAll(async () => {
      t = await startTestApp({
        RATE_LIMIT_ENABLED: 'true',
        AUTH_RATE_LIMIT_PER_MINUTE: '4',
        ACCOUNT_RATE_LIMIT_PER_MINUTE: '100',
      });
      second = await startApiProcess(t);
    });

    afterAll(async () => {
      await second.close();
      await t.close();
    });

    it('shares one budget between processes on the same Redis prefix', async () => {
      for (const instance of [t, second, t, second])
        expect((await signIn(instance)).status).toBe(401);
      // Each process saw two attempts: only a shared count reaches the limit of four.
      expectRateLimited(await signIn(second));
      expectRateLimited(await signIn(t));
    });
  });
});
