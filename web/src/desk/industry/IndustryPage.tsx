import { Card, Col, Row, Skeleton, Space, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import { DIRECTORY_PATH } from '../../directory/directory-filter';
import { useIndustryAggregates, useParkPlan } from '../../directory/queries';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { figureFormats } from '../overview/format-figures';
import { figuresByZone } from './industry-figures';
import { ParkPlan } from './ParkPlan';

// ECharts in its own chunk, as on the overview: the plan and the figures show first.
const charts = () => import('./IndustryCharts');
const ChainChart = lazy(() => charts().then((m) => ({ default: m.ChainChart })));
const FunnelCard = lazy(() => charts().then((m) => ({ default: m.FunnelCard })));
const ApprovalsCard = lazy(() => charts().then((m) => ({ default: m.ApprovalsCard })));
const NewEnterprisesCard = lazy(() => charts().then((m) => ({ default: m.NewEnterprisesCard })));

const FIGURE_STYLE = { fontSize: 28, fontWeight: 600, lineHeight: 1.3 } as const;

function ChartSkeleton() {
  return (
    <Card size="small" aria-busy="true">
      <Skeleton active paragraph={{ rows: 8 }} />
    </Card>
  );
}

/**
 * The industry map of the command desk: the park plan shaded by the enterprises of each zone,
 * the industry chain, the pipeline funnel, approvals and newcomers. Each figure opens the
 * directory's list behind it.
 */
export function IndustryPage() {
  const { t, language } = useI18n();
  const write = figureFormats(language);
  const plan = useParkPlan();
  const aggregates = useIndustryAggregates();
  const zones = useMemo(() => aggregates.data && figuresByZone(aggregates.data), [aggregates.data]);
  const totals = aggregates.data?.totals;
  const figures = [
    { key: 'enterprises', label: t('industry.figure.enterprises'), value: totals?.enterprises },
    { key: 'products', label: t('industry.figure.products'), value: totals?.products },
    { key: 'devices', label: t('industry.figure.devices'), value: totals?.devices },
  ];
  const error = plan.error ?? aggregates.error;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.industry')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('industry.subtitle')}</Typography.Text>
      </div>
      {error && (
        <ProblemAlert
          error={error}
          onRetry={() => void Promise.all([plan.refetch(), aggregates.refetch()])}
        />
      )}
      <Row gutter={[12, 12]}>
        {figures.map((figure) => (
          <Col key={figure.key} xs={8}>
            <Card size="small" loading={!totals} style={{ height: '100%' }}>
              <Typography.Text type="secondary">{figure.label}</Typography.Text>
              <div>
                <Link to={DIRECTORY_PATH} style={FIGURE_STYLE}>
                  {write.count(figure.value)}
                </Link>
              </div>
            </Card>
          </Col>
        ))}
      </Row>
      <Card title={plan.data ? t('industry.plan.title') : undefined} size="small">
        {plan.data && zones ? (
          <ParkPlan plan={plan.data} figures={zones} />
        ) : (
          <Skeleton active paragraph={{ rows: 10 }} />
        )}
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Suspense fallback={<ChartSkeleton />}>
            <ChainChart aggregates={aggregates.data} />
          </Suspense>
        </Col>
        <Col xs={24} lg={10}>
          <Suspense fallback={<ChartSkeleton />}>
            <FunnelCard aggregates={aggregates.data} />
          </Suspense>
        </Col>
        <Col xs={24} lg={12}>
          <Suspense fallback={<ChartSkeleton />}>
            <ApprovalsCard aggregates={aggregates.data} />
          </Suspense>
        </Col>
        <Col xs={24} lg={12}>
          <Suspense fallback={<ChartSkeleton />}>
            <NewEnterprisesCard aggregates={aggregates.data} />
          </Suspense>
        </Col>
      </Row>
    </Space>
  );
}
