import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { DomainError } from '../problem/domain-error';
import { ProblemType } from '../problem/problem-types';
import { PROBLEM_CONTENT_TYPE } from '../problem/send-problem';
import { toProblem } from '../problem/to-problem';
import { MAX_URL_LENGTH } from './request-target';

type ClientError = Error & { code?: string; rawPacket?: unknown };

const REQUEST_LINE_START = /^[A-Z]+ \S/;

/**
 * Whether the request line alone overflowed Node's header limit: the packet starts a request
 * and its first line is longer than any target the API takes.
 */
function requestLineTooLong(rawPacket: unknown): boolean {
  if (!Buffer.isBuffer(rawPacket)) return false;
  const head = rawPacket.subarray(0, MAX_URL_LENGTH + 64).toString('latin1');
  if (!REQUEST_LINE_START.test(head)) return false;
  const lineEnd = head.indexOf('\r\n');
  return lineEnd < 0 || lineEnd > MAX_URL_LENGTH;
}

function problemTypeOf(error: ClientError): [ProblemType, string] {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return ['request-timeout', 'The request was not received in time'];
  if (error.code === 'HPE_HEADER_OVERFLOW')
    return requestLineTooLong(error.rawPacket)
      ? ['uri-too-long', `The request target is longer than ${MAX_URL_LENGTH} characters`]
      : ['header-fields-too-large', 'The request line and headers are too large'];
  return ['bad-request', 'The request is not valid HTTP/1.1'];
}

/**
 * Answers what Node's HTTP parser refused before any route saw it (oversized headers, broken
 * framing, timeouts) with problem+json like every other error, then closes the connection.
 */
export function answerClientError(error: ClientError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const { body } = toProblem(new DomainError(...problemTypeOf(error)));
    const json = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${body.status} ${STATUS_CODES[body.status]}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(json)}\r\n` +
        `Connection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy(error);
}
