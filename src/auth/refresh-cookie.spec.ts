import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { AppConfig } from '../config/app-config';
import { RefreshCookie } from './refresh-cookie';

async function setCookieFor(publicBaseUrl: string): Promise<string> {
  const config = Object.assign(new AppConfig(), {
    PUBLIC_BASE_URL: publicBaseUrl,
    REFRESH_TOKEN_TTL_DAYS: 7,
  });
  const refreshCookie = new RefreshCookie(config);
  const fastify = Fastify();
  await fastify.register(cookie);
  fastify.post('/', async (_request, reply) =>
    refreshCookie.deliver(reply, { accessToken: 'a', refreshToken: 'r', expiresIn: 900 }, 'cookie'),
  );
  const response = await fastify.inject({ method: 'POST', url: '/' });
  await fastify.close();
  expect(response.json()).toEqual({ accessToken: 'a', expiresIn: 900 });
  return String(response.headers['set-cookie']);
}

describe('RefreshCookie', () => {
  it('marks the cookie Secure when the platform is served over https', async () => {
    expect(await setCookieFor('https://parkline.example.cn')).toBe(
      'parkline_refresh=r; Max-Age=604800; Path=/api/v1/auth; HttpOnly; Secure; SameSite=Strict',
    );
  });

  it('leaves Secure out on plain http, where browsers would drop the cookie', async () => {
    expect(await setCookieFor('http://localhost:3000')).toBe(
      'parkline_refresh=r; Max-Age=604800; Path=/api/v1/auth; HttpOnly; SameSite=Strict',
    );
  });
});
