import { DomainError } from '../problem/domain-error';
import { textProblem } from './acceptable-text';

/** Deeper than any catalogue definition needs, shallow enough for every recursive validator. */
export const MAX_JSON_DEPTH = 32;

/** Keys that reach a prototype when a parsed body is merged into another object. */
function isPrototypeKey(key: string, value: unknown): boolean {
  return (
    key === '__proto__' ||
    (key === 'constructor' && value !== null && typeof value === 'object' && 'prototype' in value)
  );
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses a JSON request body, refusing what the validators and PostgreSQL behind it cannot
 * take: bytes that are not UTF-8, nesting past MAX_JSON_DEPTH, NUL characters, lone surrogates
 * and prototype keys. An empty body is no body.
 */
export function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  let text: string;
  try {
    text = strictUtf8.decode(raw);
  } catch {
    throw new DomainError('bad-request', 'The request body is not valid UTF-8');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DomainError(
      'bad-request',
      `The request body is not valid JSON: ${(error as Error).message}`,
    );
  }
  assertAcceptableJson(value);
  return value;
}

/** A value still to be checked, and where it sits: its path is spelled out only for an error. */
interface Pending {
  value: unknown;
  key?: string;
  inArray?: boolean;
  parent?: Pending;
  depth: number;
}

function pathOf(entry: Pending): string {
  let path = '';
  for (let at: Pending | undefined = entry; at?.key !== undefined; at = at.parent)
    path = at.inArray
      ? `[${at.key}]${path}`
      : `${at.key}${path && !path.startsWith('[') ? '.' : ''}${path}`;
  return path || '(body)';
}

/** Walks a parsed value without recursion, so a hostile depth cannot overflow the stack here. */
function assertAcceptableJson(value: unknown): void {
  const pending: Pending[] = [{ value, depth: 0 }];
  while (pending.length > 0) {
    const entry = pending.pop()!;
    const current = entry.value;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) throw DomainError.invalidField(pathOf(entry), problem);
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (entry.depth >= MAX_JSON_DEPTH)
      throw new DomainError(
        'bad-request',
        `The request body is nested deeper than ${MAX_JSON_DEPTH} levels`,
      );
    const inArray = Array.isArray(current);
    for (const [key, item] of Object.entries(current)) {
      const child: Pending = { value: item, key, inArray, parent: entry, depth: entry.depth + 1 };
      if (!inArray) {
        const keyProblem = isPrototypeKey(key, item) ? 'is a reserved name' : textProblem(key);
        if (keyProblem) throw DomainError.invalidField(pathOf(child), keyProblem);
      }
      pending.push(child);
    }
  }
}
