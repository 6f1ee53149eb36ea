import type { ClientRequest } from 'node:http';
import request, { Response, Test } from 'supertest';
import { Exchange, jsonOrText, OpenApiContract } from './openapi-contract';

type Agent = ReturnType<typeof request>;

let contract: OpenApiContract | undefined;

/**
 * The agent, with every answer checked against openapi.json: a call whose request or answer
 * the document does not describe fails the test that made it, after the test's own
 * expectations, as they would fail it anyway.
 */
export function checkedAgainstContract(agent: Agent): Agent {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const made: unknown = value.apply(target, args);
        return made instanceof request.Test ? checked(made) : made;
      };
    },
  });
}

function checked(test: Test): Test {
  // Where the test made the call: what a failure points at.
  const origin = new Error();
  const end = test.end.bind(test);
  test.end = (callback) =>
    end((error, response) => {
      const violations = error || !response ? [] : contractViolations(test, response);
      const failure =
        violations.length > 0 ? withStack(violations.join('\n'), origin) : (error ?? null);
      callback?.call(test, failure, response);
    });
  return test;
}

function contractViolations(test: Test, response: Response): string[] {
  contract ??= OpenApiContract.load();
  return contract.violations(exchangeOf(test, response));
}

function exchangeOf(test: Test, response: Response): Exchange {
  const sent = (response as unknown as { req: ClientRequest }).req;
  const requestHeaders = sent.getHeaders();
  const data = (test as unknown as { _data?: unknown })._data;
  const body: unknown = response.body;
  return {
    method: sent.method,
    url: sent.path,
    requestHeaders,
    requestBody: typeof data === 'string' ? jsonOrText(data) : data,
    status: response.status,
    responseHeaders: response.headers as Record<string, unknown>,
    responseBody: Buffer.isBuffer(body) ? body : response.text,
  };
}

function withStack(message: string, origin: Error): Error {
  const error = new Error(`openapi.json does not describe this exchange:\n${message}`);
  const caller = (origin.stack ?? '')
    .split('\n')
    .slice(1)
    .filter((line) => !line.includes('contract-checked-agent'));
  error.stack = [error.message, ...caller].join('\n');
  return error;
}
