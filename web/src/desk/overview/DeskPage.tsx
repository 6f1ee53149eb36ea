import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApartmentOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Row, Skeleton, Space, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { call, parkline } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { DeskFilters } from './DeskFilters';
import { DESK_FILTER_KEYS, deskFilterOf, type DeskFilter } from './drill-down';
import { Figures } from './Figures';
import { PerformanceTables } from './PerformanceTables';

// ECharts is most of the desk's code: its own chunk, so the figures and tables show first.
const charts = () => import('./OverviewCharts');
const OverdueChart = lazy(() => charts().then((m) => ({ default: m.OverdueChart })));
const StatusChart = lazy(() => charts().then((m) => ({ default: m.StatusChart })));
const TimeseriesCard = lazy(() =>
  import('./TimeseriesCard').then((m) => ({ default: m.TimeseriesCard })),
);

function ChartSkeleton() {
  return (
    <Card size="small" aria-busy="true">
      <Skeleton active paragraph={{ rows: 8 }} />
    </Card>
  );
}

/**
 * The command desk: the park's volume, speed, punctuality, overdue work and ratings, each
 * figure a way into the applications behind it. The filter lives in the address, so a view
 * can be shared and Back returns to it from a list.
 */
export function DeskPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter = deskFilterOf(params);
  // Asked at once: the statistics do not wait for the signed-in user (the filters do).
  const overview = useQuery({
    queryKey: ['stats', 'overview', filter],
    queryFn: () =>
      call(() => parkline.GET('/api/v1/stats/overview', { params: { query: filter } })),
    placeholderData: keepPreviousData,
  });

  function changeFilter(next: DeskFilter) {
    const query = new URLSearchParams();
    for (const key of DESK_FILTER_KEYS) if (next[key]) query.set(key, next[key]);
    setParams(query, { replace: true });
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.desk')}
        </Typography.Title>
        <Link to="/desk/industry">
          <ApartmentOutlined /> {t('nav.industry')}
        </Link>
      </Flex>
      <Card size="small">
        <Suspense fallback={<Skeleton active title={false} paragraph={{ rows: 2 }} />}>
          <DeskFilters filter={filter} onChange={changeFilter} />
        </Suspense>
      </Card>
      {overview.isError && (
        <ProblemAlert error={overview.error} onRetry={() => void overview.refetch()} />
      )}
      <Figures total={overview.data?.total} filter={filter} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Suspense fallback={<ChartSkeleton />}>
            <OverdueChart overview={overview.data} filter={filter} />
          </Suspense>
        </Col>
        <Col xs={24} lg={12}>
          <Suspense fallback={<ChartSkeleton />}>
            <StatusChart overview={overview.data} filter={filter} />
          </Suspense>
        </Col>
      </Row>
      <Suspense fallback={<ChartSkeleton />}>
        <TimeseriesCard filter={filter} />
      </Suspense>
      <PerformanceTables overview={overview.data} filter={filter} />
    </Space>
  );
}
