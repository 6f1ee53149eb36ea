import { QueryClient } from '@tanstack/react-query';
import { ParklineApiError } from '@parkline/client';

/** Retries only what may succeed on a second try: network failures and 5xx, not a 4xx. */
function shouldRetry(failures: number, error: unknown): boolean {
  if (error instanceof ParklineApiError && error.status < 500) return false;
  return failures < 2;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 15_000, retry: shouldRetry },
    mutations: { retry: false },
  },
});
