import { optionsOf, type FieldOption, type FormField } from './fields';
import { matchesSchema, UnsupportedSchemaError, type JsonSchema } from './json-schema';

/** What a material type says about when it is needed. */
export interface SituationalMaterial {
  required: boolean;
  /** Situation rule (情形): a JSON Schema the form must match for the material to be required. */
  requiredWhen?: Record<string, unknown>;
}

/**
 * Whether a material is needed for these answers: ALWAYS, NOW (its situation rule matches),
 * NOT_NOW (it has a rule the answers do not match), OPTIONAL (no rule), or UNKNOWN (a rule the
 * browser cannot evaluate: the pre-submit checklist decides).
 */
export type Requirement = 'ALWAYS' | 'NOW' | 'NOT_NOW' | 'OPTIONAL' | 'UNKNOWN';

export function requirementOf(
  material: SituationalMaterial,
  form: Record<string, unknown>,
): Requirement {
  if (material.required) return 'ALWAYS';
  if (!material.requiredWhen) return 'OPTIONAL';
  try {
    return matchesSchema(material.requiredWhen, form) ? 'NOW' : 'NOT_NOW';
  } catch (error) {
    if (error instanceof UnsupportedSchemaError) return 'UNKNOWN';
    throw error;
  }
}

/** Is the material required for these answers (as far as the browser can tell)? */
export function isRequiredNow(requirement: Requirement): boolean {
  return requirement === 'ALWAYS' || requirement === 'NOW';
}

/** One condition of a situation rule, for people: the field and the answers that trigger it. */
export interface Condition {
  field: string;
  /** The field, when the form has it (for its title in both languages). */
  formField?: FormField;
  /** `is`: one of the answers; `includes`: a list that holds one of them; `answered`: any answer. */
  test: 'is' | 'includes' | 'answered';
  answers: Answer[];
}

/** An answer a condition looks for; `option` names it when the field is an enum. */
export interface Answer {
  value: unknown;
  option?: FieldOption;
}

function answersOf(schema: JsonSchema, formField: FormField | undefined): Answer[] | undefined {
  const values = 'const' in schema ? [schema.const] : (schema.enum as unknown[] | undefined);
  return values?.map((value) => ({
    value,
    option:
      formField?.options?.find((option) => option.value === value) ??
      (typeof value === 'string' ? optionsOf([value])[0] : undefined),
  }));
}

/**
 * A situation rule as conditions that all must hold, or undefined when the rule says more than
 * "these fields have these answers" (then it is shown as depending on the answers, unexplained).
 */
export function conditionsOf(
  rule: JsonSchema,
  fields: readonly FormField[],
): Condition[] | undefined {
  const { type, required, properties, ...rest } = rule;
  if (type !== 'object' || Object.keys(rest).length > 0 || !properties) return undefined;
  const conditions: Condition[] = [];
  for (const [field, schema] of Object.entries(properties as Record<string, JsonSchema>)) {
    const formField = fields.find((candidate) => candidate.key === field);
    const answers = answersOf(schema, formField);
    const contained = schema.contains as JsonSchema | undefined;
    if (answers && Object.keys(schema).length === 1)
      conditions.push({ field, formField, test: 'is', answers });
    else if (contained && schema.type === 'array') {
      const any = answersOf(contained, formField);
      if (!any) return undefined;
      conditions.push({ field, formField, test: 'includes', answers: any });
    } else if (Object.keys(schema).every((keyword) => keyword === 'type'))
      conditions.push({ field, formField, test: 'answered', answers: [] });
    else return undefined;
  }
  // A field that must be present but carries no test of its own: any answer will do.
  for (const field of (required as string[] | undefined) ?? [])
    if (!conditions.some((condition) => condition.field === field))
      conditions.push({
        field,
        formField: fields.find((candidate) => candidate.key === field),
        test: 'answered',
        answers: [],
      });
  return conditions;
}
