import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import { PageSkeleton } from '../../shared/ui/PageSkeleton';
import { CatalogueEntry, CatalogueEntryProblem } from './CatalogueEntry';
import { CatalogueMaterials, FieldsPreview, rowsStyle, rowStyle } from './CatalogueMaterials';
import { FileButton } from './FileButton';
import { bundleQuery, useDepartmentName } from './queries';

const BACK = '/catalogue?tab=bundles';

/** A "one thing" bundle: its services, the order they run in, one form and one set of materials. */
export function BundlePage() {
  const { code = '' } = useParams();
  const { t, pick } = useI18n();
  const departmentName = useDepartmentName();
  const bundle = useQuery(bundleQuery(code));
  if (bundle.isPending) return <PageSkeleton rows={12} />;
  if (bundle.error)
    return (
      <CatalogueEntryProblem error={bundle.error} retry={() => void bundle.refetch()} back={BACK} />
    );
  const data = bundle.data;
  const serviceName = (serviceCode: string) => {
    const member = data.services.find((candidate) => candidate.serviceCode === serviceCode);
    return member ? pick(member.name, member.nameEn) : serviceCode;
  };
  return (
    <CatalogueEntry
      name={data.name}
      nameEn={data.nameEn}
      back={BACK}
      about={
        <Typography.Paragraph style={{ marginBottom: 0 }}>{data.description}</Typography.Paragraph>
      }
      action={<FileButton target={{ bundleCode: data.code }} label={t('catalogue.bundle.file')} />}
    >
      <Card variant="borderless" title={t('catalogue.bundle.services')}>
        <ul style={rowsStyle}>
          {data.services.map((member) => (
            <li key={member.serviceCode} style={rowStyle}>
              <Flex wrap gap={8} justify="space-between">
                <Link to={`/catalogue/${member.serviceCode}`}>
                  {pick(member.name, member.nameEn)}
                </Link>
                <Typography.Text type="secondary">
                  {departmentName(member.departmentCode)}
                </Typography.Text>
              </Flex>
            </li>
          ))}
        </ul>
        <Typography.Title level={5}>{t('catalogue.bundle.order')}</Typography.Title>
        {data.prerequisites.length === 0 ? (
          <Typography.Text>{t('catalogue.bundle.parallel')}</Typography.Text>
        ) : (
          <ul style={{ ...rowsStyle, display: 'grid', gap: 4 }}>
            {data.prerequisites.map((prerequisite) => (
              <li key={`${prerequisite.serviceCode}-${prerequisite.requires}`}>
                {t('catalogue.bundle.prerequisite', {
                  service: serviceName(prerequisite.serviceCode),
                  requires: serviceName(prerequisite.requires),
                })}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card variant="borderless" title={t('catalogue.service.materials')}>
        <Typography.Paragraph type="secondary">
          {t('catalogue.bundle.materialsNote')}
        </Typography.Paragraph>
        <CatalogueMaterials
          materials={data.materials}
          formSchema={data.formSchema}
          serviceName={serviceName}
        />
      </Card>
      <Card variant="borderless" title={t('catalogue.service.fields')}>
        <Typography.Paragraph type="secondary">
          {t('catalogue.bundle.fieldsNote')}
        </Typography.Paragraph>
        <FieldsPreview formSchema={data.formSchema} />
      </Card>
    </CatalogueEntry>
  );
}
