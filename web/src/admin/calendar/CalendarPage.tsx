import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Popconfirm,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { call, parkline } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { AdminHeader } from '../parts/AdminHeader';
import { type Marks } from './calendar-days';
import { DayList } from './DayList';
import { DayLegend, MonthGrid } from './MonthGrid';

const MONTHS = Array.from({ length: 12 }, (_, month) => month);

const calendarQuery = (year: number) => ({
  queryKey: ['calendar', year],
  queryFn: () =>
    call(() => parkline.GET('/api/v1/calendar/{year}', { params: { path: { year } } })),
});

/** A year's holidays and make-up working days, which every deadline of the platform counts by. */
export function CalendarPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear();
  const calendar = useQuery(calendarQuery(year));
  const showYear = (next: number) => setParams({ year: String(next) }, { replace: true });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <AdminHeader title={t('nav.calendar')} />
      <Flex align="center" gap={8} wrap>
        <Button
          icon={<LeftOutlined />}
          aria-label={t('admin.calendar.previousYear')}
          onClick={() => showYear(year - 1)}
        />
        <Typography.Title level={4} style={{ margin: 0, minWidth: 64, textAlign: 'center' }}>
          {year}
        </Typography.Title>
        <Button
          icon={<RightOutlined />}
          aria-label={t('admin.calendar.nextYear')}
          onClick={() => showYear(year + 1)}
        />
        {calendar.data &&
          (calendar.data.provisional ? (
            <Tag color="warning">{t('admin.calendar.provisional')}</Tag>
          ) : (
            <Tag color="success">
              {t('admin.calendar.official', { source: calendar.data.source ?? '—' })}
            </Tag>
          ))}
      </Flex>
      {calendar.isError && (
        <ProblemAlert error={calendar.error} onRetry={() => void calendar.refetch()} />
      )}
      {calendar.data ? (
        // A fresh editor per year and per published answer: edits start from what is stored.
        <YearEditor
          key={`${year}:${calendar.dataUpdatedAt}`}
          year={year}
          stored={{
            holidays: new Set(calendar.data.holidays),
            makeUps: new Set(calendar.data.makeUpWorkdays),
          }}
          provisional={calendar.data.provisional}
        />
      ) : (
        !calendar.isError && <Skeleton active paragraph={{ rows: 12 }} />
      )}
    </Space>
  );
}

function YearEditor({
  year,
  stored,
  provisional,
}: {
  year: number;
  stored: Marks;
  provisional: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [marks, setMarks] = useState<Marks>(stored);
  const changed =
    [...marks.holidays].sort().join() !== [...stored.holidays].sort().join() ||
    [...marks.makeUps].sort().join() !== [...stored.makeUps].sort().join();
  const publish = useMutation({
    mutationFn: () =>
      call(() =>
        parkline.PUT('/api/v1/calendar/{year}', {
          params: { path: { year } },
          body: { holidays: [...marks.holidays].sort(), makeUpWorkdays: [...marks.makeUps].sort() },
        }),
      ),
    onSuccess: (published) => {
      queryClient.setQueryData(calendarQuery(year).queryKey, published);
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
      message.success(t('admin.calendar.publishedNow', { year }));
    },
  });

  // Leaving with edits would lose them silently.
  useEffect(() => {
    if (!changed) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [changed]);

  const remove = (day: string) =>
    setMarks((current) => {
      const holidays = new Set(current.holidays);
      const makeUps = new Set(current.makeUps);
      holidays.delete(day);
      makeUps.delete(day);
      return { holidays, makeUps };
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Space orientation="vertical" size={4}>
            <Typography.Text type="secondary">{t('admin.calendar.help')}</Typography.Text>
            <DayLegend />
          </Space>
          <Space wrap>
            <Button disabled={!changed || publish.isPending} onClick={() => setMarks(stored)}>
              {t('admin.calendar.discard')}
            </Button>
            <Popconfirm
              title={t('admin.calendar.publishConfirm', { year })}
              description={t('admin.calendar.publishHelp')}
              okText={t('admin.calendar.publish')}
              cancelText={t('app.cancel')}
              onConfirm={() => publish.mutateAsync()}
            >
              <Button
                type="primary"
                loading={publish.isPending}
                disabled={!changed && !provisional}
              >
                {t('admin.calendar.publish')}
              </Button>
            </Popconfirm>
          </Space>
        </Flex>
      </Card>
      {changed && <Alert type="warning" showIcon title={t('admin.calendar.unpublished')} />}
      {publish.isError && <ProblemAlert error={publish.error} />}
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <DayList
            title={t('admin.calendar.holidays')}
            days={marks.holidays}
            color="red"
            onRemove={remove}
          />
        </Col>
        <Col xs={24} md={12}>
          <DayList
            title={t('admin.calendar.makeUps')}
            days={marks.makeUps}
            color="blue"
            onRemove={remove}
          />
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        {MONTHS.map((month) => (
          <Col key={month} xs={24} sm={12} lg={8} xxl={6}>
            <MonthGrid year={year} month={month} marks={marks} onChange={setMarks} />
          </Col>
        ))}
      </Row>
    </Space>
  );
}
