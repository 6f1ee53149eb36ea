import type { Language } from '../../shared/i18n/i18n';
import { optionsOf, type JsonSchema } from '../../shared/schema-form';
import { formatDate } from '../../shared/ui/format';

/** The part of a form field's JSON Schema that says how to show its answer. */
export interface FieldSchema {
  type?: string;
  format?: string;
  title?: string;
  titleEn?: string;
  description?: string;
  enum?: unknown[];
  enumTitles?: Record<string, string>;
  enumTitlesEn?: Record<string, string>;
  items?: FieldSchema;
}

export interface AnswerWords {
  yes: string;
  no: string;
}

/** The form's fields in the schema's order, then answers the schema does not name. */
export function fieldsOf(
  formSchema: Record<string, unknown>,
  form: Record<string, unknown>,
): { key: string; schema: FieldSchema }[] {
  const properties = (formSchema.properties ?? {}) as Record<string, FieldSchema>;
  const named = Object.keys(properties).filter((key) => key in form);
  const unnamed = Object.keys(form).filter((key) => !(key in properties));
  return [...named, ...unnamed].map((key) => ({ key, schema: properties[key] ?? {} }));
}

/** A choice in words, as the schema holding the enum names it in the current language. */
export function choiceLabel(code: string, schema: FieldSchema, language: Language): string {
  const [option] = optionsOf([code], schema as JsonSchema);
  return language === 'zh-CN' ? option.label : option.labelEn;
}

/** One answer as people read it: choices in words, yes/no, dates on the park's clock. */
export function formatAnswer(
  value: unknown,
  schema: FieldSchema,
  language: Language,
  words: AnswerWords,
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    const items = value.map((item) => formatAnswer(item, schema.items ?? {}, language, words));
    return items.join(language === 'zh-CN' ? '、' : ', ');
  }
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') return value.toLocaleString(language);
  if (typeof value === 'string') {
    if (schema.enum?.includes(value)) return choiceLabel(value, schema, language);
    if (schema.format === 'date') return formatDate(`${value}T00:00:00+08:00`, language);
    return value;
  }
  return JSON.stringify(value);
}

/** A field's label in the current language; its key when the schema has no title. */
export function fieldTitle(key: string, schema: FieldSchema, language: Language): string {
  return (language === 'en-US' ? (schema.titleEn ?? schema.title) : schema.title) ?? key;
}
