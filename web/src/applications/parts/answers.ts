import type { Language } from '../../shared/i18n/i18n';
import { optionsOf, type JsonSchema } from '../../shared/schema-form';

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

/** A choice in words, as the schema holding the enum names it in the current language. */
export function choiceLabel(code: string, schema: FieldSchema, language: Language): string {
  const [option] = optionsOf([code], schema as JsonSchema);
  return language === 'zh-CN' ? option.label : option.labelEn;
}

/** A field's label in the current language; its key when the schema has no title. */
export function fieldTitle(key: string, schema: FieldSchema, language: Language): string {
  return (language === 'en-US' ? (schema.titleEn ?? schema.title) : schema.title) ?? key;
}
