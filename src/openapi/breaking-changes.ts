import { apiCompare, Diff } from 'api-smart-diff';

/** An OpenAPI document as read from JSON. */
export type OpenApiJson = Record<string, unknown>;

/** A change to the contract that an integrator's working code may not survive. */
export interface BreakingChange {
  /** `GET /api/v1/...`, or the path alone when a whole path item changed. */
  operation: string;
  description: string;
  /** Where in the (dereferenced) document the change is. */
  location: string;
}

type JsonPath = Diff['path'];

const at = (path: JsonPath, fromEnd: number) => path[path.length - fromEnd];
const within = (path: JsonPath, segment: string) => path.includes(segment);

/**
 * The policy of docs/versioning.md applied to api-smart-diff's classification. The library
 * assumes clients ignore what they do not know; our integrators generate typed clients, so a
 * response field or an enum value that disappears, an operationId that changes (the client's
 * method name) and a changed security requirement break them too. A new enum value in a
 * response does not: clients must accept values they do not know.
 */
function breaksClients(diff: Diff, released: OpenApiJson): boolean {
  const { path, action } = diff;
  if (within(path, 'security')) {
    // Another accepted scheme beside existing ones breaks nobody; anything else changes who may call.
    if (action !== 'add' || typeof at(path, 1) !== 'number' || at(path, 2) !== 'security')
      return true;
    const requirements = resolvedAlong(released, path.slice(0, -1));
    const before = requirements.length === path.length ? requirements.at(-1) : undefined;
    return !(Array.isArray(before) && before.length > 0);
  }
  if (at(path, 1) === 'operationId') return action !== 'add';
  if (at(path, 2) === 'enum') {
    if (action === 'add' && within(path, 'responses')) return false;
    if (action !== 'add') return true;
  }
  if (at(path, 2) === 'properties' && action === 'remove' && within(path, 'responses'))
    return true;
  return diff.type === 'breaking';
}

function resolveReference(document: OpenApiJson, node: unknown): unknown {
  let current = node;
  const seen = new Set<string>();
  while (isObject(current) && typeof current.$ref === 'string' && current.$ref.startsWith('#/')) {
    if (seen.has(current.$ref)) return current;
    seen.add(current.$ref);
    current = current.$ref
      .slice(2)
      .split('/')
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((parent, key) => (isObject(parent) ? parent[key] : undefined), document);
  }
  return current;
}

function isObject(value: unknown): value is Record<string | number, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A child of a schema node, looking through allOf/oneOf/anyOf the way the diff merged them. */
function childOf(document: OpenApiJson, node: unknown, key: string | number): unknown {
  const resolved = resolveReference(document, node);
  if (!isObject(resolved)) return undefined;
  if (key in resolved) return resolved[key];
  for (const combinator of ['allOf', 'oneOf', 'anyOf']) {
    const members = resolved[combinator];
    if (!Array.isArray(members)) continue;
    for (const member of members) {
      const found = childOf(document, member, key);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The released document's nodes from the root down the diff's path, as far as they exist. */
function resolvedAlong(document: OpenApiJson, path: JsonPath): unknown[] {
  const nodes: unknown[] = [document];
  let node: unknown = document;
  for (const key of path) {
    node = childOf(document, node, key);
    if (node === undefined) break;
    nodes.push(resolveReference(document, node));
  }
  return nodes;
}

/** Whether the change falls on something the released spec deprecated with a sunset now past. */
function isAnnounced(released: OpenApiJson, path: JsonPath, now: Date): boolean {
  return resolvedAlong(released, path).some(
    (node) =>
      isObject(node) &&
      node.deprecated === true &&
      typeof node['x-sunset'] === 'string' &&
      Date.parse(node['x-sunset']) <= now.getTime(),
  );
}

const majorVersion = (document: OpenApiJson) =>
  Number(String((document.info as { version?: unknown } | undefined)?.version).split('.')[0]);

function describe(diff: Diff): BreakingChange {
  const [root, pathName, method] = diff.path.map(String);
  const operation =
    root !== 'paths' ? 'the whole API' : method ? `${method.toUpperCase()} ${pathName}` : pathName;
  const location = diff.path.slice(root === 'paths' ? 3 : 0).join('.');
  return {
    operation,
    description: diff.description ?? `${diff.action} ${location}`,
    location,
  };
}

/**
 * The breaking changes from the released document to the current one that were not announced:
 * none when the major version went up, otherwise every change the policy calls breaking unless
 * it falls on an operation, parameter or field that the release marked deprecated with an
 * `x-sunset` date that has passed.
 */
export function unannouncedBreakingChanges(
  released: OpenApiJson,
  current: OpenApiJson,
  now: Date,
): BreakingChange[] {
  if (majorVersion(current) > majorVersion(released)) return [];
  // Components only matter through the operations that use them, where the diff reports them.
  const { diffs } = apiCompare(released, current);
  return diffs
    .filter((diff) => diff.path[0] === 'paths' || diff.path[0] === 'security')
    .filter((diff) => breaksClients(diff, released))
    .filter((diff) => !isAnnounced(released, diff.path, now))
    .map(describe);
}

/** One line per change, for a failing check. */
export const formatBreakingChanges = (changes: BreakingChange[]) =>
  changes.map((change) => `${change.operation}: ${change.description} (at ${change.location})`);
