import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@parkline/client';
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { call, parkline } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { useCatalogueNames } from '../../shared/ui/catalogue-lookups';
import { formatDateTime } from '../../shared/ui/format';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { AdminHeader } from '../parts/AdminHeader';
import { CategoryTag, VersionStatusTag } from './ServiceTags';

type VersionSummary = components['schemas']['ServiceVersionSummaryDto'];

export const serviceQuery = (code: string) => ({
  queryKey: ['services', code],
  queryFn: () =>
    call(() => parkline.GET('/api/v1/services/{code}', { params: { path: { code } } })),
});

export const versionsQuery = (code: string) => ({
  queryKey: ['services', code, 'versions'],
  queryFn: () =>
    call(() => parkline.GET('/api/v1/services/{code}/versions', { params: { path: { code } } })),
});

/** A service's versions: open a draft, edit it, publish it; or retire the service. */
export function ServicePage() {
  const { code = '' } = useParams();
  const { t, pick, language } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { departmentName } = useCatalogueNames();
  const service = useQuery(serviceQuery(code));
  const versions = useQuery(versionsQuery(code));
  const draft = versions.data?.find((version) => version.status === 'DRAFT');
  const editorOf = (version: number) => `/admin/services/${code}/versions/${version}`;

  const openDraft = useMutation({
    mutationFn: () =>
      call(() =>
        parkline.POST('/api/v1/services/{code}/versions', {
          params: { path: { code }, header: { 'Idempotency-Key': crypto.randomUUID() } },
          body: {},
        }),
      ),
    onSuccess: (opened) => {
      void queryClient.invalidateQueries({ queryKey: ['services', code, 'versions'] });
      navigate(editorOf(opened.version));
    },
  });
  const retire = useMutation({
    mutationFn: () =>
      call(() =>
        parkline.POST('/api/v1/services/{code}/retire', {
          params: { path: { code }, header: { 'Idempotency-Key': crypto.randomUUID() } },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['services'] });
      message.success(t('admin.services.retiredNow'));
    },
  });

  const columns: TableColumnsType<VersionSummary> = [
    {
      title: t('admin.services.version'),
      dataIndex: 'version',
      render: (version: number) => <Link to={editorOf(version)}>v{version}</Link>,
    },
    {
      title: t('admin.services.state'),
      key: 'status',
      render: (_, version) => (
        <VersionStatusTag status={version.status} current={version.current} />
      ),
    },
    {
      title: t('admin.services.source'),
      dataIndex: 'source',
      render: (source: VersionSummary['source']) =>
        source === 'SEED' ? t('admin.services.sourceSeed') : t('admin.services.sourceAdmin'),
    },
    {
      title: t('admin.services.createdAt'),
      dataIndex: 'createdAt',
      render: (iso: string) => formatDateTime(iso, language),
    },
    {
      title: t('admin.services.publishedAt'),
      dataIndex: 'publishedAt',
      render: (iso: string | null) => formatDateTime(iso, language),
    },
    {
      title: t('admin.actions'),
      key: 'actions',
      render: (_, version) => (
        <Link to={editorOf(version.version)}>
          {version.status === 'DRAFT' ? t('admin.services.editDraft') : t('admin.services.view')}
        </Link>
      ),
    },
  ];

  const retired = service.data?.retired;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[{ title: <Link to="/admin/services">{t('nav.services')}</Link> }, { title: code }]}
      />
      <AdminHeader
        title={service.data ? pick(service.data.name, service.data.nameEn) : code}
        actions={
          <>
            {draft ? (
              <Button type="primary" onClick={() => navigate(editorOf(draft.version))}>
                {t('admin.services.editDraftVersion', { version: draft.version })}
              </Button>
            ) : (
              <Button
                type="primary"
                loading={openDraft.isPending}
                disabled={!versions.data || retired}
                onClick={() => openDraft.mutate()}
              >
                {t('admin.services.openDraft')}
              </Button>
            )}
            {!retired && (
              <Popconfirm
                title={t('admin.services.retireConfirm')}
                description={t('admin.services.retireHelp')}
                okText={t('admin.services.retire')}
                okButtonProps={{ danger: true }}
                cancelText={t('app.cancel')}
                onConfirm={() => retire.mutateAsync()}
              >
                <Button danger disabled={!service.data} loading={retire.isPending}>
                  {t('admin.services.retire')}
                </Button>
              </Popconfirm>
            )}
          </>
        }
      />
      {[service, versions, openDraft, retire].map(
        (state, index) => state.isError && <ProblemAlert key={index} error={state.error} />,
      )}
      <Card size="small" loading={service.isPending}>
        {service.data && (
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('admin.services.code')}>
              <Typography.Text copyable>{code}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('admin.services.category')}>
              <CategoryTag category={service.data.category} />
            </Descriptions.Item>
            <Descriptions.Item label={t('admin.services.state')}>
              {retired ? (
                <Tag>{t('admin.services.retired')}</Tag>
              ) : (
                <Tag color="success">{t('admin.services.open')}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('admin.services.department')}>
              {departmentName(service.data.departmentCode)}
            </Descriptions.Item>
            <Descriptions.Item label={t('admin.services.currentVersion')}>
              v{service.data.version}
            </Descriptions.Item>
            <Descriptions.Item label={t('admin.services.workingDays')}>
              {service.data.statutoryWorkingDays == null
                ? t('admin.services.daysPromisedOnly', { promised: service.data.promisedWorkingDays })
                : t('admin.services.daysPromisedStatutory', {
                    promised: service.data.promisedWorkingDays,
                    statutory: service.data.statutoryWorkingDays,
                  })}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card size="small" title={t('admin.services.versions')}>
        <Table<VersionSummary>
          size="small"
          rowKey="version"
          columns={columns}
          dataSource={versions.data}
          loading={versions.isPending}
          pagination={false}
          scroll={{ x: 720 }}
        />
      </Card>
    </Space>
  );
}
