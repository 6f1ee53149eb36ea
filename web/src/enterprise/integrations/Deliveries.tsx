import { useInfiniteQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Flex, Grid, List, Space, Tag, Typography } from 'antd';
import type { components } from '@parkline/client';
import { call, parkline } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/ui/format';
import { LoadMore } from '../../shared/ui/LoadMore';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { eventWords } from './events';
import type { WebhookDto } from './WebhookForm';

type WebhookDeliveryDto = components['schemas']['WebhookDeliveryDto'];

const STATUS_COLOR: Record<WebhookDeliveryDto['status'], string> = {
  PENDING: 'processing',
  SUCCEEDED: 'green',
  FAILED: 'red',
};

export const deliveriesQueryKey = (webhookId: string) => ['webhooks', webhookId, 'deliveries'];

function Attempts({ delivery }: { delivery: WebhookDeliveryDto }) {
  const { t, language } = useI18n();
  return (
    <List
      size="small"
      dataSource={delivery.attemptLog}
      locale={{ emptyText: t('integrations.deliveries.noAttempts') }}
      renderItem={(attempt) => (
        <List.Item key={attempt.attempt}>
          <Space orientation="vertical" size={0} style={{ width: '100%' }}>
            <Space wrap size={[8, 0]}>
              <Typography.Text strong>{t('integrations.deliveries.attempt', { n: attempt.attempt })}</Typography.Text>
              <Typography.Text type="secondary">{formatDateTime(attempt.attemptedAt, language)}</Typography.Text>
              {attempt.statusCode != null && (
                <Tag color={attempt.statusCode < 300 ? 'green' : 'red'}>HTTP {attempt.statusCode}</Tag>
              )}
              <Typography.Text type="secondary">{attempt.durationMs} ms</Typography.Text>
            </Space>
            {attempt.error && <Typography.Text type="danger">{attempt.error}</Typography.Text>}
            {attempt.responseExcerpt && (
              <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {attempt.responseExcerpt}
              </Typography.Text>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}

/** The delivery log of a subscription: each delivery, newest first, with every attempt. */
export function Deliveries({ webhook, onClose }: { webhook: WebhookDto; onClose: () => void }) {
  const { t, language } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const deliveries = useInfiniteQuery({
    queryKey: deliveriesQueryKey(webhook.id),
    queryFn: ({ pageParam }) =>
      call(() =>
        parkline.GET('/api/v1/webhooks/{id}/deliveries', {
          params: { path: { id: webhook.id }, query: { limit: 20, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = deliveries.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Drawer open onClose={onClose} title={t('integrations.deliveries.title')} size={phone ? '100%' : 640}>
      <Typography.Paragraph type="secondary" style={{ wordBreak: 'break-all' }}>
        {webhook.url}
      </Typography.Paragraph>
      {deliveries.error && <ProblemAlert error={deliveries.error} onRetry={() => void deliveries.refetch()} />}
      <List
        loading={deliveries.isLoading}
        dataSource={rows}
        locale={{ emptyText: t('integrations.deliveries.none') }}
        renderItem={(delivery) => (
          <List.Item key={delivery.id} style={{ display: 'block' }}>
            <Flex wrap justify="space-between" gap={8}>
              <Space wrap size={[8, 0]}>
                <Typography.Text strong>{eventWords(delivery.eventType, t, language)}</Typography.Text>
                <Tag color={STATUS_COLOR[delivery.status]}>{t(`integrations.deliveries.${delivery.status}`)}</Tag>
              </Space>
              <Typography.Text type="secondary">{formatDateTime(delivery.createdAt, language)}</Typography.Text>
            </Flex>
            <Descriptions
              size="small"
              column={phone ? 1 : 3}
              style={{ marginTop: 4 }}
              items={[
                { key: 'attempts', label: t('integrations.deliveries.attempts'), children: delivery.attempts },
                {
                  key: 'code',
                  label: t('integrations.deliveries.lastStatus'),
                  children: delivery.lastStatusCode ?? '—',
                },
                {
                  key: 'event',
                  label: t('integrations.deliveries.eventId'),
                  children: <Typography.Text code>{delivery.eventId.slice(0, 8)}</Typography.Text>,
                },
              ]}
            />
            <Attempts delivery={delivery} />
          </List.Item>
        )}
      />
      <LoadMore query={deliveries} />
    </Drawer>
  );
}
