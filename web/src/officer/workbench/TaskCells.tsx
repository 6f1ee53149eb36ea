import { Space, Tag, Typography } from 'antd';
import { SlaBadge } from '../../applications/parts';
import type { Me } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/ui/format';
import type { Task } from '../tasks';

/**
 * The task's deadline (its stage's own clock, or the application's promise when that comes
 * first), with the at-risk / overdue state, the working days left (once the calendar is
 * known), a stage past its own clock and an escalation.
 */
export function TaskDeadline({ task, daysLeft }: { task: Task; daysLeft?: number }) {
  const { t, language } = useI18n();
  return (
    <Space size={4} wrap>
      <Typography.Text strong={task.slaState === 'OVERDUE' || task.overdue} style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(task.dueAt, language)}
      </Typography.Text>
      <SlaBadge state={task.slaState} daysLeft={daysLeft} />
      {task.overdue && task.slaState !== 'OVERDUE' && <Tag color="red">{t('officer.task.stageOverdue')}</Tag>}
      {task.escalated && <Tag color="magenta">{t('officer.task.escalated')}</Tag>}
    </Space>
  );
}

/** Who holds the task: nobody yet, the reader, or a colleague. */
export function TaskHolder({ task, me }: { task: Task; me: Me }) {
  const { t } = useI18n();
  if (task.status === 'OPEN') return <Tag>{t('officer.holder.open')}</Tag>;
  if (task.status !== 'CLAIMED') return <Tag>{t(`officer.status.${task.status}`)}</Tag>;
  return task.assigneeId === me.user.id ? (
    <Tag color="blue">{t('officer.holder.me')}</Tag>
  ) : (
    <Tag color="purple">{t('officer.holder.colleague')}</Tag>
  );
}

/** What the reader may do with a task from the queue. */
export function permissionsOf(task: Task, me: Me) {
  const head = me.user.role === 'DEPARTMENT_HEAD';
  const forMyRole = task.role === 'OFFICER' || head;
  return {
    forMyRole,
    mayClaim: task.status === 'OPEN' && forMyRole,
    mayRelease: task.status === 'CLAIMED' && (task.assigneeId === me.user.id || head),
    mine: task.status === 'CLAIMED' && task.assigneeId === me.user.id,
  };
}
