import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Flex, Grid, List, Result, Row, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ParklineApiError } from '@parkline/client';
import { ENTERPRISE_ROLES } from '../../app/auth';
import { meQuery } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/ui/format';
import { PageSkeleton } from '../../shared/ui/PageSkeleton';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useCatalogueNames } from '../parts/catalogue';
import { nameOf, useApplicationDefinition, type ApplicationDto } from '../parts/definition';
import { FormAnswers } from '../parts/FormAnswers';
import { MaterialList } from '../parts/MaterialList';
import { ClockText } from '../parts/ClockText';
import { EnterpriseName } from '../parts/EnterpriseName';
import { SlaBadge } from '../parts/SlaBadge';
import { StatusTag } from '../parts/StatusTag';
import { Timeline } from '../parts/Timeline';
import { inWords } from '../parts/words';
import { ApplicationActions } from './ApplicationActions';
import { CertificateCard } from './CertificateCard';
import { applicationQuery } from './queries';
import { RATABLE, RatingCard } from './RatingCard';
import { SupplementNotice } from './SupplementNotice';

/** Clocks run while the application is handled; once decided, its deadlines are history. */
const RUNNING = new Set<ApplicationDto['status']>(['IN_PROGRESS', 'SUPPLEMENT_REQUIRED', 'APPROVED']);
const ISSUED = new Set<ApplicationDto['status']>(['APPROVED', 'COMPLETED']);

function Header({ application, staff }: { application: ApplicationDto; staff: boolean }) {
  const { t, pick, language } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const names = useCatalogueNames();
  const { definition } = useApplicationDefinition(application);
  const outcome = application.outcomeReason;
  const items = [
    {
      key: 'service',
      label: t('applications.list.service'),
      children: definition ? pick(definition.name, definition.nameEn) : names.subject(application),
    },
    ...(staff
      ? [
          {
            key: 'enterprise',
            label: t('applications.list.enterprise'),
            children: <EnterpriseName id={application.enterpriseId} />,
          },
        ]
      : []),
    {
      key: 'stage',
      label: t('applications.list.stage'),
      children: nameOf(definition?.stages, application.stage, pick),
    },
    {
      key: 'department',
      label: t('applications.list.department'),
      children: names.department(application.departmentCode),
    },
    {
      key: 'submittedAt',
      label: t('applications.list.submittedAt'),
      children: formatDateTime(application.submittedAt, language),
    },
    ...(application.finishedAt
      ? [
          {
            key: 'finishedAt',
            label: t('applications.detail.finishedAt'),
            children: formatDateTime(application.finishedAt, language),
          },
        ]
      : []),
    ...(application.sla
      ? [
          {
            key: 'promised',
            label: t('applications.clock.promised'),
            children: <ClockText clock={application.sla.promised} />,
          },
          {
            key: 'statutory',
            label: t('applications.clock.statutory'),
            children: <ClockText clock={application.sla.statutory} />,
          },
        ]
      : []),
    ...(outcome
      ? [
          {
            key: 'outcome',
            label: t('applications.detail.outcome'),
            children: inWords(t, language, `applications.outcome.${outcome}`) ?? outcome,
          },
        ]
      : []),
  ];
  return <Descriptions size="small" column={phone ? 1 : { md: 2, xl: 3 }} items={items} style={{ marginTop: 8 }} />;
}

function Children({ application }: { application: ApplicationDto }) {
  const { t } = useI18n();
  const names = useCatalogueNames();
  if (!application.children?.length) return null;
  return (
    <Card title={t('applications.detail.children')}>
      <List
        dataSource={application.children}
        renderItem={(child) => (
          <List.Item key={child.id} extra={<StatusTag status={child.status} />}>
            <List.Item.Meta
              title={<Link to={`/applications/${child.id}`}>{names.subject(child)}</Link>}
              description={
                child.waitingFor
                  ? t('applications.detail.waitingFor', { service: names.subject({ serviceCode: child.waitingFor }) })
                  : child.outcomeReason
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

/**
 * One application: where it stands (status, stage, both clocks), the supplement notice and
 * its answer, the certificate, the rating, the form, the materials and the timeline.
 */
export function ApplicationPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const application = useQuery(applicationQuery(id));
  const { data: me } = useQuery(meQuery);
  const { definition } = useApplicationDefinition(
    application.data ?? { serviceCode: null, serviceVersion: null, bundleCode: null },
  );
  if (application.isLoading) return <PageSkeleton rows={10} />;
  if (application.error instanceof ParklineApiError && application.error.status === 404)
    return (
      <Result
        status="404"
        title={t('applications.detail.notFound')}
        extra={<Link to="/applications">{t('app.back')}</Link>}
      />
    );
  if (application.error || !application.data)
    return <ProblemAlert error={application.error} onRetry={() => void application.refetch()} />;
  const shown = application.data;
  const enterprise = me !== undefined && ENTERPRISE_ROLES.includes(me.user.role);
  const staff = me !== undefined && !enterprise;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Flex wrap justify="space-between" gap={12} align="flex-start">
          <Space orientation="vertical" size={4}>
            <Link to="/applications">← {t('applications.detail.backToList')}</Link>
            <Flex wrap gap={8} align="center">
              <Typography.Title level={3} style={{ margin: 0 }}>
                {shown.number}
              </Typography.Title>
              <StatusTag status={shown.status} />
              {shown.sla && RUNNING.has(shown.status) && <SlaBadge sla={shown.sla} />}
            </Flex>
          </Space>
          {enterprise && <ApplicationActions application={shown} definition={definition} />}
        </Flex>
        <Header application={shown} staff={staff} />
      </Card>
      <SupplementNotice application={shown} definition={definition} canAnswer={enterprise} />
      {ISSUED.has(shown.status) && definition?.certificate && (
        <CertificateCard applicationId={shown.id} definition={definition} />
      )}
      {RATABLE.has(shown.status) && <RatingCard application={shown} canRate={enterprise} />}
      <Children application={shown} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('applications.detail.form')}>
              <FormAnswers application={shown} />
            </Card>
            <Card title={t('applications.detail.materials')}>
              <MaterialList application={shown} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={9}>
          <Card title={t('applications.detail.timeline')}>
            <Timeline application={shown} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
