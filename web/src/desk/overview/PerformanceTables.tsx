import type { components } from '@parkline/client';
import { Card, Table, Tabs, type TableColumnsType } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { useCatalogueNames } from '../../shared/ui/catalogue-lookups';
import type { DeskFilter, Narrowing } from './drill-down';
import { DecidedFigureLink, FigureLink } from './figure-links';
import { figureFormats } from './format-figures';

type Overview = components['schemas']['StatsOverviewDto'];
type Performance = components['schemas']['PerformanceDto'];

interface PerformanceRow extends Performance {
  key: string;
  name: string;
  /** The department or the service the row is about, for the lists behind its figures. */
  narrowing: Narrowing;
}

type Figure = keyof Performance;

/** A right-aligned, sortable column of one figure, written by `render`. */
function figureColumn(
  figure: Figure,
  title: string,
  render: (row: PerformanceRow) => ReactNode,
): TableColumnsType<PerformanceRow>[number] {
  return {
    title,
    dataIndex: figure,
    align: 'right',
    sorter: (a, b) => (a[figure] ?? -1) - (b[figure] ?? -1),
    render: (_, row) => render(row),
  };
}

function useColumns(filter: DeskFilter, nameTitle: string): TableColumnsType<PerformanceRow> {
  const { t, language } = useI18n();
  const write = figureFormats(language);
  return [
    { title: nameTitle, dataIndex: 'name', fixed: 'left', width: 168, ellipsis: true },
    figureColumn('submitted', t('desk.figure.submitted'), (row) => (
      <FigureLink filter={filter} narrowing={row.narrowing} days={filter}>
        {write.count(row.submitted)}
      </FigureLink>
    )),
    figureColumn('decided', t('desk.figure.decided'), (row) => (
      <DecidedFigureLink filter={filter} narrowing={row.narrowing} days={filter}>
        {write.count(row.decided)}
      </DecidedFigureLink>
    )),
    figureColumn('onTimeRate', t('desk.figure.onTimeRate'), (row) => write.rate(row.onTimeRate)),
    figureColumn('medianWorkingDays', t('desk.column.median'), (row) =>
      write.days(row.medianWorkingDays),
    ),
    figureColumn('p90WorkingDays', t('desk.column.p90'), (row) => write.days(row.p90WorkingDays)),
    {
      ...figureColumn('overdueNow', t('desk.figure.overdueNow'), (row) => (
        <FigureLink filter={filter} narrowing={{ ...row.narrowing, sla: 'OVERDUE' }} days={null}>
          {write.count(row.overdueNow)}
        </FigureLink>
      )),
      defaultSortOrder: 'descend',
    },
    figureColumn('averageRating', t('desk.figure.rating'), (row) =>
      write.rating(row.averageRating),
    ),
  ];
}

/** The figures per department and per service, each opening its applications. */
export function PerformanceTables({
  overview,
  filter,
}: {
  overview?: Overview;
  filter: DeskFilter;
}) {
  const { t } = useI18n();
  const { departmentName, serviceName } = useCatalogueNames();
  const [tab, setTab] = useState('departments');
  const departments = useMemo(
    () =>
      overview?.byDepartment.map((row) => ({
        ...row,
        key: row.departmentCode,
        name: departmentName(row.departmentCode),
        narrowing: { department: row.departmentCode },
      })),
    [overview, departmentName],
  );
  const services = useMemo(
    () =>
      overview?.byService.map((row) => ({
        ...row,
        key: row.serviceCode,
        name: serviceName(row.serviceCode),
        narrowing: { service: row.serviceCode },
      })),
    [overview, serviceName],
  );
  const departmentColumns = useColumns(filter, t('desk.column.department'));
  const serviceColumns = useColumns(filter, t('desk.column.service'));
  const table = (rows: PerformanceRow[] | undefined, columns: TableColumnsType<PerformanceRow>) => (
    <Table<PerformanceRow>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      loading={!rows}
      pagination={false}
      scroll={{ x: 880 }}
      showSorterTooltip={false}
    />
  );
  return (
    <Card size="small" styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'departments',
            label: t('desk.byDepartment'),
            children: table(departments, departmentColumns),
          },
          {
            key: 'services',
            label: t('desk.byService'),
            children: table(services, serviceColumns),
          },
        ]}
      />
    </Card>
  );
}
