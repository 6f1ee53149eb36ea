import type { components } from '@parkline/client';
import { Card, Col, Row, Typography } from 'antd';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/zh-CN';
import type { DeskFilter, Narrowing } from './drill-down';
import { DecidedFigureLink, FigureLink } from './figure-links';
import { figureFormats } from './format-figures';

type Performance = components['schemas']['PerformanceDto'];

const FIGURE_STYLE = { fontSize: 28, fontWeight: 600, lineHeight: 1.3 } as const;

interface Figure {
  title: MessageKey;
  note: string;
  value: string;
  /** Decided figures offer the decided statuses; the others open one list. */
  decided?: boolean;
  narrowing?: Narrowing;
  /** Counted over the filter's days, or right now. */
  now?: boolean;
  alarm?: boolean;
}

/** The headline figures of the filter; each opens the applications it counts. */
export function Figures({ total, filter }: { total: Performance | undefined; filter: DeskFilter }) {
  const { t, language } = useI18n();
  const write = figureFormats(language);
  const inPeriod = t('desk.figure.inPeriod');
  const figures: Figure[] = [
    { title: 'desk.figure.submitted', note: inPeriod, value: write.count(total?.submitted) },
    {
      title: 'desk.figure.decided',
      note: inPeriod,
      value: write.count(total?.decided),
      decided: true,
    },
    {
      title: 'desk.figure.onTimeRate',
      note: t('desk.figure.onTimeNote'),
      value: write.rate(total?.onTimeRate),
      decided: true,
    },
    {
      title: 'desk.figure.workingDays',
      note: t('desk.figure.p90', { days: write.days(total?.p90WorkingDays) }),
      value: write.days(total?.medianWorkingDays),
      decided: true,
    },
    {
      title: 'desk.figure.overdueNow',
      note: t('desk.figure.rightNow'),
      value: write.count(total?.overdueNow),
      narrowing: { sla: 'OVERDUE' },
      now: true,
      alarm: (total?.overdueNow ?? 0) > 0,
    },
    {
      title: 'desk.figure.rating',
      note: t('desk.figure.ratingNote'),
      value: write.rating(total?.averageRating),
      decided: true,
    },
  ];
  return (
    <Row gutter={[12, 12]}>
      {figures.map((figure) => {
        const Opener = figure.decided ? DecidedFigureLink : FigureLink;
        const style = figure.alarm ? { ...FIGURE_STYLE, color: '#cf1322' } : FIGURE_STYLE;
        return (
          <Col key={figure.title} xs={12} sm={8} xl={4}>
            <Card size="small" loading={!total} style={{ height: '100%' }}>
              <Typography.Text type="secondary">{t(figure.title)}</Typography.Text>
              <div>
                <Opener
                  filter={filter}
                  narrowing={figure.narrowing}
                  days={figure.now ? null : filter}
                  style={style}
                >
                  {figure.value}
                </Opener>
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {figure.note}
              </Typography.Text>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
