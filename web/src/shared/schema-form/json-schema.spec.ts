/**
 * @jest-environment node
 */
import { ALL_SERVICES } from '../../../../src/catalogue/data';
import { formMatches } from '../../../../src/catalogue/form-schemas';
import { fieldsOf } from './fields';
import { matchesSchema, UnsupportedSchemaError, type JsonSchema } from './json-schema';
import { requirementOf } from './situations';

// The browser's evaluator must agree with the server's Ajv on everything the catalogue says.

type Properties = Record<string, JsonSchema>;

/** Answers worth trying for a field: each option, both booleans, its examples, a wrong type. */
function probesOf(schema: JsonSchema): unknown[] {
  const items = (schema.items ?? {}) as JsonSchema;
  const options = (schema.enum ?? items.enum ?? []) as unknown[];
  return [
    ...options,
    ...options.map((option) => [option]),
    ...((schema.examples as unknown[] | undefined) ?? []),
    true,
    false,
    0,
    'x',
    [],
  ];
}

describe('the JSON Schema evaluator', () => {
  it('decides every situation rule of the catalogue as Ajv does', () => {
    let decided = 0;
    for (const service of ALL_SERVICES) {
      const properties = service.formSchema.properties as Properties;
      for (const material of service.materials.filter((each) => each.requiredWhen)) {
        const rule = material.requiredWhen!;
        const fields = Object.keys(rule.properties as Properties);
        // Every combination of the probes of the fields the rule names, and leaving each out.
        let forms: Record<string, unknown>[] = [{}];
        for (const field of fields)
          forms = forms.flatMap((form) => [
            form,
            ...probesOf(properties[field]).map((value) => ({ ...form, [field]: value })),
          ]);
        for (const form of forms) {
          expect([material.code, form, matchesSchema(rule, form)]).toEqual([
            material.code,
            form,
            formMatches(rule, form),
          ]);
          decided++;
        }
      }
    }
    expect(decided).toBeGreaterThan(500);
  });

  it('checks every field of the catalogue as Ajv does', () => {
    for (const service of ALL_SERVICES) {
      for (const [key, schema] of Object.entries(service.formSchema.properties as Properties)) {
        const text = String((schema.examples as unknown[])[0]);
        const probes = [
          ...probesOf(schema),
          text + text.repeat(Number(schema.maxLength ?? 0)),
          text.slice(0, 1),
          '2026-02-30',
          '2028-02-29',
          'a@b',
          -1,
          1.5,
          Number(schema.maximum ?? 0) + 1,
          Number(schema.minimum ?? schema.exclusiveMinimum ?? 0),
          ['x', 'x'],
        ];
        for (const value of probes)
          expect([key, value, matchesSchema(schema, value)]).toEqual([
            key,
            value,
            formMatches(schema, value),
          ]);
      }
    }
  });

  it('refuses a keyword it does not know rather than guess', () => {
    const rule = { type: 'object', if: { required: ['a'] }, then: { required: ['b'] } };
    expect(() => matchesSchema(rule, {})).toThrow(UnsupportedSchemaError);
    expect(requirementOf({ required: false, requiredWhen: rule }, {})).toBe('UNKNOWN');
  });

  it('maps every form of the catalogue to fields', () => {
    for (const service of ALL_SERVICES) {
      const fields = fieldsOf(service.formSchema);
      expect(fields.map((field) => field.key)).toEqual(
        Object.keys(service.formSchema.properties as Properties),
      );
      for (const field of fields) expect(field.titleEn).not.toBe(field.key);
    }
  });
});
