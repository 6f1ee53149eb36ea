import { useInfiniteQuery, useQuery, useQueries } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, Grid, Input, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { components } from '@parkline/client';
import { ENTERPRISE_ROLES } from '../../app/auth';
import { call, meQuery, parkline } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/zh-CN';
import { formatDate } from '../../shared/ui/format';
import { LoadMore } from '../../shared/ui/LoadMore';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { RecordList } from '../../shared/ui/RecordList';
import { useCatalogueNames, useStageNames } from '../parts/catalogue';
import { SLA_STATES, SlaBadge } from '../parts/SlaBadge';
import { APPLICATION_STATUSES, StatusTag } from '../parts/StatusTag';
import { useWorkingDaysLeft } from '../parts/workingDays';
import { apiQueryOf, filtersOf, searchOf, type ApplicationFilters } from './filters';

type ApplicationSummaryDto = components['schemas']['ApplicationSummaryDto'];

const PAGE_SIZE = 20;
/** Clocks run only while an application is being handled. */
const RUNNING = new Set<ApplicationSummaryDto['status']>(['IN_PROGRESS', 'SUPPLEMENT_REQUIRED', 'APPROVED']);

/** The deadline that comes first: the clock the row must keep. */
const tighterDeadline = (row: ApplicationSummaryDto) =>
  [row.promisedDeadline, row.statutoryDeadline].filter(Boolean).sort()[0];

function useEnterpriseNames(ids: string[], enabled: boolean) {
  const unique = [...new Set(ids)];
  const enterprises = useQueries({
    queries: unique.map((id) => ({
      queryKey: ['enterprises', id],
      queryFn: () => call(() => parkline.GET('/api/v1/enterprises/{id}', { params: { path: { id } } })),
      staleTime: 10 * 60_000,
      enabled,
    })),
  });
  const { pick } = useI18n();
  return (id: string) => {
    const enterprise = enterprises[unique.indexOf(id)]?.data;
    return enterprise ? pick(enterprise.name, enterprise.nameEn) : '…';
  };
}

function Filters({ filters, onChange }: { filters: ApplicationFilters; onChange: (next: ApplicationFilters) => void }) {
  const { t, pick } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const [expanded, setExpanded] = useState(false);
  const { services, departments } = useCatalogueNames();
  const set = (change: Partial<ApplicationFilters>) => onChange({ ...filters, ...change });
  const range: [dayjs.Dayjs | null, dayjs.Dayjs | null] = [
    filters.from ? dayjs(filters.from) : null,
    filters.to ? dayjs(filters.to) : null,
  ];
  const search = (
    <Input.Search
      aria-label={t('applications.list.search')}
      placeholder={t('applications.list.search')}
      defaultValue={filters.q}
      key={filters.q ?? ''}
      allowClear
      onSearch={(q) => set({ q: q.trim() || undefined })}
      style={{ minWidth: 220, flex: '2 1 220px' }}
    />
  );
  const statusOptions = APPLICATION_STATUSES.map((status) => ({
    value: status,
    label: t(`applications.status.${status}`),
  }));
  const slaOptions = SLA_STATES.map((sla) => ({ value: sla, label: t(`applications.sla.${sla}`) }));
  const serviceOptions = services?.map((service) => ({
    value: service.code,
    label: pick(service.name, service.nameEn),
  }));
  const departmentOptions = departments?.map((department) => ({
    value: department.code,
    label: pick(department.name, department.nameEn),
  }));
  /** One filter chosen from a list; long lists can be searched. */
  const choice = (
    name: 'status' | 'sla' | 'service' | 'department',
    label: MessageKey,
    options: { value: string; label: string }[] | undefined,
    searchable = false,
  ) => (
    <Select
      aria-label={t(label)}
      placeholder={t(label)}
      value={filters[name]}
      allowClear
      showSearch={searchable ? { optionFilterProp: 'label' } : undefined}
      onChange={(value?: string) => set({ [name]: value })}
      options={options}
      style={searchable ? { minWidth: 220, flex: '2 1 220px' } : { minWidth: 160, flex: '1 1 160px' }}
    />
  );
  // Phones show the search and open the other filters on demand: they would fill the screen.
  const active = Object.keys(filters).filter((name) => name !== 'q').length;
  if (phone && !expanded)
    return (
      <Flex gap={8}>
        {search}
        <Button onClick={() => setExpanded(true)} aria-expanded={false}>
          {active ? t('applications.list.filtersCount', { count: active }) : t('applications.list.filters')}
        </Button>
      </Flex>
    );
  return (
    <Flex wrap gap={8} role="search">
      {search}
      {choice('status', 'applications.list.status', statusOptions)}
      {choice('sla', 'applications.list.sla', slaOptions)}
      {choice('service', 'applications.list.service', serviceOptions, true)}
      {choice('department', 'applications.list.department', departmentOptions)}
      <DatePicker.RangePicker
        aria-label={t('applications.list.created')}
        placeholder={[t('applications.list.createdFrom'), t('applications.list.createdTo')]}
        value={range}
        allowEmpty={[true, true]}
        onChange={(dates) => set({ from: dates?.[0]?.format('YYYY-MM-DD'), to: dates?.[1]?.format('YYYY-MM-DD') })}
        style={{ minWidth: 240, flex: '0 1 300px' }}
      />
      {(filters.stage || filters.enterprise) && (
        <Space wrap>
          {filters.stage && (
            <Tag closable onClose={() => set({ stage: undefined })}>
              {t('applications.list.stage')}: {filters.stage}
            </Tag>
          )}
          {filters.enterprise && (
            <Tag closable onClose={() => set({ enterprise: undefined })}>
              {t('applications.list.enterprise')}
            </Tag>
          )}
        </Space>
      )}
      {Object.keys(filters).length > 0 && <Button onClick={() => onChange({})}>{t('applications.list.clear')}</Button>}
      {phone && (
        <Button type="link" onClick={() => setExpanded(false)} aria-expanded>
          {t('applications.list.hideFilters')}
        </Button>
      )}
    </Flex>
  );
}

/**
 * Applications the signed-in user may see (the API scopes them: an enterprise its own, a
 * department its queue, the park all), filtered by the URL so other screens can link to the
 * list behind a figure.
 */
export function ApplicationsPage() {
  const { t, language } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const { data: me } = useQuery(meQuery);
  const staff = me !== undefined && !ENTERPRISE_ROLES.includes(me.user.role);
  const list = useInfiniteQuery({
    queryKey: ['applications', 'list', filters],
    queryFn: ({ pageParam }) =>
      call(() =>
        parkline.GET('/api/v1/applications', {
          params: { query: { ...apiQueryOf(filters), limit: PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((page) => page.data) ?? [];
  const names = useCatalogueNames();
  const stageName = useStageNames(rows.map((row) => row.serviceCode));
  const running = rows.filter((row) => RUNNING.has(row.status));
  const daysLeft = useWorkingDaysLeft(running.map(tighterDeadline));
  const enterpriseName = useEnterpriseNames(
    rows.map((row) => row.enterpriseId),
    staff,
  );

  const sla = (row: ApplicationSummaryDto) =>
    RUNNING.has(row.status) ? <SlaBadge state={row.slaState} daysLeft={daysLeft(tighterDeadline(row))} /> : null;
  const number = (row: ApplicationSummaryDto) => <Link to={`/applications/${row.id}`}>{row.number}</Link>;
  const stage = (row: ApplicationSummaryDto) => (row.stage ? stageName(row.serviceCode, row.stage) : '—');

  const columns: ColumnsType<ApplicationSummaryDto> = [
    { key: 'number', title: t('applications.list.number'), render: (_, row) => number(row), width: 160 },
    { key: 'service', title: t('applications.list.service'), render: (_, row) => names.subject(row) },
    ...(staff
      ? [
          {
            key: 'enterprise',
            title: t('applications.list.enterprise'),
            render: (_: unknown, row: ApplicationSummaryDto) => enterpriseName(row.enterpriseId),
          },
        ]
      : []),
    {
      key: 'status',
      title: t('applications.list.status'),
      render: (_, row) => <StatusTag status={row.status} />,
      width: 110,
    },
    { key: 'stage', title: t('applications.list.stage'), render: (_, row) => stage(row) },
    {
      key: 'department',
      title: t('applications.list.department'),
      render: (_, row) => names.department(row.departmentCode),
    },
    { key: 'sla', title: t('applications.list.sla'), render: (_, row) => sla(row), width: 200 },
    {
      key: 'submittedAt',
      title: t('applications.list.submittedAt'),
      render: (_, row) => formatDate(row.submittedAt, language),
      width: 120,
    },
  ];

  return (
    <Card variant="borderless" styles={{ body: { padding: phone ? 12 : 24 } }}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(staff ? 'applications.list.titleStaff' : 'applications.list.title')}
        </Typography.Title>
        <Filters filters={filters} onChange={(next) => setParams(searchOf(next), { replace: true })} />
        {list.error ? (
          <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <RecordList
            rows={rows}
            loading={list.isLoading}
            empty={t('applications.list.empty')}
            columns={columns}
            card={(row) => ({
              title: (
                <Flex justify="space-between" gap={8}>
                  {number(row)}
                  <StatusTag status={row.status} />
                </Flex>
              ),
              description: (
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  <Typography.Text>{names.subject(row)}</Typography.Text>
                  {staff && <Typography.Text type="secondary">{enterpriseName(row.enterpriseId)}</Typography.Text>}
                  <Flex wrap gap={8} align="center">
                    <Typography.Text type="secondary">{stage(row)}</Typography.Text>
                    {sla(row)}
                    <Typography.Text type="secondary">{formatDate(row.submittedAt, language)}</Typography.Text>
                  </Flex>
                </Space>
              ),
            })}
          />
        )}
        <LoadMore query={list} />
      </Space>
    </Card>
  );
}
