import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Grid, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { call, parkline } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/ui/format';
import { PageSkeleton } from '../../shared/ui/PageSkeleton';
import { CatalogueEntry, CatalogueEntryProblem } from './CatalogueEntry';
import { CatalogueMaterials, FieldsPreview } from './CatalogueMaterials';
import { FileButton } from './FileButton';
import { serviceQuery, useDepartmentName, type Service } from './queries';

/** Drafts of this service the enterprise has begun: continue one rather than start again. */
function OpenDrafts({ serviceCode }: { serviceCode: string }) {
  const { t, language } = useI18n();
  const drafts = useQuery({
    queryKey: ['applications', { status: 'DRAFT', service: serviceCode }],
    queryFn: () =>
      call(() =>
        parkline.GET('/api/v1/applications', {
          params: { query: { status: 'DRAFT', service: serviceCode, limit: 5 } },
        }),
      ),
  });
  const open = drafts.data?.data ?? [];
  if (open.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      title={t('catalogue.service.drafts', { count: open.length })}
      description={
        <Space orientation="vertical" size={2}>
          {open.map((draft) => (
            <Link key={draft.id} to={`/applications/${draft.id}/edit`}>
              {t('catalogue.service.continueDraft', { number: draft.number })} ·{' '}
              {formatDateTime(draft.createdAt, language)}
            </Link>
          ))}
        </Space>
      }
    />
  );
}

/** The service's facts: who handles it, on what legal basis, how fast, at what fee, with what result. */
function ServiceFacts({ service }: { service: Service }) {
  const { t, pick } = useI18n();
  const departmentName = useDepartmentName();
  const certificate = service.certificate;
  // On a phone, labels above their values: side by side they wrap a character a line.
  const phone = !Grid.useBreakpoint().md;
  return (
    <Descriptions
      bordered
      layout={phone ? 'vertical' : 'horizontal'}
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        {
          key: 'department',
          label: t('catalogue.column.department'),
          children: departmentName(service.departmentCode),
        },
        {
          key: 'category',
          label: t('catalogue.column.category'),
          children:
            service.category === 'BASIC'
              ? t('catalogue.category.BASIC')
              : t('catalogue.category.VALUE_ADDED'),
        },
        ...(service.competentAuthority
          ? [
              {
                key: 'competentAuthority',
                label: t('catalogue.service.competentAuthority'),
                children: service.competentAuthority,
                span: 'filled' as const,
              },
            ]
          : []),
        {
          key: 'legalBasis',
          label: t('catalogue.service.legalBasis'),
          children: service.legalBasis,
          span: 'filled',
        },
        ...(service.timeLimitBasis
          ? [
              {
                key: 'timeLimitBasis',
                label: t('catalogue.service.timeLimitBasis'),
                children: service.timeLimitBasis,
                span: 'filled' as const,
              },
            ]
          : []),
        {
          key: 'promised',
          label: t('catalogue.promisedDays'),
          children: t('catalogue.days', { days: service.promisedWorkingDays }),
        },
        {
          key: 'statutory',
          label: t('catalogue.statutoryDays'),
          children:
            service.statutoryWorkingDays == null
              ? t('catalogue.noStatutory')
              : t('catalogue.days', { days: service.statutoryWorkingDays }),
        },
        {
          key: 'fee',
          label: t('catalogue.service.fee'),
          children:
            service.feeCny === 0
              ? t('catalogue.service.free')
              : t('catalogue.service.feeCny', { fee: service.feeCny }),
        },
        {
          key: 'certificate',
          label: t('catalogue.service.certificate'),
          children: certificate ? (
            <>
              {pick(certificate.titleZh, certificate.titleEn)}
              <Typography.Text type="secondary">
                {' '}
                (
                {certificate.validityMonths
                  ? t('catalogue.service.validity', { months: certificate.validityMonths })
                  : t('catalogue.service.noExpiry')}
                )
              </Typography.Text>
            </>
          ) : (
            t('catalogue.service.noCertificate')
          ),
        },
      ]}
    />
  );
}

/** A service of the catalogue: its facts, materials and form, and the button that files it. */
export function ServicePage() {
  const { code = '' } = useParams();
  const { t } = useI18n();
  const service = useQuery(serviceQuery(code));
  if (service.isPending) return <PageSkeleton rows={12} />;
  if (service.error)
    return (
      <CatalogueEntryProblem
        error={service.error}
        retry={() => void service.refetch()}
        back="/catalogue"
      />
    );
  const data = service.data;
  return (
    <CatalogueEntry
      name={data.name}
      nameEn={data.nameEn}
      back="/catalogue"
      about={
        <>
          <Tag>{t('catalogue.service.version', { version: data.version })}</Tag>
          {data.retired && <Tag>{t('catalogue.retired')}</Tag>}
          {data.description && (
            <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{data.description}</Typography.Paragraph>
          )}
          {data.retired && (
            <Alert
              style={{ marginTop: 8 }}
              type="warning"
              showIcon
              title={t('catalogue.service.retiredNote')}
            />
          )}
        </>
      }
      action={
        <FileButton
          target={{ serviceCode: data.code }}
          label={t('catalogue.service.file')}
          disabled={data.retired}
        />
      }
    >
      <OpenDrafts serviceCode={data.code} />
      <Card variant="borderless" title={t('catalogue.service.facts')}>
        <ServiceFacts service={data} />
      </Card>
      <Card variant="borderless" title={t('catalogue.service.materials')}>
        <CatalogueMaterials materials={data.materials} formSchema={data.formSchema} />
      </Card>
      <Card variant="borderless" title={t('catalogue.service.fields')}>
        <FieldsPreview formSchema={data.formSchema} />
      </Card>
    </CatalogueEntry>
  );
}
