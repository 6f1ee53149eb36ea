import { Skeleton } from 'antd';
import { FormAnswers as SchemaAnswers } from '../../shared/schema-form';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useApplicationDefinition, type ApplicationDto } from './definition';

/** The application's form answers, labelled by the titles of the version it was filed under. */
export function FormAnswers({
  application,
}: {
  application: Pick<ApplicationDto, 'form' | 'serviceCode' | 'serviceVersion' | 'bundleCode'>;
}) {
  const { definition, isLoading, error } = useApplicationDefinition(application);
  if (isLoading) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (error) return <ProblemAlert error={error} />;
  return <SchemaAnswers schema={definition?.formSchema ?? {}} form={application.form} />;
}
