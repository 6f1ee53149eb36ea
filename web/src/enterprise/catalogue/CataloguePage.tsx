import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Card,
  Col,
  Empty,
  Flex,
  Input,
  Row,
  Segmented,
  Select,
  Skeleton,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { AppstoreOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import {
  bundlesQuery,
  departmentsQuery,
  KEY_ISSUES,
  servicesQuery,
  useDepartmentName,
  type Category,
  type KeyIssue,
  type ServiceFilters,
  type ServiceSummary,
} from './queries';

const CATEGORIES: Category[] = ['BASIC', 'VALUE_ADDED'];
const SEARCH_DELAY_MS = 300;

/** The filters live in the address, so a search can be shared, reloaded and gone back to. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const category = params.get('category');
  const keyIssue = params.get('keyIssue');
  const filters: ServiceFilters = {
    keyIssue: KEY_ISSUES.includes(keyIssue as KeyIssue) ? (keyIssue as KeyIssue) : undefined,
    q: params.get('q') || undefined,
    category: CATEGORIES.includes(category as Category) ? (category as Category) : undefined,
    department: params.get('department') || undefined,
  };
  const set = (name: string, value: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  return {
    filters,
    tab: params.get('tab') ?? 'services',
    view: params.get('view') ?? 'cards',
    set,
  };
}

function SearchBox({
  value,
  onSearch,
}: {
  value?: string;
  onSearch: (q: string | undefined) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(value ?? '');
  const search = useRef(onSearch);
  search.current = onSearch;
  // Searches once the user pauses typing, not on every key.
  useEffect(() => {
    if (text.trim() === (value ?? '')) return;
    const timer = setTimeout(() => search.current(text.trim() || undefined), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value]);
  return (
    <Input.Search
      aria-label={t('app.search')}
      placeholder={t('catalogue.searchPlaceholder')}
      allowClear
      value={text}
      onChange={(event) => setText(event.target.value)}
      onSearch={(q) => onSearch(q.trim() || undefined)}
      style={{ maxWidth: 360, flex: '1 1 240px' }}
    />
  );
}

function CategoryTag({ category }: { category: Category }) {
  const { t } = useI18n();
  return (
    <Tag color={category === 'BASIC' ? 'geekblue' : 'green'}>
      {category === 'BASIC' ? t('catalogue.category.BASIC') : t('catalogue.category.VALUE_ADDED')}
    </Tag>
  );
}

function KeyIssueTags({ service }: { service: ServiceSummary }) {
  const { t } = useI18n();
  return service.keyIssues.map((issue) => (
    <Tag key={issue} color="gold">
      {t(`catalogue.keyIssue.${issue}`)}
    </Tag>
  ));
}

function ServiceCard({ service }: { service: ServiceSummary }) {
  const { t, pick, language } = useI18n();
  const departmentName = useDepartmentName();
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Flex vertical gap={6}>
        <Link to={`/catalogue/${service.code}`} style={{ fontWeight: 600 }}>
          {pick(service.name, service.nameEn)}
        </Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {language === 'zh-CN' ? service.nameEn : service.name}
        </Typography.Text>
        <div>
          <CategoryTag category={service.category} />
          <Tag>{departmentName(service.departmentCode)}</Tag>
          <KeyIssueTags service={service} />
          {service.retired && <Tag color="default">{t('catalogue.retired')}</Tag>}
        </div>
        <Typography.Text style={{ fontSize: 13 }}>
          {t('catalogue.promisedShort', { days: service.promisedWorkingDays })} ·{' '}
          <Typography.Text type="secondary">
            {service.statutoryWorkingDays == null
              ? t('catalogue.noStatutory')
              : t('catalogue.statutoryShort', { days: service.statutoryWorkingDays })}
          </Typography.Text>
        </Typography.Text>
      </Flex>
    </Card>
  );
}

function ServiceTable({ services, loading }: { services: ServiceSummary[]; loading: boolean }) {
  const { t, pick } = useI18n();
  const departmentName = useDepartmentName();
  return (
    <Table<ServiceSummary>
      rowKey="code"
      size="middle"
      loading={loading}
      dataSource={services}
      pagination={false}
      scroll={{ x: true }}
      columns={[
        {
          title: t('catalogue.column.name'),
          key: 'name',
          render: (_, service) => (
            <Link to={`/catalogue/${service.code}`}>{pick(service.name, service.nameEn)}</Link>
          ),
        },
        {
          title: t('catalogue.column.department'),
          key: 'department',
          render: (_, service) => departmentName(service.departmentCode),
        },
        {
          title: t('catalogue.column.category'),
          key: 'category',
          render: (_, service) => <CategoryTag category={service.category} />,
        },
        {
          title: t('catalogue.promisedDays'),
          dataIndex: 'promisedWorkingDays',
          align: 'right',
          render: (days: number) => t('catalogue.days', { days }),
        },
        {
          title: t('catalogue.statutoryDays'),
          dataIndex: 'statutoryWorkingDays',
          align: 'right',
          render: (days: number | null) =>
            days == null ? t('catalogue.noStatutory') : t('catalogue.days', { days }),
        },
        {
          title: t('catalogue.keyIssue'),
          key: 'keyIssues',
          render: (_, service) => <KeyIssueTags service={service} />,
        },
      ]}
    />
  );
}

const cardColumns = { xs: 24, sm: 12, lg: 8, xl: 6 } as const;

function ServiceCards({ services, loading }: { services: ServiceSummary[]; loading: boolean }) {
  if (loading)
    return (
      <Row gutter={[16, 16]} aria-busy="true">
        {Array.from({ length: 8 }, (_, index) => (
          <Col key={index} {...cardColumns}>
            <Card size="small">
              <Skeleton active title={false} paragraph={{ rows: 3 }} />
            </Card>
          </Col>
        ))}
      </Row>
    );
  return (
    <Row gutter={[16, 16]}>
      {services.map((service) => (
        <Col key={service.code} {...cardColumns}>
          <ServiceCard service={service} />
        </Col>
      ))}
    </Row>
  );
}

function Services() {
  const { t, pick } = useI18n();
  const { filters, view, set } = useFilters();
  const services = useQuery({ ...servicesQuery(filters), placeholderData: keepPreviousData });
  const departments = useQuery(departmentsQuery);
  const list = services.data ?? [];
  const loading = services.isPending;
  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={8} align="center">
        <SearchBox value={filters.q} onSearch={(q) => set('q', q)} />
        <Select
          aria-label={t('catalogue.column.category')}
          value={filters.category ?? ''}
          onChange={(value) => set('category', value || undefined)}
          style={{ width: 150 }}
          options={[
            { value: '', label: t('catalogue.allCategories') },
            { value: 'BASIC', label: t('catalogue.category.BASIC') },
            { value: 'VALUE_ADDED', label: t('catalogue.category.VALUE_ADDED') },
          ]}
        />
        <Select
          aria-label={t('catalogue.column.department')}
          value={filters.department ?? ''}
          onChange={(value) => set('department', value || undefined)}
          loading={departments.isPending}
          style={{ width: 220 }}
          popupMatchSelectWidth={false}
          options={[
            { value: '', label: t('catalogue.allDepartments') },
            ...(departments.data ?? []).map((department) => ({
              value: department.code,
              label: pick(department.name, department.nameEn),
            })),
          ]}
        />
        <Select
          aria-label={t('catalogue.keyIssue')}
          value={filters.keyIssue ?? ''}
          onChange={(value) => set('keyIssue', value || undefined)}
          style={{ width: 180 }}
          popupMatchSelectWidth={false}
          options={[
            { value: '', label: t('catalogue.allKeyIssues') },
            ...KEY_ISSUES.map((issue) => ({
              value: issue,
              label: t(`catalogue.keyIssue.${issue}`),
            })),
          ]}
        />
        <Segmented
          aria-label={t('catalogue.view')}
          value={view}
          onChange={(value) => set('view', value === 'cards' ? undefined : String(value))}
          options={[
            { value: 'cards', icon: <AppstoreOutlined />, label: t('catalogue.view.cards') },
            { value: 'table', icon: <UnorderedListOutlined />, label: t('catalogue.view.table') },
          ]}
        />
        <Typography.Text type="secondary" style={{ marginLeft: 'auto' }} aria-live="polite">
          {!loading && t('catalogue.count', { count: list.length })}
        </Typography.Text>
      </Flex>
      {services.error ? (
        <ProblemAlert error={services.error} onRetry={() => void services.refetch()} />
      ) : !loading && list.length === 0 ? (
        <Empty description={t('catalogue.noMatch')} />
      ) : view === 'table' ? (
        <ServiceTable services={list} loading={loading} />
      ) : (
        <ServiceCards services={list} loading={loading} />
      )}
    </Flex>
  );
}

function Bundles() {
  const { t, pick, language } = useI18n();
  const bundles = useQuery(bundlesQuery);
  if (bundles.error)
    return <ProblemAlert error={bundles.error} onRetry={() => void bundles.refetch()} />;
  return (
    <Row gutter={[16, 16]}>
      {(bundles.data ?? Array.from({ length: 3 }, () => undefined)).map((bundle, index) => (
        <Col key={bundle?.code ?? index} xs={24} md={12} xl={8}>
          <Card size="small" style={{ height: '100%' }}>
            {bundle ? (
              <Flex vertical gap={6}>
                <Link to={`/catalogue/bundles/${bundle.code}`} style={{ fontWeight: 600 }}>
                  {pick(bundle.name, bundle.nameEn)}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {language === 'zh-CN' ? bundle.nameEn : bundle.name}
                </Typography.Text>
                <Typography.Paragraph style={{ marginBottom: 0 }}>
                  {bundle.description}
                </Typography.Paragraph>
                <div>
                  <Tag color="purple">
                    {t('catalogue.bundle.servicesCount', { count: bundle.serviceCodes.length })}
                  </Tag>
                </div>
              </Flex>
            ) : (
              <Skeleton active title={false} paragraph={{ rows: 3 }} />
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** The catalogue: services to search and filter, and the "one thing" bundles. */
export function CataloguePage() {
  const { t } = useI18n();
  const { tab, set } = useFilters();
  return (
    <Card variant="borderless">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('nav.catalogue')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('catalogue.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => set('tab', key === 'services' ? undefined : key)}
        items={[
          { key: 'services', label: t('catalogue.tab.services'), children: <Services /> },
          { key: 'bundles', label: t('catalogue.tab.bundles'), children: <Bundles /> },
        ]}
      />
    </Card>
  );
}
