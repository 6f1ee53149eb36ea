import { useRef } from 'react';

/**
 * A fresh Idempotency-Key. `crypto.randomUUID` exists only in secure contexts; random bytes
 * are available everywhere.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * One key per thing the user means to do once: kept while it is tried again (a retry after a
 * network failure replays instead of doing it twice), renewed once it has succeeded.
 */
export function useIdempotencyKey(): { key: () => string; done: () => void } {
  const current = useRef<string | undefined>(undefined);
  return {
    key: () => (current.current ??= newIdempotencyKey()),
    done: () => {
      current.current = undefined;
    },
  };
}
