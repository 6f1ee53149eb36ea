import { Card, Empty, Flex, Skeleton, Space, Typography } from 'antd';
import { CardList } from '../CardList';
import { useI18n } from '../../shared/i18n/i18n';
import { useCatalogueNames, useStageNames, useWorkingDaysLeft } from '../../applications/parts';
import { ApplicationLink, RowActions, TaskKindTags, type QueueRowsProps } from './QueueRow';
import { TaskDeadline, TaskHolder } from './TaskCells';

/** The queue on a phone: one card-like item per task, its actions under it. */
export function QueueList({ tasks, me, active, actions, loading }: QueueRowsProps) {
  const { t } = useI18n();
  const names = useCatalogueNames();
  const stageName = useStageNames(tasks.map((task) => task.serviceCode));
  const daysLeft = useWorkingDaysLeft(tasks.map((task) => task.dueAt));
  if (loading)
    return (
      <Card aria-busy="true">
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  if (!tasks.length) return <Empty description={t('officer.workbench.none')} />;
  return (
    <CardList
      rows={tasks}
      label={t('officer.workbench.title')}
      highlighted={active}
      renderRow={(task) => (
        <Flex vertical gap={6}>
          <Flex justify="space-between" align="center" gap={8}>
            <ApplicationLink task={task} />
            <TaskHolder task={task} me={me} />
          </Flex>
          <Typography.Text strong>{names.subject(task)}</Typography.Text>
          <Space size={4} wrap>
            <Typography.Text type="secondary">{stageName(task.serviceCode, task.stage)}</Typography.Text>
            <TaskKindTags task={task} />
          </Space>
          <TaskDeadline task={task} daysLeft={daysLeft(task.dueAt)} />
          <RowActions task={task} me={me} actions={actions} block />
        </Flex>
      )}
    />
  );
}
