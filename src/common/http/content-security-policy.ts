import type { FastifyInstance, FastifyRequest } from 'fastify';

export type CspDirectives = Readonly<Record<string, readonly string[]>>;

/**
 * What every response carries unless a page below needs more: the app's own origin only, no
 * inline code, no plugins, and no framing by other sites.
 */
export const STRICT_DIRECTIVES: CspDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  // Files fetched with the access token are previewed from blob: URLs.
  'frame-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
};

/** Swagger UI's page has an inline style block, and its validator badge comes from swagger.io. */
export const SWAGGER_UI_DIRECTIVES: CspDirectives = {
  ...STRICT_DIRECTIVES,
  'script-src': ["'self'", "'unsafe-inline'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': [...STRICT_DIRECTIVES['img-src'], 'validator.swagger.io'],
};

/** Bull's dashboard styles its loading screen with inline style attributes and a style block. */
export const QUEUE_DASHBOARD_DIRECTIVES: CspDirectives = {
  ...STRICT_DIRECTIVES,
  'style-src': ["'self'", "'unsafe-inline'"],
};

/** The header value: `name source source; name source …`. */
export function serializePolicy(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/**
 * The console's index.html: the strict policy, with the style blocks its components inject
 * allowed by the nonce that page hands them (a fresh one per response).
 */
export function consolePolicy(styleNonce: string): string {
  return serializePolicy({
    ...STRICT_DIRECTIVES,
    'style-src': ["'self'", `'nonce-${styleNonce}'`],
  });
}

/** A path prefix (the path itself and everything below it) that needs its own policy. */
export interface PolicyException {
  prefix: string;
  directives: CspDirectives;
}

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/**
 * Sets Content-Security-Policy on every response: the strict policy, or an exception's for
 * paths under its prefix. A handler that sets the header itself (the console's index.html,
 * with its nonce) replaces it.
 */
export function installContentSecurityPolicy(
  fastify: FastifyInstance,
  exceptions: PolicyException[],
): void {
  const strict = serializePolicy(STRICT_DIRECTIVES);
  const prepared = exceptions.map(({ prefix, directives }) => ({
    prefix,
    policy: serializePolicy(directives),
  }));
  const policyFor = (request: FastifyRequest) => {
    const path = request.url.split('?')[0];
    return prepared.find(({ prefix }) => isUnder(path, prefix))?.policy ?? strict;
  };
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('content-security-policy', policyFor(request));
  });
}
