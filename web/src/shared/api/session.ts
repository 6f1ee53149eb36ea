import { createParklineClient, unwrap, type components } from '@parkline/client';
import { chosenLanguage } from '../i18n/i18n';
import { queryClient } from './query-client';

export type Me = components['schemas']['MeDto'];
export type Role = Me['user']['role'];

/**
 * The signed-in session. The access token lives in memory only; the refresh token is an
 * httpOnly cookie that scripts never see, so a reload restores the session by refreshing.
 */
let accessToken: string | undefined;
let refreshing: Promise<boolean> | undefined;
const listeners = new Set<() => void>();

/**
 * The client every screen uses; it asks for the current access token on each request, and
 * for problem details in the language the user chose.
 */
export const parkline = createParklineClient({
  baseUrl: window.location.origin,
  accessToken: () => accessToken,
  acceptLanguage: chosenLanguage,
});

/** The signed-in user; sign-in and refresh answers carry it, so it is rarely asked for alone. */
export const meQuery = {
  queryKey: ['me'],
  queryFn: () => call(() => parkline.GET('/api/v1/me')),
  staleTime: 60_000,
} as const;

function startSession(session: components['schemas']['SessionDto']): void {
  accessToken = session.accessToken;
  queryClient.setQueryData<Me>(meQuery.queryKey, { user: session.user, enterprise: session.enterprise });
}

export function hasSession(): boolean {
  return accessToken !== undefined;
}

export function onSessionEnd(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function endSession(): void {
  accessToken = undefined;
  for (const listener of listeners) listener();
}

export async function signIn(email: string, password: string) {
  const result = await parkline.POST('/api/v1/auth/login', {
    body: { email, password, refreshTokenIn: 'cookie' },
  });
  if (result.data) startSession(result.data);
  return result;
}

/**
 * Exchanges the refresh cookie for a new access token. Concurrent callers share one request:
 * the refresh token is single-use, and a second use would revoke the session.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= parkline
    .POST('/api/v1/auth/refresh', { body: {} })
    .then(({ data }) => {
      if (data) startSession(data);
      else accessToken = undefined;
      return data !== undefined;
    })
    .catch(() => false)
    .finally(() => {
      refreshing = undefined;
    });
  return refreshing;
}

export async function signOut(): Promise<void> {
  await parkline.POST('/api/v1/auth/logout', { body: {} }).catch(() => undefined);
  endSession();
}

type Result<Data> = { data?: Data; error?: unknown; response: Response };

/**
 * Runs one API call: on 401 it refreshes the session once and repeats the call; if that fails
 * too, the session ends (the shell returns to sign-in, keeping the page to come back to).
 */
export async function call<Data>(request: () => Promise<Result<Data>>): Promise<Data> {
  let result = await request();
  if (result.response.status === 401 && accessToken !== undefined) {
    if (await refreshSession()) result = await request();
    if (result.response.status === 401) endSession();
  }
  return unwrap(result);
}
