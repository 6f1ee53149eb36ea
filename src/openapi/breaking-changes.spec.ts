import { formatBreakingChanges, OpenApiJson, unannouncedBreakingChanges } from './breaking-changes';

const NOW = new Date('2027-01-15T00:00:00Z');

/** A released contract in miniature: a list with a query parameter and a creation. */
function releasedSpec(): OpenApiJson {
  return {
    openapi: '3.0.0',
    info: { title: 'Parkline API', version: '1.2.0' },
    security: [{ bearer: [] }],
    paths: {
      '/api/v1/things': {
        get: {
          operationId: 'listThings',
          parameters: [{ name: 'q', in: 'query', required: false, schema: { type: 'string' } }],
          responses: {
            200: {
              description: 'The things',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
            },
          },
        },
        post: {
          operationId: 'createThing',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/NewThing' } } },
          },
          responses: { 201: { description: 'Created' } },
        },
      },
    },
    components: {
      schemas: {
        Thing: {
          type: 'object',
          required: ['id', 'status'],
          properties: {
            id: { type: 'string' },
            note: { type: 'string' },
            status: { type: 'string', enum: ['OPEN', 'DONE'] },
          },
        },
        NewThing: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string' }, size: { type: 'integer' } },
        },
      },
    },
  };
}

type Spec = ReturnType<typeof releasedSpec> & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function changed(edit: (spec: Spec) => void, released: OpenApiJson = releasedSpec()) {
  const current = structuredClone(released) as Spec;
  edit(current);
  return formatBreakingChanges(unannouncedBreakingChanges(released, current, NOW));
}

const thing = (spec: Spec) => spec.components.schemas.Thing;
const newThing = (spec: Spec) => spec.components.schemas.NewThing;
const list = (spec: Spec) => spec.paths['/api/v1/things'].get;

describe('unannounced breaking changes', () => {
  it('finds none between a release and itself', () => {
    expect(changed(() => undefined)).toEqual([]);
  });

  it.each<[string, (spec: Spec) => void]>([
    ['an optional response field', (spec) => (thing(spec).properties.colour = { type: 'string' })],
    ['an optional request field', (spec) => (newThing(spec).properties.colour = { type: 'string' })],
    [
      'an optional query parameter',
      (spec) => list(spec).parameters.push({ name: 'p', in: 'query', schema: { type: 'string' } }),
    ],
    ['a response enum value', (spec) => thing(spec).properties.status.enum.push('ARCHIVED')],
    [
      'an operation',
      (spec) => (spec.paths['/api/v1/other'] = { get: { responses: { 200: { description: 'x' } } } }),
    ],
    ['another accepted scheme', (spec) => spec.security.push({ 'api-key': [] })],
    ['a deprecation', (spec) => (list(spec).deprecated = true)],
  ])('lets %s be added', (_, edit) => {
    expect(changed(edit)).toEqual([]);
  });

  it.each<[string, (spec: Spec) => void, RegExp]>([
    ['removing a response field', (spec) => delete thing(spec).properties.note, /note/],
    ['removing an operation', (spec) => delete spec.paths['/api/v1/things'].post, /POST/],
    ['removing a parameter', (spec) => (list(spec).parameters = []), /q/],
    ['requiring a parameter', (spec) => (list(spec).parameters[0].required = true), /q/],
    [
      'adding a required request field',
      (spec) => {
        newThing(spec).properties.colour = { type: 'string' };
        newThing(spec).required.push('colour');
      },
      /colour/,
    ],
    ['removing an enum value', (spec) => thing(spec).properties.status.enum.pop(), /status/],
    ['narrowing a type', (spec) => (newThing(spec).properties.size.maximum = 10), /size/],
    ['changing a type', (spec) => (newThing(spec).properties.size.type = 'string'), /size/],
    [
      'changing a status code',
      (spec) => (spec.paths['/api/v1/things'].post.responses = { 200: { description: 'OK' } }),
      /201/,
    ],
    ['renaming an operationId', (spec) => (list(spec).operationId = 'findThings'), /operationId/],
    ['requiring credentials', (spec) => (list(spec).security = [{ 'api-key': [] }]), /security/],
  ])('fails on %s', (_, edit, mentioned) => {
    const changes = changed(edit);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.join('\n')).toMatch(mentioned);
  });

  it('names the operation and the change', () => {
    expect(changed((spec) => delete thing(spec).properties.note)).toEqual([
      expect.stringMatching(/^GET \/api\/v1\/things: .*`note`.* \(at responses\.200\..*note\)$/),
    ]);
  });

  describe('announced by a deprecation', () => {
    function deprecatedNote(sunset: string): OpenApiJson {
      const released = releasedSpec() as Spec;
      Object.assign(thing(released).properties.note, { deprecated: true, 'x-sunset': sunset });
      return released;
    }

    it('lets a deprecated field go once its sunset has passed', () => {
      expect(changed((spec) => delete thing(spec).properties.note, deprecatedNote('2027-01-01'))).toEqual(
        [],
      );
    });

    it('keeps a deprecated field until its sunset', () => {
      expect(
        changed((spec) => delete thing(spec).properties.note, deprecatedNote('2027-06-30')),
      ).toHaveLength(1);
    });

    it('keeps a field deprecated without a sunset', () => {
      const released = releasedSpec() as Spec;
      thing(released).properties.note.deprecated = true;
      expect(changed((spec) => delete thing(spec).properties.note, released)).toHaveLength(1);
    });

    it('lets a deprecated operation go once its sunset has passed', () => {
      const released = releasedSpec() as Spec;
      Object.assign(list(released), { deprecated: true, 'x-sunset': '2026-12-31' });
      expect(changed((spec) => delete spec.paths['/api/v1/things'].get, released)).toEqual([]);
    });

    it('does not extend to the fields beside it', () => {
      expect(
        changed((spec) => delete thing(spec).properties.id, deprecatedNote('2027-01-01')),
      ).toHaveLength(1);
    });
  });

  it('lets a new major version break anything', () => {
    expect(
      changed((spec) => {
        spec.info.version = '2.0.0';
        delete spec.paths['/api/v1/things'].post;
      }),
    ).toEqual([]);
  });
});
