import type { Socket } from 'node:net';
import { answerClientError } from './client-error';

function answerTo(code: string, rawPacket?: Buffer) {
  const written: string[] = [];
  const socket = {
    destroyed: false,
    writable: true,
    write: (data: string) => written.push(data),
    destroy: jest.fn(),
  };
  answerClientError(
    Object.assign(new Error(code), { code, rawPacket }),
    socket as unknown as Socket,
  );
  const [head, body] = written.join('').split('\r\n\r\n');
  return { head, problem: JSON.parse(body) as { status: number; type: string }, socket };
}

describe('answerClientError', () => {
  it('answers a request line over the limit with 414 problem+json and closes', () => {
    const { head, problem, socket } = answerTo(
      'HPE_HEADER_OVERFLOW',
      Buffer.from(`GET /api/v1/services?q=${'x'.repeat(20_000)}`),
    );
    expect(head).toMatch(/^HTTP\/1\.1 414 URI Too Long\r\n/);
    expect(head).toContain('Content-Type: application/problem+json');
    expect(problem).toMatchObject({ status: 414, type: 'urn:parkline:problem:uri-too-long' });
    expect(socket.destroy).toHaveBeenCalled();
  });

  it('answers oversized headers with 431, and broken framing with 400', () => {
    const headers = Buffer.from(`GET / HTTP/1.1\r\nX-Big: ${'y'.repeat(20_000)}`);
    expect(answerTo('HPE_HEADER_OVERFLOW', headers).problem.status).toBe(431);
    expect(answerTo('HPE_HEADER_OVERFLOW', Buffer.from('y'.repeat(100))).problem.status).toBe(431);
    expect(answerTo('HPE_INVALID_METHOD').problem).toMatchObject({
      status: 400,
      type: 'urn:parkline:problem:bad-request',
    });
    expect(answerTo('ERR_HTTP_REQUEST_TIMEOUT').problem.status).toBe(408);
  });
});
