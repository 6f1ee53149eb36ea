/**
 * Why a text cannot be taken, or undefined when it can. PostgreSQL refuses NUL in text, and a
 * lone UTF-16 surrogate has no UTF-8 form: both would fail deep inside a request instead of at
 * its edge.
 */
export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain NUL (U+0000) characters';
  if (!text.isWellFormed()) return 'must not contain lone UTF-16 surrogates';
  return undefined;
}
