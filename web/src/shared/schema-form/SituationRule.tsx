import { useI18n } from '../i18n/i18n';
import type { FormField } from './fields';
import type { JsonSchema } from './json-schema';
import { conditionsOf, type Answer, type Condition } from './situations';

function useAnswerText(): (answer: Answer) => string {
  const { t, pick } = useI18n();
  return ({ value, option }) => {
    if (option) return pick(option.label, option.labelEn);
    if (typeof value === 'boolean') return value ? t('schemaForm.yes') : t('schemaForm.no');
    return String(value);
  };
}

/** "Required when <field> is A or B and …": a situation rule in the user's words. */
export function SituationRule({
  rule,
  fields,
}: {
  rule: JsonSchema;
  fields: readonly FormField[];
}) {
  const { t, pick } = useI18n();
  const answerText = useAnswerText();
  const conditions = conditionsOf(rule, fields);
  if (!conditions) return <>{t('schemaForm.when.unexplained')}</>;
  const sentence = ({ field, formField, test, answers }: Condition) => {
    const title = formField ? pick(formField.title, formField.titleEn) : field;
    const listed = answers.map(answerText).join(t('schemaForm.when.or'));
    if (test === 'answered') return t('schemaForm.when.answered', { field: title });
    if (test === 'includes')
      return t('schemaForm.when.includes', { field: title, answers: listed });
    return t('schemaForm.when.is', { field: title, answers: listed });
  };
  return (
    <>
      {t('schemaForm.when', {
        conditions: conditions.map(sentence).join(t('schemaForm.when.and')),
      })}
    </>
  );
}
