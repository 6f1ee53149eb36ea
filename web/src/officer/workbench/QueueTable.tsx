import { Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../shared/i18n/i18n';
import { useCatalogueNames, useStageNames, useWorkingDaysLeft } from '../../applications/parts';
import type { Task } from '../tasks';
import { ApplicationLink, RowActions, TaskKindTags, type QueueRowsProps } from './QueueRow';
import { TaskDeadline, TaskHolder } from './TaskCells';

/** The queue on a desk: one row per task, the keyboard's row outlined. */
export function QueueTable({ tasks, me, active, actions, onOpen, loading }: QueueRowsProps) {
  const { t } = useI18n();
  const names = useCatalogueNames();
  const stageName = useStageNames(tasks.map((task) => task.serviceCode));
  const daysLeft = useWorkingDaysLeft(tasks.map((task) => task.dueAt));
  const columns: ColumnsType<Task> = [
    { key: 'due', title: t('officer.column.due'), render: (_, task) => <TaskDeadline task={task} daysLeft={daysLeft(task.dueAt)} />, width: 260 },
    { key: 'number', title: t('officer.column.number'), render: (_, task) => <ApplicationLink task={task} /> },
    {
      key: 'service',
      title: t('officer.column.service'),
      render: (_, task) => <Typography.Text>{names.subject(task)}</Typography.Text>,
    },
    {
      key: 'stage',
      title: t('officer.column.stage'),
      render: (_, task) => (
        <Space size={4} wrap>
          {stageName(task.serviceCode, task.stage)}
          <TaskKindTags task={task} />
        </Space>
      ),
    },
    { key: 'holder', title: t('officer.column.holder'), render: (_, task) => <TaskHolder task={task} me={me} /> },
    {
      key: 'actions',
      title: t('officer.column.actions'),
      render: (_, task) => <RowActions task={task} me={me} actions={actions} />,
      width: 200,
    },
  ];
  return (
    <Table<Task>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={tasks}
      loading={loading}
      pagination={false}
      scroll={{ x: true }}
      locale={{ emptyText: t('officer.workbench.none') }}
      onRow={(task) => ({
        onDoubleClick: () => onOpen(task),
        style: task.id === active ? { outline: '2px solid #0f766e', outlineOffset: -2 } : undefined,
      })}
    />
  );
}
