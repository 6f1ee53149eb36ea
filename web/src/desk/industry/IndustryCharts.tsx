import { Card, Grid, Typography } from 'antd';
import { BarChart, LineChart, SankeyChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use, type ECElementEvent, type EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { directoryLink, type DirectoryFilter } from '../../directory/directory-filter';
import { useI18n } from '../../shared/i18n/i18n';
import { withEmptyPeriods } from '../overview/drill-down';
import { CHART_COLOR, CHART_HEIGHT, ChartArea, TOOLTIP } from '../overview/OverviewCharts';
import {
  chainFlows,
  nodeFilter,
  pipelineFunnel,
  type ChainLink,
  type ChainNode,
  type IndustryAggregates,
} from './industry-figures';
import { useIndustryWords } from '../../directory/words';

use([SankeyChart, BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent]);

const STAGE_COLOURS = ['#b5e3dc', '#8fd3c8', '#69c2b4', '#45b09f', '#2a9a89', '#148473', '#0f766e'];
const SEGMENT_COLOUR = '#5b8ff9';
const DEVICE_COLOUR = '#f6bd16';

/** Where a click on a chart's item leads: each item carries the directory filter it opens. */
function useOpenFilter() {
  const navigate = useNavigate();
  return (event: ECElementEvent) => {
    const filter = (event.data as { filter?: DirectoryFilter } | undefined)?.filter;
    if (filter) navigate(directoryLink(filter));
  };
}

/**
 * The industry chain as a flow from each segment to the stages of its products and the classes
 * of its devices. A segment, a stage or a flow opens the enterprises it counts.
 */
export function ChainChart({ aggregates }: { aggregates: IndustryAggregates | undefined }) {
  const { t } = useI18n();
  const words = useIndustryWords();
  const phone = !Grid.useBreakpoint().md;
  const onItemClick = useOpenFilter();
  const flows = useMemo(() => aggregates && chainFlows(aggregates), [aggregates]);
  const option = useMemo<EChartsCoreOption | undefined>(() => {
    if (!flows) return undefined;
    const nameOf = (node: ChainNode) =>
      node.kind === 'segment'
        ? words.segment(node.segment)
        : node.kind === 'stage'
          ? words.stage(node.stage)
          : words.deviceClass(node.deviceClass);
    const names = new Map(flows.nodes.map((node) => [node.id, nameOf(node)]));
    const colour = (node: ChainNode) =>
      node.kind === 'segment'
        ? SEGMENT_COLOUR
        : node.kind === 'deviceClass'
          ? DEVICE_COLOUR
          : STAGE_COLOURS[words.stageIndex(node.stage)];
    return {
      tooltip: { ...TOOLTIP, trigger: 'item' },
      series: [
        {
          type: 'sankey',
          left: 4,
          // A share of the width, for the stages' names: never wider than the chart itself.
          right: phone ? '26%' : '24%',
          top: 8,
          bottom: 8,
          nodeGap: 6,
          nodeWidth: 14,
          draggable: false,
          emphasis: { focus: 'adjacency' },
          label: {
            fontSize: phone ? 10 : 12,
            formatter: ({ name }: { name: string }) => names.get(name) ?? name,
          },
          tooltip: {
            formatter: ({
              data,
              dataType,
            }: {
              data: ChainLink & { id?: string };
              dataType: string;
            }) =>
              dataType === 'edge'
                ? `${names.get(data.source)} → ${names.get(data.target)}: ${data.value}`
                : `${names.get(data.id ?? '')}`,
          },
          data: flows.nodes.map((node) => ({
            name: node.id,
            id: node.id,
            itemStyle: { color: colour(node) },
            filter: nodeFilter(node),
          })),
          links: flows.links.map((link) => ({
            ...link,
            filter: { segment: link.segment, stage: link.stage, deviceClass: link.deviceClass },
          })),
          lineStyle: { color: 'gradient', opacity: 0.35 },
        },
      ],
    };
  }, [flows, words, phone]);
  const height = Math.max(CHART_HEIGHT + 80, (flows?.nodes.length ?? 0) * 26);
  return (
    <Card title={t('industry.chain.title')} size="small" style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('industry.chain.note')}
      </Typography.Paragraph>
      <ChartArea
        option={option}
        empty={flows?.links.length === 0}
        height={height}
        label={t('industry.chain.title')}
        onItemClick={onItemClick}
      />
    </Card>
  );
}

/**
 * Drug products from preclinical to approved, top to bottom in that order: each step a bar
 * centred on the axis, as wide as its count. A step, or its name, opens its enterprises.
 */
export function FunnelCard({ aggregates }: { aggregates: IndustryAggregates | undefined }) {
  const { t } = useI18n();
  const words = useIndustryWords();
  const navigate = useNavigate();
  const steps = useMemo(() => aggregates && pipelineFunnel(aggregates), [aggregates]);
  const option = useMemo<EChartsCoreOption | undefined>(() => {
    if (!steps) return undefined;
    const widest = Math.max(1, ...steps.map((step) => step.count));
    return {
      grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
      tooltip: { ...TOOLTIP, trigger: 'item', formatter: '{b}: {c}' },
      xAxis: { type: 'value', show: false, max: widest },
      yAxis: {
        type: 'category',
        inverse: true,
        triggerEvent: true,
        axisTick: { show: false },
        data: steps.map((step) => words.stage(step.stage)),
      },
      series: [
        {
          // The space left of each bar that centres it.
          type: 'bar',
          stack: 'funnel',
          silent: true,
          itemStyle: { color: 'transparent' },
          tooltip: { show: false },
          data: steps.map((step) => (widest - step.count) / 2),
        },
        {
          type: 'bar',
          stack: 'funnel',
          barCategoryGap: '12%',
          label: { show: true, position: 'inside', formatter: '{c}', color: '#1f1f1f' },
          data: steps.map((step, index) => ({
            value: step.count,
            itemStyle: { color: STAGE_COLOURS[index] },
          })),
        },
      ],
    };
  }, [steps, words]);
  const onItemClick = (event: ECElementEvent) => {
    // A bar is named by its stage, as is the stage's name on the axis.
    const name = event.componentType === 'yAxis' ? String(event.value) : event.name;
    const step = steps?.find((candidate) => words.stage(candidate.stage) === name);
    if (step) navigate(directoryLink({ stage: step.stage }));
  };
  return (
    <Card title={t('industry.funnel.title')} size="small" style={{ height: '100%' }}>
      <ChartArea
        option={option}
        empty={steps?.every((step) => step.count === 0) ?? false}
        height={CHART_HEIGHT + 40}
        label={t('industry.funnel.title')}
        onItemClick={onItemClick}
      />
    </Card>
  );
}

/** Drug approvals, device registrations and class I filings per year. */
export function ApprovalsCard({ aggregates }: { aggregates: IndustryAggregates | undefined }) {
  const { t } = useI18n();
  const onItemClick = useOpenFilter();
  const years = aggregates?.approvalsPerYear;
  const option = useMemo<EChartsCoreOption | undefined>(() => {
    if (!years) return undefined;
    // Registrations are class II and III, which the directory filters one at a time: they open nothing.
    const series = (
      name: string,
      field: 'drugs' | 'devices' | 'deviceFilings',
      color: string,
      filter?: DirectoryFilter,
    ) => ({
      type: 'bar',
      name,
      itemStyle: { color },
      data: years.map((year) => ({ value: year[field], filter })),
    });
    return {
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 11 } },
      tooltip: { ...TOOLTIP, trigger: 'axis' },
      xAxis: { type: 'category', data: years.map((year) => String(year.year)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        series(t('industry.approvals.drugs'), 'drugs', CHART_COLOR, { stage: 'APPROVED' }),
        series(t('industry.approvals.devices'), 'devices', DEVICE_COLOUR),
        series(t('industry.approvals.filings'), 'deviceFilings', '#d9d9d9', { deviceClass: 'I' }),
      ],
    };
  }, [years, t]);
  return (
    <Card title={t('industry.approvals.title')} size="small" style={{ height: '100%' }}>
      <ChartArea
        option={option}
        empty={years?.length === 0}
        height={CHART_HEIGHT - 40}
        label={t('industry.approvals.title')}
        onItemClick={onItemClick}
      />
    </Card>
  );
}

/** Enterprises registered each month (park time), quiet months drawn as zero. */
export function NewEnterprisesCard({ aggregates }: { aggregates: IndustryAggregates | undefined }) {
  const { t } = useI18n();
  const onItemClick = useOpenFilter();
  const months = useMemo(
    () =>
      aggregates &&
      withEmptyPeriods(
        aggregates.newEnterprisesPerMonth.map(({ month, count }) => ({
          periodStart: `${month}-01`,
          value: count,
        })),
        'month',
      ),
    [aggregates],
  );
  const option = useMemo<EChartsCoreOption | undefined>(
    () =>
      months && {
        grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
        tooltip: { ...TOOLTIP, trigger: 'axis' },
        xAxis: { type: 'category', data: months.map((month) => month.periodStart.slice(0, 7)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            type: 'line',
            smooth: true,
            areaStyle: { opacity: 0.15 },
            itemStyle: { color: CHART_COLOR },
            data: months.map((month) => ({ value: month.value, filter: {} })),
          },
        ],
      },
    [months],
  );
  return (
    <Card title={t('industry.newEnterprises.title')} size="small" style={{ height: '100%' }}>
      <ChartArea
        option={option}
        empty={months?.length === 0}
        height={CHART_HEIGHT - 40}
        label={t('industry.newEnterprises.title')}
        onItemClick={onItemClick}
      />
    </Card>
  );
}
