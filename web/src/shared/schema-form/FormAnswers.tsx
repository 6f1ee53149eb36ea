import { Descriptions, Grid } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n';
import { formatDate } from '../ui/format';
import { fieldsOf, isUnanswered, type FormField } from './fields';
import type { JsonSchema } from './json-schema';

/** An answer as read, not edited: option labels, yes/no, lists, dates on the park's calendar. */
function useAnswerOf(): (field: FormField | undefined, value: unknown) => string {
  const { t, pick, language } = useI18n();
  return (field, value) => {
    if (isUnanswered(value)) return '—';
    const one = (item: unknown): string => {
      const option = field?.options?.find((candidate) => candidate.value === item);
      if (option) return pick(option.label, option.labelEn);
      if (typeof item === 'boolean') return item ? t('schemaForm.yes') : t('schemaForm.no');
      return typeof item === 'object' ? JSON.stringify(item) : String(item);
    };
    if (field?.kind === 'date' && typeof value === 'string') return formatDate(value, language);
    return Array.isArray(value) ? value.map(one).join(t('schemaForm.listSeparator')) : one(value);
  };
}

/**
 * The answers of a filed form, read-only, labelled by its schema. Answers the schema no longer
 * names (another catalogue version) are shown too, under their field key.
 */
export function FormAnswers({
  schema,
  form,
  column,
}: {
  schema: JsonSchema;
  form: Record<string, unknown>;
  column?: number;
}) {
  const { pick } = useI18n();
  const answerOf = useAnswerOf();
  // On a phone, labels above their values: side by side they wrap a character a line.
  const phone = !Grid.useBreakpoint().md;
  const fields = useMemo(() => fieldsOf(schema), [schema]);
  const unnamed = Object.keys(form).filter((key) => !fields.some((field) => field.key === key));
  const items = [
    ...fields.map((field) => ({
      key: field.key,
      label: pick(field.title, field.titleEn),
      children: answerOf(field, form[field.key]),
    })),
    ...unnamed.map((key) => ({ key, label: key, children: answerOf(undefined, form[key]) })),
  ];
  return (
    <Descriptions
      bordered
      size="small"
      layout={phone ? 'vertical' : 'horizontal'}
      column={column ?? { xs: 1, md: 2 }}
      items={items}
    />
  );
}
