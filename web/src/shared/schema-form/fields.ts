import { UnsupportedSchemaError, type JsonSchema } from './json-schema';

/** How a field is asked: which input it gets. */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'date'
  | 'select'
  | 'multiselect'
  | 'tags';

export interface FieldOption {
  value: string | number;
  label: string;
  labelEn: string;
}

/** One field of a catalogue form, as the renderer needs it. */
export interface FormField {
  /** The dotted field key, e.g. "project.name": one name, never a path. */
  key: string;
  kind: FieldKind;
  title: string;
  titleEn: string;
  description?: string;
  required: boolean;
  /** The field's own JSON Schema, for validation. */
  schema: JsonSchema;
  options?: FieldOption[];
  example?: string;
  maxLength?: number;
}

/** Texts this long get a text area rather than a one-line input. */
const TEXTAREA_FROM = 300;

/** `BIOMEDICAL_RD_LAB` → `Biomedical rd lab`, for choices a schema does not name in English. */
function humanised(code: string): string {
  if (!/^[A-Z0-9_]+$/.test(code) || !/[A-Z]{2}/.test(code)) return code;
  const words = code.toLowerCase().split('_').filter(Boolean).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function namesOf(keyword: unknown): Record<string, unknown> {
  return typeof keyword === 'object' && keyword !== null
    ? (keyword as Record<string, unknown>)
    : {};
}

/**
 * The options of an enum, named by the schema that holds the enum: `enumTitles` and
 * `enumTitlesEn` map each value to its label. Schemas published before the catalogue named its
 * choices list them in the field's description ("NEW 新建；EXPANSION 扩建；…"); a value named
 * nowhere is shown as it is, in English in words.
 */
export function optionsOf(
  values: readonly unknown[],
  holder: JsonSchema = {},
  description = typeof holder.description === 'string' ? holder.description : '',
): FieldOption[] {
  const titles = namesOf(holder.enumTitles);
  const titlesEn = namesOf(holder.enumTitlesEn);
  return values.map((value) => {
    const code = String(value);
    const named = new RegExp(`(?:^|[\\s：:；;，,])${escaped(code)}\\s+([^；;，,]+)`).exec(
      description,
    );
    const title = titles[code];
    const titleEn = titlesEn[code];
    return {
      value: value as string | number,
      label: typeof title === 'string' ? title : (named?.[1].trim() ?? code),
      labelEn: typeof titleEn === 'string' ? titleEn : humanised(code),
    };
  });
}

function kindOf(schema: JsonSchema): FieldKind {
  const items = (schema.items ?? {}) as JsonSchema;
  switch (schema.type) {
    case 'string':
      if (schema.enum) return 'select';
      if (schema.format === 'date') return 'date';
      return Number(schema.maxLength ?? 0) >= TEXTAREA_FROM ? 'textarea' : 'text';
    case 'number':
      return schema.enum ? 'select' : 'number';
    case 'integer':
      return schema.enum ? 'select' : 'integer';
    case 'boolean':
      return 'boolean';
    case 'array':
      if (items.type === 'string' || items.type === undefined)
        return items.enum ? 'multiselect' : 'tags';
      throw new UnsupportedSchemaError(`array of ${String(items.type)}`);
    default:
      throw new UnsupportedSchemaError(`type: ${String(schema.type)}`);
  }
}

/**
 * The fields of a catalogue form schema (a flat object whose property keys are dotted field
 * keys), in the schema's order.
 */
export function fieldsOf(schema: JsonSchema): FormField[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([key, field]) => {
    const kind = kindOf(field);
    const description = typeof field.description === 'string' ? field.description : undefined;
    const holder = field.enum ? field : ((field.items ?? {}) as JsonSchema);
    const values = holder.enum as unknown[] | undefined;
    const examples = field.examples as unknown[] | undefined;
    return {
      key,
      kind,
      title: String(field.title ?? key),
      titleEn: String(field.titleEn ?? field.title ?? key),
      // Without named choices, an enum's description only names its values, which the options show.
      description: values && !holder.enumTitles ? undefined : description,
      required: required.has(key),
      schema: field,
      options: values && optionsOf(values, holder, description),
      example: examples?.length && kind !== 'boolean' ? examples.map(String).join('、') : undefined,
      maxLength: typeof field.maxLength === 'number' ? field.maxLength : undefined,
    };
  });
}

/** An unanswered field: what the form holds for a field the user left or cleared. */
export function isUnanswered(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** The form as the API stores it: unanswered fields are left out, not sent as empty. */
export function formPayloadOf(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => !isUnanswered(value)));
}
