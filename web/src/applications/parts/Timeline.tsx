import { useQuery } from '@tanstack/react-query';
import { Rate, Skeleton, Space, Timeline as AntTimeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { components } from '@parkline/client';
import { call, parkline } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/ui/format';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import {
  itemLabel,
  nameOf,
  useApplicationDefinition,
  type ApplicationDefinition,
  type ApplicationDto,
  type SupplementItemDto,
} from './definition';
import { inWords } from './words';

export type ApplicationEventDto = components['schemas']['ApplicationEventDto'];

export const applicationEventsQuery = (applicationId: string) => ({
  queryKey: ['applications', applicationId, 'events'],
  queryFn: () =>
    call(() => parkline.GET('/api/v1/applications/{id}/events', { params: { path: { id: applicationId } } })),
});

const COLOR: Record<string, string> = {
  'application.approved': 'green',
  'application.completed': 'green',
  'certificate.issued': 'green',
  'application.denied': 'red',
  'application.rejected': 'red',
  'application.overdue': 'red',
  'certificate.revoked': 'red',
  'application.supplement_requested': 'orange',
  'application.at_risk': 'orange',
  'application.withdrawn': 'gray',
};

type EventData = Record<string, unknown> & {
  items?: SupplementItemDto[];
};

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** What an event changed, in a line: stages moved, items asked, reasons, comments. */
function EventDetail({ event, definition }: { event: ApplicationEventDto; definition?: ApplicationDefinition }) {
  const { t, pick, language } = useI18n();
  const data = event.data as EventData;
  const words = (prefix: string, code: unknown) => text(code) && inWords(t, language, `${prefix}.${text(code)}`);
  const stage = (code: unknown) => nameOf(definition?.stages, text(code), pick);
  const parts: ReactNode[] = [];
  if (event.type === 'application.stage_changed') parts.push(`${stage(data.from)} → ${stage(data.to)}`);
  else if (event.type === 'task.completed' || event.type === 'task.created') parts.push(stage(data.stage));
  parts.push(
    words('applications.action', data.action ?? data.via),
    words('applications.clock', data.clock),
    words('applications.clockStop', data.reasonCode),
  );
  if (event.type === 'material.attached') parts.push(nameOf(definition?.materials, text(data.materialType), pick));
  if (event.type === 'certificate.issued') parts.push(text(data.number));
  if (event.type === 'rating.created' && typeof data.score === 'number')
    parts.push(<Rate key="score" disabled value={data.score} style={{ fontSize: 12 }} />);
  for (const note of [data.reason, data.comment]) if (text(note)) parts.push(`“${text(note)}”`);
  const items = event.type === 'application.supplement_requested' ? (data.items ?? []) : [];
  const shown = parts.filter(Boolean);
  if (shown.length === 0 && items.length === 0) return null;
  return (
    <>
      {shown.length > 0 && (
        <Space wrap size={[8, 0]}>
          {shown.map((part, index) => (
            <Typography.Text key={index}>{part}</Typography.Text>
          ))}
        </Space>
      )}
      {items.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
          {items.map((item) => (
            <li key={`${item.kind}:${item.key}`}>
              {itemLabel(item, definition, language, pick)}: {item.reason}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The application's timeline, oldest first: every change, assignment, upload and decision. */
export function Timeline({
  application,
}: {
  application: Pick<ApplicationDto, 'id' | 'serviceCode' | 'serviceVersion' | 'bundleCode'>;
}) {
  const { t, language } = useI18n();
  const events = useQuery(applicationEventsQuery(application.id));
  const { definition } = useApplicationDefinition(application);
  if (events.isLoading) return <Skeleton active paragraph={{ rows: 5 }} />;
  if (events.error) return <ProblemAlert error={events.error} onRetry={() => void events.refetch()} />;
  if (!events.data?.length)
    return <Typography.Text type="secondary">{t('applications.timeline.none')}</Typography.Text>;
  return (
    <AntTimeline
      items={(events.data ?? []).map((event) => ({
        key: event.id,
        color: COLOR[event.type] ?? 'blue',
        content: (
          <Space orientation="vertical" size={0}>
            <Typography.Text strong>
              {inWords(t, language, `applications.event.${event.type}`) ?? event.type}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(event.occurredAt, language)} · {t(`applications.actor.${event.actorType}`)}
              {typeof event.data.mandateId === 'string' && ` · ${t('applications.actor.proxy')}`}
            </Typography.Text>
            <EventDetail event={event} definition={definition} />
          </Space>
        ),
      }))}
    />
  );
}
