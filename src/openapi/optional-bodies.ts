import type { OpenAPIObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';

/**
 * Nest documents every `@Body()` as required, but the ValidationPipe reads an absent body as
 * `{}`: where the body's schema requires no property, a request without one is valid, and the
 * document says so.
 */
export function documentOptionalBodies(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  for (const methods of Object.values(document.paths))
    for (const method of ['put', 'post', 'delete', 'patch'] as const) {
      const body = methods[method]?.requestBody;
      if (!body || '$ref' in body) continue;
      const schema = body.content['application/json']?.schema as
        SchemaObject | ReferenceObject | undefined;
      if (!schema) continue;
      const resolved = '$ref' in schema ? schemas[schema.$ref.split('/').pop() ?? ''] : schema;
      if (resolved && !('$ref' in resolved) && requiresNothing(resolved)) body.required = false;
    }
}

/** An object whose every property is optional; a choice of shapes (oneOf) requires one. */
function requiresNothing(schema: SchemaObject): boolean {
  return (
    schema.properties !== undefined &&
    !schema.oneOf &&
    !schema.anyOf &&
    !schema.allOf &&
    (schema.required ?? []).length === 0
  );
}
