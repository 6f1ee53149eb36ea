import { DomainError } from '../problem/domain-error';
import { textProblem } from './acceptable-text';

/** Longer request targets are refused with 414 before anything reads them. */
export const MAX_URL_LENGTH = 8192;

function decodeComponent(raw: string, plusIsSpace: boolean): string | undefined {
  try {
    return decodeURIComponent(plusIsSpace ? raw.replace(/\+/g, ' ') : raw);
  } catch {
    return undefined;
  }
}

/**
 * Checks the path and query of a request target: both must be percent-encoded UTF-8 without
 * NUL. Answers the problem to send, or undefined.
 */
export function requestTargetProblem(url: string): DomainError | undefined {
  if (url.length > MAX_URL_LENGTH)
    return new DomainError(
      'uri-too-long',
      `The request target is longer than ${MAX_URL_LENGTH} characters`,
    );
  // Without escapes there is nothing to decode: Node's parser lets no NUL or raw surrogate in.
  if (!url.includes('%')) return undefined;
  const queryStart = url.indexOf('?');
  const parts = [
    { raw: queryStart < 0 ? url : url.slice(0, queryStart), where: 'path', plusIsSpace: false },
    { raw: queryStart < 0 ? '' : url.slice(queryStart + 1), where: 'query', plusIsSpace: true },
  ];
  // An escape never spans a `/`, `&` or `=`, so decoding each part whole checks every component.
  for (const { raw, where, plusIsSpace } of parts) {
    const text = decodeComponent(raw, plusIsSpace);
    if (text === undefined)
      return new DomainError('bad-request', `The ${where} is not percent-encoded UTF-8`);
    const problem = textProblem(text);
    if (problem) return new DomainError('bad-request', `The ${where} ${problem}`);
  }
  return undefined;
}
