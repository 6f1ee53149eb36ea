import type { components } from '@parkline/client';
import { Card, Empty, Skeleton } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { use, type EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import { useCatalogueNames } from '../../shared/ui/catalogue-lookups';
import { EChart, type EChartProps } from '../../shared/ui/EChart';
import { applicationsLink, type DeskFilter } from './drill-down';
import { STATUS_LABELS } from './figure-links';

use([BarChart, GridComponent, TooltipComponent]);

type Overview = components['schemas']['StatsOverviewDto'];

export const CHART_COLOR = '#0f766e';
const OVERDUE_COLOR = '#cf1322';
export const CHART_HEIGHT = 280;

/**
 * Tooltips drawn on the canvas: ECharts' HTML tooltips carry inline style attributes, which
 * the console's CSP refuses.
 */
export const TOOLTIP = { renderMode: 'richText', confine: true } as const;

/** A chart's place: a skeleton until its data is there, a note when there is none. */
export function ChartArea({
  option,
  empty,
  height = CHART_HEIGHT,
  ...chart
}: Omit<EChartProps, 'option' | 'height'> & {
  option: EChartsCoreOption | undefined;
  empty: boolean;
  height?: number;
}) {
  const { t } = useI18n();
  if (!option) return <Skeleton.Node active style={{ width: '100%', height: CHART_HEIGHT }} />;
  if (empty) return <Empty description={t('app.empty')} style={{ height: CHART_HEIGHT - 32 }} />;
  return <EChart option={option} height={height} {...chart} />;
}

interface Bar {
  key: string;
  label: string;
  value: number;
}

/** Horizontal bars, longest on top; long names keep to the left margin. */
function barsOption(bars: Bar[], color: string): EChartsCoreOption {
  const ordered = [...bars].sort((a, b) => a.value - b.value);
  return {
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    tooltip: { ...TOOLTIP, trigger: 'item' },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'category',
      data: ordered.map((bar) => bar.label),
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        data: ordered.map((bar) => ({ value: bar.value, key: bar.key })),
        itemStyle: { color },
        label: { show: true, position: 'right' },
        barMaxWidth: 24,
      },
    ],
  };
}

/** The bar chart of one breakdown; a click on a bar opens its applications. */
function BarsCard({
  title,
  bars,
  color,
  linkOf,
}: {
  title: string;
  bars: Bar[] | undefined;
  color: string;
  linkOf: (key: string) => string;
}) {
  const navigate = useNavigate();
  const option = useMemo(() => bars && barsOption(bars, color), [bars, color]);
  const height = Math.max(CHART_HEIGHT, (bars?.length ?? 0) * 28);
  return (
    <Card title={title} size="small" style={{ height: '100%' }}>
      <ChartArea
        option={option}
        empty={bars?.length === 0}
        height={height}
        label={title}
        onItemClick={(event) => navigate(linkOf((event.data as { key: string }).key))}
      />
    </Card>
  );
}

/** Applications by their current status. */
export function StatusChart({ overview, filter }: { overview?: Overview; filter: DeskFilter }) {
  const { t } = useI18n();
  const bars = useMemo(
    () =>
      overview?.byStatus.map(({ status, applications }) => ({
        key: status,
        label: STATUS_LABELS[status] ? t(STATUS_LABELS[status]) : status,
        value: applications,
      })),
    [overview, t],
  );
  return (
    <BarsCard
      title={t('desk.byStatus')}
      bars={bars}
      color={CHART_COLOR}
      linkOf={(status) => applicationsLink(filter, { status }, null)}
    />
  );
}

/** Open applications past a deadline now, per department. */
export function OverdueChart({ overview, filter }: { overview?: Overview; filter: DeskFilter }) {
  const { t } = useI18n();
  const { departmentName } = useCatalogueNames();
  const bars = useMemo(
    () =>
      overview?.byDepartment
        .filter((department) => department.overdueNow > 0)
        .map((department) => ({
          key: department.departmentCode,
          label: departmentName(department.departmentCode),
          value: department.overdueNow,
        })),
    // departmentName changes when the departments load.
    [overview, departmentName],
  );
  return (
    <BarsCard
      title={t('desk.overdueByDepartment')}
      bars={bars}
      color={OVERDUE_COLOR}
      linkOf={(department) => applicationsLink(filter, { department, sla: 'OVERDUE' }, null)}
    />
  );
}
