import { BellOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Flex, Grid, List, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { components } from '@parkline/client';
import { call, parkline } from '../../shared/api/session';
import { inWords } from '../../applications/parts/words';
import { useI18n, type Language } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/ui/format';
import { LoadMore } from '../../shared/ui/LoadMore';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';

type NotificationDto = components['schemas']['NotificationDto'];

/** Titles come as "中文 / English": the reader's half. */
function titleIn(title: string, language: Language): string {
  const [zh, en] = title.split(' / ');
  return (language === 'en-US' ? en : zh) ?? title;
}

/** Where a notification leads: the application, or the integrations for a disabled webhook. */
function linkOf(notification: NotificationDto): string | undefined {
  const { subjectType, subjectId } = notification.data as { subjectType?: string; subjectId?: string };
  if (subjectType === 'application' && subjectId) return `/applications/${subjectId}`;
  if (subjectType === 'webhook') return '/integrations?tab=webhooks';
  return undefined;
}

/**
 * The inbox: what happened to the user's applications (or, for staff, their queue), newest
 * first, the unread ones marked; opening one marks it read.
 */
export function NotificationsPage() {
  const { t, language } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const queryClient = useQueryClient();
  const [only, setOnly] = useState<'all' | 'unread'>('all');
  const inbox = useInfiniteQuery({
    queryKey: ['notifications', only],
    queryFn: ({ pageParam }) =>
      call(() =>
        parkline.GET('/api/v1/notifications', {
          params: { query: { limit: 20, cursor: pageParam, unread: only === 'unread' ? 'true' : undefined } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const markRead = useMutation({
    mutationFn: (id: string) =>
      call(() => parkline.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const markAll = useMutation({
    mutationFn: () => call(() => parkline.POST('/api/v1/notifications/read-all')),
    onSuccess: refresh,
  });
  const notifications = inbox.data?.pages.flatMap((page) => page.data) ?? [];
  const body = (notification: NotificationDto) => {
    // The API words bodies in English; Chinese readers get the catalogue's sentence for the type.
    const zh = language === 'zh-CN' ? inWords(t, language, `notifications.body.${notification.type}`) : undefined;
    return zh ?? notification.body;
  };

  return (
    <Card variant="borderless" styles={{ body: { padding: phone ? 12 : 24 } }}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Flex wrap justify="space-between" align="center" gap={8}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('notifications.title')}
          </Typography.Title>
          <Space wrap>
            <Segmented
              value={only}
              onChange={(value) => setOnly(value as 'all' | 'unread')}
              options={[
                { value: 'all', label: t('notifications.all') },
                { value: 'unread', label: t('notifications.unread') },
              ]}
            />
            <Button onClick={() => markAll.mutate()} loading={markAll.isPending}>
              {t('notifications.markAll')}
            </Button>
          </Space>
        </Flex>
        {inbox.error && <ProblemAlert error={inbox.error} onRetry={() => void inbox.refetch()} />}
        {(markRead.error || markAll.error) && <ProblemAlert error={markRead.error ?? markAll.error} />}
        <List
          loading={inbox.isLoading}
          dataSource={notifications}
          locale={{ emptyText: t(only === 'unread' ? 'notifications.noneUnread' : 'notifications.none') }}
          renderItem={(notification) => {
            const unread = !notification.readAt;
            const link = linkOf(notification);
            const title = titleIn(notification.title, language);
            const open = () => unread && markRead.mutate(notification.id);
            return (
              <List.Item
                key={notification.id}
                style={{ background: unread ? '#f0fdfa' : undefined, paddingInline: 12 }}
                actions={
                  unread
                    ? [
                        <Button key="read" type="link" size="small" onClick={open}>
                          {t('notifications.markRead')}
                        </Button>,
                      ]
                    : undefined
                }
              >
                <List.Item.Meta
                  avatar={
                    <Badge dot={unread} offset={[-2, 2]}>
                      <BellOutlined style={{ fontSize: 18, color: unread ? '#0f766e' : '#bfbfbf' }} />
                    </Badge>
                  }
                  title={
                    <Space wrap size={[8, 0]}>
                      {link ? (
                        <Link to={link} onClick={open} style={{ fontWeight: unread ? 600 : 400 }}>
                          {title}
                        </Link>
                      ) : (
                        <Typography.Text strong={unread}>{title}</Typography.Text>
                      )}
                      {unread && <Typography.Text type="success">{t('notifications.new')}</Typography.Text>}
                    </Space>
                  }
                  description={
                    <>
                      <Typography.Text type={unread ? undefined : 'secondary'}>{body(notification)}</Typography.Text>
                      <br />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(notification.createdAt, language)}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
        <LoadMore query={inbox} />
      </Space>
    </Card>
  );
}
