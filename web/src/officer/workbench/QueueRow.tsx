import { Button, Space, Tag } from 'antd';
import { Link } from 'react-router';
import type { Me } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import type { Task } from '../tasks';
import { permissionsOf } from './TaskCells';
import type { QueueActions } from './useQueueActions';

/** What the table and the phone list both show: the rows, who reads them, what they may do. */
export interface QueueRowsProps {
  tasks: Task[];
  me: Me;
  /** The row the keyboard is on. */
  active: string | undefined;
  actions: QueueActions;
  onOpen: (task: Task) => void;
  loading: boolean;
}

export function ApplicationLink({ task }: { task: Task }) {
  return (
    <Link to={`/workbench/tasks/${task.id}`} style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
      {task.applicationNumber}
    </Link>
  );
}

/** Tags of what is special about a task: a head's decision, a rectification after a poor rating. */
export function TaskKindTags({ task }: { task: Task }) {
  const { t } = useI18n();
  return (
    <>
      {task.role === 'DEPARTMENT_HEAD' && <Tag color="gold">{t('officer.task.headDecision')}</Tag>}
      {task.kind === 'RECTIFICATION' && <Tag color="volcano">{t('officer.task.rectification')}</Tag>}
    </>
  );
}

/** Claim, release and open, as the reader's role and the task's holder allow. */
export function RowActions({ task, me, actions, block }: { task: Task; me: Me; actions: QueueActions; block?: boolean }) {
  const { t } = useI18n();
  const { mayClaim, mayRelease, mine } = permissionsOf(task, me);
  const busy = actions.busyId === task.id;
  const label = (action: string) => `${action} ${task.applicationNumber}`;
  return (
    <Space wrap style={block ? { width: '100%' } : undefined}>
      {mayClaim && (
        <Button type="primary" ghost size="small" loading={busy} onClick={() => actions.claim(task)} aria-label={label(t('officer.claim'))}>
          {t('officer.claim')}
        </Button>
      )}
      {mayRelease && (
        <Button size="small" loading={busy} onClick={() => actions.release(task)} aria-label={label(t('officer.release'))}>
          {t('officer.release')}
        </Button>
      )}
      <Link to={`/workbench/tasks/${task.id}`} aria-label={label(mine ? t('officer.handle') : t('officer.view'))}>
        {mine ? t('officer.handle') : t('officer.view')}
      </Link>
    </Space>
  );
}
