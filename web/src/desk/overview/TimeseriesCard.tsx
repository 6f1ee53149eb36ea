import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Flex, Segmented } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { call, parkline } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/zh-CN';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import {
  applicationsLink,
  periodEnd,
  withEmptyPeriods,
  type DeskFilter,
  type Interval,
  type Narrowing,
} from './drill-down';
import { CHART_COLOR, ChartArea, TOOLTIP } from './OverviewCharts';

type Metric = 'submitted' | 'completed' | 'overdue';

const METRICS: { value: Metric; label: MessageKey; narrowing: Narrowing }[] = [
  { value: 'submitted', label: 'desk.metric.submitted', narrowing: {} },
  { value: 'completed', label: 'desk.metric.completed', narrowing: { status: 'COMPLETED' } },
  { value: 'overdue', label: 'desk.metric.overdue', narrowing: { sla: 'OVERDUE' } },
];
const INTERVALS: { value: Interval; label: MessageKey }[] = [
  { value: 'day', label: 'desk.interval.day' },
  { value: 'week', label: 'desk.interval.week' },
  { value: 'month', label: 'desk.interval.month' },
];

/** A metric per day, week or month; a click on a period opens that period's applications. */
export function TimeseriesCard({ filter }: { filter: DeskFilter }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [metric, setMetric] = useState<Metric>('submitted');
  const [interval, chooseInterval] = useState<Interval>('month');
  const series = useQuery({
    queryKey: ['stats', 'timeseries', filter, metric, interval],
    queryFn: () =>
      call(() =>
        parkline.GET('/api/v1/stats/timeseries', {
          params: { query: { ...filter, metric, interval } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const points = useMemo(
    () => series.data && withEmptyPeriods(series.data, interval),
    [series.data, interval],
  );
  const option = useMemo<EChartsCoreOption | undefined>(
    () =>
      points && {
        grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
        tooltip: { ...TOOLTIP, trigger: 'axis' },
        xAxis: {
          type: 'category',
          // A month is named by its month; days and weeks (from Monday) by their first day.
          data: points.map((point) =>
            interval === 'month' ? point.periodStart.slice(0, 7) : point.periodStart,
          ),
        },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            // Bars at every interval: each period is a target to click.
            type: 'bar',
            name: t(METRICS.find((entry) => entry.value === metric)!.label),
            data: points.map((point) => point.value),
            itemStyle: { color: metric === 'overdue' ? '#cf1322' : CHART_COLOR },
            barMaxWidth: 32,
          },
        ],
      },
    [points, interval, metric, t],
  );

  function openPeriod(index: number) {
    const periodStart = points![index].periodStart;
    const days = { from: periodStart, to: periodEnd(periodStart, interval) };
    const narrowing = METRICS.find((entry) => entry.value === metric)!.narrowing;
    navigate(applicationsLink(filter, narrowing, days));
  }

  return (
    <Card
      size="small"
      title={t('desk.timeseries')}
      extra={
        <Flex gap={8} wrap justify="flex-end">
          <Segmented
            size="small"
            value={metric}
            onChange={setMetric}
            options={METRICS.map((entry) => ({ value: entry.value, label: t(entry.label) }))}
            aria-label={t('desk.metric')}
          />
          <Segmented
            size="small"
            value={interval}
            onChange={chooseInterval}
            options={INTERVALS.map((entry) => ({ value: entry.value, label: t(entry.label) }))}
            aria-label={t('desk.interval')}
          />
        </Flex>
      }
      styles={{ header: { flexWrap: 'wrap', gap: 8, paddingBlock: 8 } }}
    >
      {series.isError ? (
        <ProblemAlert error={series.error} onRetry={() => void series.refetch()} />
      ) : (
        <ChartArea
          option={option}
          empty={points?.length === 0}
          label={t('desk.timeseries')}
          onItemClick={(event) => openPeriod(event.dataIndex)}
        />
      )}
    </Card>
  );
}
