import type { Response } from 'supertest';
import { TestApp, startTestApp } from './support/test-app';
import { registerEnterprise, registrationBody } from './support/factories';

const COOKIE = 'parkline_refresh';
const THIRTY_DAYS = 30 * 86_400;

/** The refresh cookie a response sets: its value and its attributes, in any order. */
function refreshCookieOf(response: Response): { value: string; attributes: string[] } {
  const header = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookies = header.filter((line) => line.startsWith(`${COOKIE}=`));
  expect(cookies).toHaveLength(1);
  const [pair, ...attributes] = cookies[0].split('; ');
  return { value: pair.slice(COOKIE.length + 1), attributes: attributes.sort() };
}

const sessionAttributes = [
  `Max-Age=${THIRTY_DAYS}`,
  'HttpOnly',
  'Path=/api/v1/auth',
  'SameSite=Strict',
].sort();

describe('refresh token in a cookie', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(() => t.close());

  const signIn = async (email: string, password: string) => {
    const response = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email, password, refreshTokenIn: 'cookie' })
      .expect(200);
    return { response, cookie: refreshCookieOf(response).value };
  };

  const withCookie = (path: string, cookie: string) =>
    t.http().post(path).set('Cookie', `${COOKIE}=${cookie}`);

  it('signs in with the refresh token in an HttpOnly, SameSite=Strict cookie only', async () => {
    const user = await registerEnterprise(t);
    const { response, cookie } = await signIn(user.email, user.password);
    expect(Object.keys(response.body).sort()).toEqual([
      'accessToken',
      'enterprise',
      'expiresIn',
      'user',
    ]);
    expect(refreshCookieOf(response).attributes).toEqual(sessionAttributes);
    expect(cookie).toMatch(/^[\w-]{43}$/);
    await t
      .http()
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${response.body.accessToken}`)
      .expect(200);
  });

  it('registers with the cookie too, keeping Location', async () => {
    const body = { ...registrationBody(), refreshTokenIn: 'cookie' };
    const response = await t.http().post('/api/v1/auth/register').send(body).expect(201);
    expect(response.body).not.toHaveProperty('refreshToken');
    expect(response.body.accessToken).toEqual(expect.any(String));
    expect(response.headers.location).toBe(`/api/v1/enterprises/${response.body.enterprise.id}`);
    expect(refreshCookieOf(response).attributes).toEqual(sessionAttributes);
  });

  it('rotates the cookie on refresh, and a replayed old cookie revokes the session', async () => {
    const user = await registerEnterprise(t);
    const { cookie: first } = await signIn(user.email, user.password);

    const refreshed = await withCookie('/api/v1/auth/refresh', first).send({}).expect(200);
    expect(Object.keys(refreshed.body).sort()).toEqual([
      'accessToken',
      'enterprise',
      'expiresIn',
      'user',
    ]);
    const second = refreshCookieOf(refreshed);
    expect(second.attributes).toEqual(sessionAttributes);
    expect(second.value).not.toBe(first);

    // The first cookie comes back, as from a stolen copy: the whole session ends.
    await withCookie('/api/v1/auth/refresh', first).send({}).expect(401);
    await withCookie('/api/v1/auth/refresh', second.value).send({}).expect(401);
    await t
      .http()
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${refreshed.body.accessToken}`)
      .expect(401);
  });

  it('reads the cookie only beside a JSON body, and answers 401 without any token', async () => {
    const user = await registerEnterprise(t);
    const { cookie } = await signIn(user.email, user.password);

    // A bodiless POST, as a cross-site form without fields would send.
    const bodiless = await withCookie('/api/v1/auth/refresh', cookie).expect(401);
    expect(bodiless.headers['content-type']).toContain('application/problem+json');
    expect(bodiless.body).toMatchObject({
      type: 'urn:parkline:problem:unauthenticated',
      detail: `Send refreshToken in the JSON body, or the ${COOKIE} cookie with a JSON body such as {}`,
    });
    const none = await t.http().post('/api/v1/auth/refresh').send({}).expect(401);
    expect(none.body.type).toBe('urn:parkline:problem:unauthenticated');

    // The refused attempts left the cookie usable.
    await withCookie('/api/v1/auth/refresh', cookie).send({}).expect(200);
  });

  it('prefers a refresh token in the body over the cookie, and answers in the body', async () => {
    const user = await registerEnterprise(t);
    const { cookie } = await signIn(user.email, user.password);
    const response = await withCookie('/api/v1/auth/refresh', cookie)
      .send({ refreshToken: user.refreshToken })
      .expect(200);
    expect(response.body.refreshToken).toEqual(expect.any(String));
    expect(response.headers['set-cookie']).toBeUndefined();
    // The cookie's session was not touched.
    await withCookie('/api/v1/auth/refresh', cookie).send({}).expect(200);
  });

  it('logs out with the cookie: the session ends and the cookie is cleared', async () => {
    const user = await registerEnterprise(t);
    const { response, cookie } = await signIn(user.email, user.password);
    const loggedOut = await withCookie('/api/v1/auth/logout', cookie).send({}).expect(204);
    const cleared = refreshCookieOf(loggedOut);
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toEqual(
      [
        'Max-Age=0',
        'Expires=Thu, 01 Jan 1970 00:00:00 GMT',
        'HttpOnly',
        'Path=/api/v1/auth',
        'SameSite=Strict',
      ].sort(),
    );
    await t
      .http()
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${response.body.accessToken}`)
      .expect(401);
    await withCookie('/api/v1/auth/refresh', cookie).send({}).expect(401);
  });

  it('clears the cookie on every logout, with a body token or none at all', async () => {
    const user = await registerEnterprise(t);
    const withBody = await t
      .http()
      .post('/api/v1/auth/logout')
      .send({ refreshToken: user.refreshToken })
      .expect(204);
    expect(refreshCookieOf(withBody).value).toBe('');
    await t.http().get('/api/v1/me').set(user.auth).expect(401);

    const withNothing = await t.http().post('/api/v1/auth/logout').send({}).expect(204);
    expect(refreshCookieOf(withNothing).attributes).toContain('Max-Age=0');
  });

  it('keeps the body delivery for integrators: no option, or refreshTokenIn: body', async () => {
    const user = await registerEnterprise(t);
    for (const option of [{}, { refreshTokenIn: 'body' }]) {
      const login = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: user.password, ...option })
        .expect(200);
      expect(Object.keys(login.body).sort()).toEqual([
        'accessToken',
        'enterprise',
        'expiresIn',
        'refreshToken',
        'user',
      ]);
      expect(login.headers['set-cookie']).toBeUndefined();
      const refreshed = await t
        .http()
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: login.body.refreshToken })
        .expect(200);
      expect(refreshed.body.refreshToken).not.toBe(login.body.refreshToken);
      expect(refreshed.headers['set-cookie']).toBeUndefined();
    }
    const wrong = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: user.password, refreshTokenIn: 'header' })
      .expect(400);
    expect(wrong.body.errors).toEqual([
      { field: 'refreshTokenIn', message: expect.stringContaining('body, cookie') },
    ]);
  });
});
