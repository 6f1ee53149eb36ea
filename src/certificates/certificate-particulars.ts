import type { JsonSchema } from '../catalogue/service-definition';

/** Text in both languages: Chinese first, as the certificate prints it. */
export interface BilingualText {
  zh: string;
  en: string;
}

/** One approved particular as a certificate prints it: the form's label and the answer. */
export interface CertificateParticular {
  /** The form field it comes from, e.g. `article.name`. */
  field: string;
  label: BilingualText;
  /** A choice by its names, yes/no in words; other answers as filed, the same in both. */
  value: BilingualText;
}

type FieldSchema = JsonSchema & {
  title?: unknown;
  titleEn?: unknown;
  personal?: unknown;
  enum?: unknown[];
  enumTitles?: Record<string, unknown>;
  enumTitlesEn?: Record<string, unknown>;
  items?: FieldSchema;
};

const LIST_SEPARATOR: BilingualText = { zh: '、', en: ', ' };
const YES: BilingualText = { zh: '是', en: 'Yes' };
const NO: BilingualText = { zh: '否', en: 'No' };

const same = (text: string): BilingualText => ({ zh: text, en: text });
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

function unanswered(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

function answerOf(value: unknown, schema: FieldSchema): BilingualText {
  if (Array.isArray(value)) {
    const items = value.map((item) => answerOf(item, schema.items ?? {}));
    // A list of answers as filed reads the same in both languages, as each of them does.
    if (items.every((item) => item.zh === item.en))
      return same(items.map((item) => item.zh).join('、'));
    return {
      zh: items.map((item) => item.zh).join(LIST_SEPARATOR.zh),
      en: items.map((item) => item.en).join(LIST_SEPARATOR.en),
    };
  }
  if (typeof value === 'boolean') return value ? YES : NO;
  if (typeof value === 'string' && schema.enum?.includes(value)) {
    return {
      zh: text(schema.enumTitles?.[value]) ?? value,
      en: text(schema.enumTitlesEn?.[value]) ?? value,
    };
  }
  return same(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

/**
 * What a certificate prints of the approved form: every answered field the service's form
 * names, in the form's order, under its titles, except a natural person's particulars (fields
 * marked `personal`: contacts, ID numbers). Answers the form does not name are left out.
 */
export function approvedParticulars(
  formSchema: JsonSchema,
  form: Record<string, unknown>,
): CertificateParticular[] {
  const properties = (formSchema.properties ?? {}) as Record<string, FieldSchema>;
  return Object.entries(properties)
    .filter(([field, schema]) => schema.personal !== true && !unanswered(form[field]))
    .map(([field, schema]) => {
      const zh = text(schema.title) ?? field;
      return {
        field,
        label: { zh, en: text(schema.titleEn) ?? zh },
        value: answerOf(form[field], schema),
      };
    });
}
