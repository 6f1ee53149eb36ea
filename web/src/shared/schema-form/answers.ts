import type { Language } from '../i18n/i18n';
import { formatDate } from '../ui/format';
import { isUnanswered, type FormField } from './fields';

export interface AnswerWords {
  yes: string;
  no: string;
}

/**
 * One answer as people read it: choices by their names, yes/no in words, numbers and lists in
 * the reader's language, dates on the park's calendar. Without its field (an answer the schema
 * no longer names) the value shows as it is.
 */
export function answerText(
  value: unknown,
  field: FormField | undefined,
  language: Language,
  words: AnswerWords,
): string {
  if (isUnanswered(value)) return '—';
  const one = (item: unknown): string => {
    const option = field?.options?.find((candidate) => candidate.value === item);
    if (option) return language === 'zh-CN' ? option.label : option.labelEn;
    if (typeof item === 'boolean') return item ? words.yes : words.no;
    if (typeof item === 'number') return item.toLocaleString(language);
    if (typeof item === 'string' && field?.kind === 'date')
      return formatDate(`${item}T00:00:00+08:00`, language);
    return typeof item === 'object' ? JSON.stringify(item) : String(item);
  };
  return Array.isArray(value) ? value.map(one).join(language === 'zh-CN' ? '、' : ', ') : one(value);
}

/** The answered fields of a form in the schema's order, then answers the schema does not name. */
export function answeredFields(
  fields: readonly FormField[],
  form: Record<string, unknown>,
): { key: string; field: FormField | undefined }[] {
  const named = fields.filter((field) => !isUnanswered(form[field.key]));
  const unnamed = Object.keys(form).filter((key) => !fields.some((field) => field.key === key));
  return [
    ...named.map((field) => ({ key: field.key, field })),
    ...unnamed.map((key) => ({ key, field: undefined })),
  ];
}
