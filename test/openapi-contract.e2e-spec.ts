import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { checkedAgainstContract } from './support/contract-checked-agent';
import { Exchange, OpenApiContract } from './support/openapi-contract';

/** The checker every e2e call goes through: it must refuse what openapi.json does not describe. */
const contract = OpenApiContract.load();

const PROBLEM = { 'content-type': 'application/problem+json; charset=utf-8' };
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
const LOGIN = { email: 'li.hua@yuanqi-bio.cn', password: 'Qiming-2026-secure' };

function login(answer: Partial<Exchange>, body: unknown = LOGIN): Exchange {
  return {
    method: 'POST',
    url: '/api/v1/auth/login',
    requestHeaders: JSON_TYPE,
    requestBody: body,
    status: 200,
    responseHeaders: JSON_TYPE,
    responseBody: '',
    ...answer,
  };
}

function problem(status: number, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({
    type: 'urn:parkline:problem:x',
    title: 'X',
    status,
    detail: 'X',
    ...fields,
  });
}

describe('the contract check of e2e exchanges', () => {
  it('passes an answer the document describes', () => {
    expect(
      contract.violations(
        login({ status: 401, responseHeaders: PROBLEM, responseBody: problem(401) }),
      ),
    ).toEqual([]);
  });

  it('fails a status the operation does not document', () => {
    expect(
      contract.violations(
        login({ status: 404, responseHeaders: PROBLEM, responseBody: problem(404) }),
      ),
    ).toEqual([
      expect.stringMatching(
        /^POST \/api\/v1\/auth\/login \(login\) answered 404: status 404 is not documented/,
      ),
    ]);
  });

  it('fails a body without a required property, naming it', () => {
    const { title: _title, ...untitled } = JSON.parse(problem(401)) as Record<string, unknown>;
    expect(
      contract.violations(
        login({ status: 401, responseHeaders: PROBLEM, responseBody: JSON.stringify(untitled) }),
      ),
    ).toEqual([expect.stringContaining("body must have required property 'title'")]);
  });

  it('fails a property the document does not name', () => {
    expect(
      contract.violations(
        login({
          status: 401,
          responseHeaders: PROBLEM,
          responseBody: problem(401, { stack: 'at …' }),
        }),
      ),
    ).toEqual([expect.stringContaining('body has the undocumented property stack')]);
  });

  it('fails a media type the response does not document', () => {
    expect(
      contract.violations(
        login({
          status: 401,
          responseHeaders: { 'content-type': 'text/html' },
          responseBody: '<p>no</p>',
        }),
      ),
    ).toEqual([expect.stringContaining('a body of type text/html is not documented')]);
  });

  it('fails a success for a request the document calls invalid, not its refusal', () => {
    const invalid = { email: LOGIN.email };
    const refused = login(
      { status: 400, responseHeaders: PROBLEM, responseBody: problem(400) },
      invalid,
    );
    expect(contract.violations(refused)).toEqual([]);
    const accepted = login(
      { status: 401, responseHeaders: PROBLEM, responseBody: problem(401) },
      invalid,
    );
    expect(contract.violations(accepted)).toEqual([]);
    expect(
      contract.violations({
        ...login({ status: 200 }, invalid),
        responseHeaders: {},
        responseBody: '',
      }),
    ).toEqual([expect.stringContaining("request body must have required property 'password'")]);
  });

  it('fails an API route the document does not list, unless the server has no such route', () => {
    const unlisted = { method: 'GET', url: '/api/v1/nowhere', requestHeaders: {} };
    expect(
      contract.violations({
        ...unlisted,
        status: 404,
        responseHeaders: PROBLEM,
        responseBody: problem(404),
      }),
    ).toEqual([]);
    expect(
      contract.violations({
        ...unlisted,
        status: 200,
        responseHeaders: JSON_TYPE,
        responseBody: '{}',
      }),
    ).toEqual([expect.stringContaining('openapi.json has no such operation')]);
  });

  it('leaves the console and the Swagger UI alone', () => {
    for (const url of ['/docs', '/', '/console/assets/index.js'])
      expect(
        contract.violations({
          method: 'GET',
          url,
          requestHeaders: {},
          status: 200,
          responseHeaders: { 'content-type': 'text/html' },
          responseBody: '<html></html>',
        }),
      ).toEqual([]);
  });

  describe('through the agent every e2e test uses', () => {
    let server: Server;

    beforeAll(async () => {
      // Answers sign-ins with a status the document does not give them.
      server = createServer((_request, response) => {
        response.writeHead(418, PROBLEM).end(problem(418));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });

    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it('fails the call that got the answer, naming the operation and status', async () => {
      const { port } = server.address() as AddressInfo;
      const http = checkedAgainstContract(request(`http://127.0.0.1:${port}`));
      await expect(http.post('/api/v1/auth/login').send(LOGIN)).rejects.toThrow(
        /POST \/api\/v1\/auth\/login \(login\) answered 418: status 418 is not documented/,
      );
      // The test's own expectation speaks first when it fails.
      await expect(http.post('/api/v1/auth/login').send(LOGIN).expect(200)).rejects.toThrow(
        'expected 200 "OK", got 418',
      );
    });
  });
});
