import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './generated/schema';

export type { components, paths };
/** The values of every enum of the API, as arrays: `webhookDtoEventsValues` and the like. */
export * from './generated/schema';

/** RFC 9457 problem details: the body of every error response. */
export type ProblemDetails = components['schemas']['ProblemDetailsDto'];

export type FieldError = components['schemas']['FieldErrorDto'];

export type ParklineClient = Client<paths>;

/**
 * People sign in for an access token; integrators hold an API key. Send one or neither. A
 * function is asked before every request, so a long-lived client follows token refreshes.
 */
export type ParklineClientOptions = {
  baseUrl: string;
  /** Replaces globalThis.fetch, e.g. to report upload progress. */
  fetch?: (request: Request) => Promise<Response>;
  /** Sent as Accept-Language, so that problem details come in that language (zh or en). */
  acceptLanguage?: string | (() => string | undefined);
} & (
  | { accessToken?: string | (() => string | undefined); apiKey?: never }
  | { apiKey?: string; accessToken?: never }
);

/**
 * A typed client for the Parkline API. `baseUrl` is the server's origin: the paths in the
 * document already start with `/api/v1`.
 */
export function createParklineClient(options: ParklineClientOptions): ParklineClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch });
  const { accessToken, apiKey, acceptLanguage } = options;
  const authentication: Middleware = {
    onRequest({ request }) {
      const token = typeof accessToken === 'function' ? accessToken() : accessToken;
      const language = typeof acceptLanguage === 'function' ? acceptLanguage() : acceptLanguage;
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      if (apiKey) request.headers.set('X-API-Key', apiKey);
      if (language) request.headers.set('Accept-Language', language);
      return request;
    },
  };
  client.use(authentication);
  return client;
}

/** An error response of the API, with its problem details. */
export class ParklineApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];

  constructor(readonly problem: ProblemDetails) {
    const fields = problem.errors?.map((error) => `${error.field}: ${error.message}`) ?? [];
    super([`${problem.status} ${problem.title}: ${problem.detail}`, ...fields].join('\n  '));
    this.name = 'ParklineApiError';
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
  }
}

/** The `data` of a successful call; throws a `ParklineApiError` for an error response. */
export function unwrap<Data>(result: { data?: Data; error?: unknown; response: Response }): Data {
  if (!result.response.ok) {
    throw new ParklineApiError(problemDetailsOf(result.response, result.error));
  }
  return result.data as Data;
}

function problemDetailsOf(response: Response, body: unknown): ProblemDetails {
  if (isProblemDetails(body)) return body;
  // Answers that do not come from the API itself, such as a proxy's error page.
  return {
    type: 'about:blank',
    title: response.statusText,
    status: response.status,
    detail: typeof body === 'string' ? body : '',
  };
}

function isProblemDetails(body: unknown): body is ProblemDetails {
  if (typeof body !== 'object' || body === null) return false;
  const { type, title, status } = body as Record<string, unknown>;
  return typeof type === 'string' && typeof title === 'string' && typeof status === 'number';
}
