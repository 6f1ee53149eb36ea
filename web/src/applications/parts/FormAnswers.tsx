import { Descriptions, Grid, Skeleton, Typography } from 'antd';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { fieldsOf, fieldTitle, formatAnswer } from './answers';
import { useApplicationDefinition, type ApplicationDto } from './definition';

/** The application's form answers, labelled by the titles of the version it was filed under. */
export function FormAnswers({
  application,
}: {
  application: Pick<ApplicationDto, 'form' | 'serviceCode' | 'serviceVersion' | 'bundleCode'>;
}) {
  const { t, language } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const { definition, isLoading, error } = useApplicationDefinition(application);
  if (isLoading) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (error) return <ProblemAlert error={error} />;
  const fields = fieldsOf(definition?.formSchema ?? {}, application.form);
  if (fields.length === 0) return <Typography.Text type="secondary">{t('app.empty')}</Typography.Text>;
  const words = { yes: t('applications.answer.yes'), no: t('applications.answer.no') };
  return (
    <Descriptions
      bordered
      size="small"
      column={phone ? 1 : 2}
      layout={phone ? 'vertical' : 'horizontal'}
      items={fields.map(({ key, schema }) => ({
        key,
        label: fieldTitle(key, schema, language),
        children: formatAnswer(application.form[key], schema, language, words),
      }))}
    />
  );
}
