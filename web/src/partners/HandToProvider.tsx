import { Button, Card, Empty, List, Progress, Rate, Skeleton, Space, Typography } from 'antd';
import { isHandlingOpen, type Task } from '../officer/tasks';
import { useI18n } from '../shared/i18n/i18n';
import { ProblemAlert } from '../shared/ui/ProblemAlert';
import { HandoverStatusTag } from './HandoversPage';
import { useHandOver, useHandovers, useProviderMatches } from './partners';

/**
 * On a value-added task being handled: the provider it is with, or the listed providers of its
 * service ranked for it (capabilities, rating, load), each to hand the request to.
 */
export function HandToProvider({ task }: { task: Task }) {
  const { t } = useI18n();
  const open = isHandlingOpen(task);
  const handovers = useHandovers({ applicationId: task.applicationId }, open);
  const live = handovers.data?.pages[0]?.data.find(
    (handover) => handover.status === 'OFFERED' || handover.status === 'ACCEPTED',
  );
  const matches = useProviderMatches(task.applicationId, open && handovers.isSuccess && !live);
  const handOver = useHandOver(task.applicationId);
  if (!open) return null;
  return (
    <Card title={t('partners.handTo.title')} size="small">
      {handovers.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : live ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {t('partners.handTo.with', { name: live.provider.name })} <HandoverStatusTag status={live.status} />
          </Typography.Text>
          <Progress percent={live.percent} size="small" />
        </Space>
      ) : matches.isError ? (
        <ProblemAlert error={matches.error} onRetry={() => void matches.refetch()} />
      ) : (
        <List
          loading={matches.isPending}
          dataSource={matches.data}
          locale={{ emptyText: <Empty description={t('partners.handTo.none')} /> }}
          renderItem={(match) => (
            <List.Item
              key={match.providerId}
              extra={
                <Button
                  size="small"
                  type="primary"
                  loading={handOver.isPending && handOver.variables === match.providerId}
                  onClick={() => handOver.mutate(match.providerId)}
                  aria-label={`${t('partners.handTo.submit')} ${match.name}`}
                >
                  {t('partners.handTo.submit')}
                </Button>
              }
            >
              <List.Item.Meta
                title={match.name}
                description={
                  <Space orientation="vertical" size={0}>
                    <span>
                      {t(`partners.kind.${match.kind}`)} · {t('partners.handTo.score', { score: match.score })} ·{' '}
                      {t('partners.handTo.load', { load: match.load, capacity: match.capacity })}
                    </span>
                    {match.rating !== null && <Rate disabled allowHalf value={match.rating} style={{ fontSize: 12 }} />}
                    {match.matchedCapabilities.length > 0 && <span>{match.matchedCapabilities.join('、')}</span>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
      {handOver.isError && <ProblemAlert error={handOver.error} />}
    </Card>
  );
}
