import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { TestApp, startTestApp } from './support/test-app';

const openapi = JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8'));
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
ajv.addSchema({ components: openapi.components }, 'openapi.json');
const validateProblem = ajv.compile({ $ref: 'openapi.json#/components/schemas/ProblemDetailsDto' });

describe('problem details in the caller language', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(() => t.close());

  const register = (acceptLanguage?: string) => {
    const request = t.http().post('/api/v1/auth/register');
    if (acceptLanguage) request.set('Accept-Language', acceptLanguage);
    return request.send({ email: 'not-an-email' });
  };

  it('answers the same bad request in Chinese or English, with the same type and fields', async () => {
    const zh = await register('zh-CN').expect(400);
    const en = await register('en').expect(400);

    for (const response of [zh, en]) {
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers.vary).toMatch(/Accept-Language/i);
      expect(validateProblem(response.body)).toBe(true);
    }
    expect(zh.body.type).toBe('urn:parkline:problem:validation-failed');
    expect([zh.body.type, zh.body.status]).toEqual([en.body.type, en.body.status]);
    expect(zh.body.errors.map((e: { field: string }) => e.field)).toEqual(
      en.body.errors.map((e: { field: string }) => e.field),
    );

    expect(zh.headers['content-language']).toBe('zh-CN');
    expect(zh.body.title).toBe('请求校验未通过');
    expect(zh.body.detail).toMatch(/^以下字段无效：/);
    expect(zh.body.errors).toContainEqual({ field: 'email', message: '不允许出现属性 email' });

    expect(en.headers['content-language']).toBe('en');
    expect(en.body.title).toBe('Request validation failed');
    expect(en.body.detail).toMatch(/^Invalid fields: /);
    expect(en.body.errors).toContainEqual({
      field: 'email',
      message: 'property email should not exist',
    });
  });

  it('answers in English without Accept-Language or for a language it does not speak', async () => {
    for (const response of [await register(), await register('fr-FR')]) {
      expect(response.status).toBe(400);
      expect(response.headers['content-language']).toBe('en');
      expect(response.body.title).toBe('Request validation failed');
    }
  });

  it('follows the q-values of Accept-Language', async () => {
    const response = await register('en;q=0.5, zh-CN').expect(400);
    expect(response.body.title).toBe('请求校验未通过');
  });

  it('translates problems raised before any route, such as an unknown path', async () => {
    const response = await t
      .http()
      .get('/api/v1/no-such-route')
      .set('Accept-Language', 'zh-Hans')
      .expect(404);
    expect(response.body).toMatchObject({
      type: 'urn:parkline:problem:not-found',
      title: '资源不存在',
    });
    expect(validateProblem(response.body)).toBe(true);
  });
});
