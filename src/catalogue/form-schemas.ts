import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FieldError } from '../common/problem/problem-types';
import type { JsonSchema } from './service-definition';

/**
 * The catalogue's annotation keywords: `titleEn`, the names of an enum's values (`enumTitles`,
 * `enumTitlesEn`: value → label) and `personal` (a natural person's particulars, which
 * certificates leave out).
 */
export function addCatalogueKeywords(ajv: Ajv): Ajv {
  ajv.addKeyword('titleEn');
  for (const keyword of ['enumTitles', 'enumTitlesEn'])
    ajv.addKeyword({
      keyword,
      metaSchema: { type: 'object', additionalProperties: { type: 'string' } },
    });
  return ajv.addKeyword({ keyword: 'personal', metaSchema: { type: 'boolean' } });
}

/** One Ajv for every form schema of the catalogue. */
const ajv = addCatalogueKeywords(new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }));
addFormats(ajv);

const compiled = new WeakMap<JsonSchema, ValidateFunction>();

/** Compiles once per schema object (published versions are immutable, so caching is safe). */
export function compileSchema(schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** The reason a schema does not compile, or null. */
export function schemaProblem(schema: unknown): string | null {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema))
    return 'must be a JSON Schema object';
  try {
    ajv.compile(schema);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

function fieldOf(error: ErrorObject): string {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required')
    path.push((error.params as { missingProperty: string }).missingProperty);
  if (error.keyword === 'additionalProperties')
    path.push((error.params as { additionalProperty: string }).additionalProperty);
  return path.join('.') || '(form)';
}

function messageOf(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a field of this form';
    case 'enum':
      return `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    default:
      return error.message ?? 'is invalid';
  }
}

/** Checks a form against its schema; one error per field problem, named by the form's field key. */
export function validateForm(schema: JsonSchema, form: unknown): FieldError[] {
  const validate = compileSchema(schema);
  if (validate(form)) return [];
  return (validate.errors ?? []).map((error) => ({
    field: `form.${fieldOf(error)}`,
    message: messageOf(error),
  }));
}

/** Does the form match the schema (e.g. a situation rule)? */
export function formMatches(schema: JsonSchema, form: unknown): boolean {
  return compileSchema(schema)(form) === true;
}
