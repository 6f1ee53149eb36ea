import { ApiOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ParklineApiError } from '../../shared/api/problem';
import { call, parkline } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/ui/format';
import { LoadMore } from '../../shared/ui/LoadMore';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { Deliveries, deliveriesQueryKey } from './Deliveries';
import { eventWords } from './events';
import { SecretOnce } from './SecretOnce';
import { WebhookForm, type WebhookDto } from './WebhookForm';

function WebhookCard({
  webhook,
  onEdit,
  onDeliveries,
  onSecret,
}: {
  webhook: WebhookDto;
  onEdit: () => void;
  onDeliveries: () => void;
  onSecret: (secret: string) => void;
}) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const path = { params: { path: { id: webhook.id } } };
  const problem = (error: unknown) =>
    void message.error(error instanceof ParklineApiError ? error.detail || error.title : t('app.error'));
  const test = useMutation({
    mutationFn: () => call(() => parkline.POST('/api/v1/webhooks/{id}/test', path)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: deliveriesQueryKey(webhook.id) });
      void message.info(t('integrations.webhooks.tested'));
    },
    onError: problem,
  });
  const rotate = useMutation({
    mutationFn: () => call(() => parkline.POST('/api/v1/webhooks/{id}/rotate-secret', path)),
    onSuccess: (rotated) => {
      void queryClient.invalidateQueries({ queryKey: ['webhooks'] });
      onSecret(rotated.secret);
    },
    onError: problem,
  });
  const remove = useMutation({
    mutationFn: () => call(() => parkline.DELETE('/api/v1/webhooks/{id}', path)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['webhooks'] }),
    onError: problem,
  });
  return (
    <Card
      size="small"
      title={<Typography.Text style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>{webhook.url}</Typography.Text>}
      extra={
        webhook.active ? (
          <Tag color="green">{t('integrations.webhooks.enabled')}</Tag>
        ) : (
          <Tag color="red">{t('integrations.webhooks.disabled')}</Tag>
        )
      }
    >
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        {!webhook.active && webhook.disabledReason && (
          <Typography.Text type="danger">{webhook.disabledReason}</Typography.Text>
        )}
        <Space wrap size={[4, 4]}>
          {webhook.events.map((event) => (
            <Tag key={event}>{eventWords(event, t, language)}</Tag>
          ))}
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('integrations.webhooks.meta', {
            time: formatDateTime(webhook.createdAt, language),
            failures: webhook.consecutiveFailures,
          })}
        </Typography.Text>
        <Space wrap>
          <Button size="small" onClick={onDeliveries}>
            {t('integrations.webhooks.deliveries')}
          </Button>
          <Button size="small" onClick={() => test.mutate()} loading={test.isPending}>
            {t('integrations.webhooks.test')}
          </Button>
          <Button size="small" onClick={onEdit}>
            {t('integrations.webhooks.edit')}
          </Button>
          <Popconfirm
            title={t('integrations.webhooks.rotateConfirm')}
            okText={t('integrations.webhooks.rotate')}
            cancelText={t('app.cancel')}
            onConfirm={() => rotate.mutateAsync().catch(() => undefined)}
          >
            <Button size="small" loading={rotate.isPending}>
              {t('integrations.webhooks.rotate')}
            </Button>
          </Popconfirm>
          <Popconfirm
            title={t('integrations.webhooks.deleteConfirm')}
            okText={t('integrations.webhooks.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('app.cancel')}
            onConfirm={() => remove.mutateAsync().catch(() => undefined)}
          >
            <Button size="small" danger loading={remove.isPending}>
              {t('integrations.webhooks.delete')}
            </Button>
          </Popconfirm>
        </Space>
      </Space>
    </Card>
  );
}

/** The enterprise's webhook subscriptions: events pushed to its systems, signed, with a log. */
export function Webhooks() {
  const { t } = useI18n();
  const [editing, setEditing] = useState<WebhookDto | 'new'>();
  const [secret, setSecret] = useState<string>();
  const [log, setLog] = useState<WebhookDto>();
  const webhooks = useInfiniteQuery({
    queryKey: ['webhooks'],
    queryFn: ({ pageParam }) =>
      call(() => parkline.GET('/api/v1/webhooks', { params: { query: { limit: 20, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = webhooks.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex wrap justify="space-between" align="center" gap={8}>
        <Typography.Text type="secondary">{t('integrations.webhooks.intro')}</Typography.Text>
        <Button type="primary" icon={<ApiOutlined />} onClick={() => setEditing('new')}>
          {t('integrations.webhooks.create')}
        </Button>
      </Flex>
      {webhooks.error && <ProblemAlert error={webhooks.error} onRetry={() => void webhooks.refetch()} />}
      <List
        loading={webhooks.isLoading}
        dataSource={rows}
        locale={{ emptyText: t('integrations.webhooks.none') }}
        renderItem={(webhook) => (
          <List.Item key={webhook.id} style={{ display: 'block', borderBlockEnd: 'none', paddingBlock: 6 }}>
            <WebhookCard
              webhook={webhook}
              onEdit={() => setEditing(webhook)}
              onDeliveries={() => setLog(webhook)}
              onSecret={setSecret}
            />
          </List.Item>
        )}
      />
      <LoadMore query={webhooks} />
      {editing && (
        <WebhookForm
          webhook={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onCreated={(created) => {
            setEditing(undefined);
            setSecret(created.secret);
          }}
        />
      )}
      {secret && (
        <SecretOnce
          title={t('integrations.webhooks.secretTitle')}
          secret={secret}
          onClose={() => setSecret(undefined)}
        />
      )}
      {log && <Deliveries webhook={log} onClose={() => setLog(undefined)} />}
    </Space>
  );
}
