import { Descriptions, Grid, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n';
import { answeredFields, answerText } from './answers';
import { fieldsOf } from './fields';
import type { JsonSchema } from './json-schema';

/**
 * The answers of a filed form, read-only, labelled by its schema. Answers the schema no longer
 * names (another catalogue version) are shown too, under their field key.
 */
export function FormAnswers({ schema, form }: { schema: JsonSchema; form: Record<string, unknown> }) {
  const { t, pick, language } = useI18n();
  // On a phone, labels above their values: side by side they wrap a character a line.
  const phone = !Grid.useBreakpoint().md;
  const fields = useMemo(() => fieldsOf(schema), [schema]);
  const answered = answeredFields(fields, form);
  if (answered.length === 0) return <Typography.Text type="secondary">{t('app.empty')}</Typography.Text>;
  const words = { yes: t('schemaForm.yes'), no: t('schemaForm.no') };
  return (
    <Descriptions
      bordered
      size="small"
      layout={phone ? 'vertical' : 'horizontal'}
      column={phone ? 1 : 2}
      items={answered.map(({ key, field }) => ({
        key,
        label: field ? pick(field.title, field.titleEn) : key,
        children: answerText(form[key], field, language, words),
      }))}
    />
  );
}
