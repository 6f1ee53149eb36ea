import { CheckCircleOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Grid, Input, Segmented, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { enterpriseDtoSectorValues } from '@parkline/client';
import { useI18n } from '../../shared/i18n/i18n';
import { CardList } from '../CardList';
import { formatDate, formatDateTime } from '../../shared/ui/format';
import { LoadMore } from '../../shared/ui/LoadMore';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useEnterprises, type Enterprise, type EnterpriseFilter, type Sector, type VerificationView } from './enterprises';
import { VerifyDialog } from './VerifyDialog';

const VIEWS: VerificationView[] = ['awaiting', 'verified', 'all'];
const SECTORS = enterpriseDtoSectorValues;

function filterOf(params: URLSearchParams): EnterpriseFilter {
  const view = params.get('view') as VerificationView | null;
  const sector = params.get('sector') as Sector | null;
  return {
    view: view && VIEWS.includes(view) ? view : 'awaiting',
    sector: sector && SECTORS.includes(sector) ? sector : undefined,
    q: params.get('q') ?? undefined,
  };
}

/** Enterprises awaiting verification (or all of them), and their verification with notes. */
export function EnterprisesPage() {
  const { t } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const enterprises = useEnterprises(filter);
  const [verifying, setVerifying] = useState<Enterprise>();
  const setFilter = (next: EnterpriseFilter) => {
    const search = new URLSearchParams();
    if (next.view !== 'awaiting') search.set('view', next.view);
    if (next.sector) search.set('sector', next.sector);
    if (next.q) search.set('q', next.q);
    setParams(search, { replace: true });
  };
  const rows = enterprises.data?.pages.flatMap((page) => page.data) ?? [];
  const list = { rows, loading: enterprises.isPending, onVerify: setVerifying };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('officer.enterprises.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('officer.enterprises.subtitle')}</Typography.Text>
      </div>
      <Flex gap={12} wrap align={phone ? 'stretch' : 'center'} vertical={phone}>
        <Segmented<VerificationView>
          aria-label={t('officer.enterprises.view')}
          value={filter.view}
          onChange={(view) => setFilter({ ...filter, view })}
          options={VIEWS.map((view) => ({ value: view, label: t(`officer.enterprises.view.${view}`) }))}
          block={phone}
        />
        <Select<Sector | 'ANY'>
          aria-label={t('officer.enterprise.sector')}
          value={filter.sector ?? 'ANY'}
          onChange={(sector) => setFilter({ ...filter, sector: sector === 'ANY' ? undefined : sector })}
          options={[
            { value: 'ANY', label: t('officer.enterprises.anySector') },
            ...SECTORS.map((sector) => ({ value: sector, label: t(`officer.sector.${sector}`) })),
          ]}
          style={{ minWidth: 180, width: phone ? '100%' : undefined }}
        />
        <Input.Search
          key={filter.q ?? ''}
          aria-label={t('officer.enterprises.search')}
          placeholder={t('officer.enterprises.search')}
          defaultValue={filter.q}
          allowClear
          onSearch={(q) => setFilter({ ...filter, q: q.trim() || undefined })}
          style={{ width: phone ? '100%' : 320 }}
        />
      </Flex>
      {enterprises.isError ? (
        <ProblemAlert error={enterprises.error} onRetry={() => void enterprises.refetch()} />
      ) : phone ? (
        <EnterpriseList {...list} />
      ) : (
        <EnterpriseTable {...list} />
      )}
      <LoadMore query={enterprises} />
      <VerifyDialog enterprise={verifying} onClose={() => setVerifying(undefined)} />
    </Space>
  );
}

interface EnterpriseRowsProps {
  rows: Enterprise[];
  loading: boolean;
  onVerify: (enterprise: Enterprise) => void;
}

function Verification({ enterprise, onVerify }: { enterprise: Enterprise; onVerify: (enterprise: Enterprise) => void }) {
  const { t, pick, language } = useI18n();
  if (enterprise.verified)
    return (
      <Tag color="success" icon={<CheckCircleOutlined />}>
        {t('officer.enterprises.verifiedOn', { date: formatDate(enterprise.verifiedAt, language) })}
      </Tag>
    );
  return (
    <Button
      type="primary"
      size="small"
      onClick={() => onVerify(enterprise)}
      aria-label={`${t('officer.verify.open')} ${pick(enterprise.name, enterprise.nameEn)}`}
    >
      {t('officer.verify.open')}
    </Button>
  );
}

function EnterpriseName({ enterprise }: { enterprise: Enterprise }) {
  const { pick, language } = useI18n();
  const other = language === 'en-US' ? enterprise.name : enterprise.nameEn;
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text strong>{pick(enterprise.name, enterprise.nameEn)}</Typography.Text>
      {other && other !== pick(enterprise.name, enterprise.nameEn) && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {other}
        </Typography.Text>
      )}
    </Space>
  );
}

function EnterpriseTable({ rows, loading, onVerify }: EnterpriseRowsProps) {
  const { t, language } = useI18n();
  const columns: ColumnsType<Enterprise> = [
    { key: 'name', title: t('officer.enterprise.name'), render: (_, row) => <EnterpriseName enterprise={row} /> },
    {
      key: 'credit',
      title: t('officer.enterprise.creditCode'),
      render: (_, row) => <Typography.Text style={{ fontFamily: 'monospace' }}>{row.creditCode}</Typography.Text>,
    },
    { key: 'sector', title: t('officer.enterprise.sector'), render: (_, row) => t(`officer.sector.${row.sector}`) },
    { key: 'zone', title: t('officer.enterprise.zone'), dataIndex: 'zone' },
    { key: 'legal', title: t('officer.enterprise.legalRepresentative'), render: (_, row) => row.legalRepresentative ?? '—' },
    {
      key: 'registered',
      title: t('officer.enterprise.registered'),
      render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.createdAt, language)}</span>,
    },
    { key: 'verification', title: t('officer.enterprise.verification'), render: (_, row) => <Verification enterprise={row} onVerify={onVerify} /> },
  ];
  return (
    <Table<Enterprise>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: true }}
      locale={{ emptyText: t('officer.enterprises.none') }}
    />
  );
}

function EnterpriseList({ rows, loading, onVerify }: EnterpriseRowsProps) {
  const { t, language } = useI18n();
  if (loading)
    return (
      <Card aria-busy="true">
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  if (!rows.length) return <Empty description={t('officer.enterprises.none')} />;
  return (
    <CardList
      rows={rows}
      label={t('officer.enterprises.title')}
      renderRow={(row) => (
        <Flex vertical gap={6}>
          <EnterpriseName enterprise={row} />
          <Typography.Text style={{ fontFamily: 'monospace' }}>{row.creditCode}</Typography.Text>
          <Typography.Text type="secondary">
            {t(`officer.sector.${row.sector}`)} · {row.zone} · {formatDate(row.createdAt, language)}
          </Typography.Text>
          <div>
            <Verification enterprise={row} onVerify={onVerify} />
          </div>
        </Flex>
      )}
    />
  );
}
