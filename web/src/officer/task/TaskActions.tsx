import { ParklineApiError } from '@parkline/client';
import { Alert, App, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ApplicationDefinition, ApplicationDto } from '../../applications/parts';
import type { Me } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { useClaimTask, useReleaseTask, type Task, type TaskAction } from '../tasks';
import { permissionsOf } from '../workbench/TaskCells';
import { useShortcuts } from '../workbench/useShortcuts';
import { ACTIONS, actionLabel, orderedActions } from './actions';
import { ActionForm } from './ActionForm';
import { ExtendLimitButton } from './ExtendLimitButton';
import { ReassignButton } from './ReassignButton';

interface TaskActionsProps {
  task: Task;
  /** False while the page shows the queue's row in place of the task just read. */
  current: boolean;
  me: Me;
  application: ApplicationDto | undefined;
  definition: ApplicationDefinition | undefined;
  onDone: (task: Task) => void;
  onRefresh: () => void;
}

function useErrorMessage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (error: Error) =>
    void message.error(error instanceof ParklineApiError ? error.detail || error.title : t('app.error'));
}

/** What the reader may do with the task now: claim it, act on it as its stage allows, hand it on. */
export function TaskActions({ task, current, me, application, definition, onDone, onRefresh }: TaskActionsProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const claim = useClaimTask();
  const release = useReleaseTask();
  const [chosen, setChosen] = useState<TaskAction>();
  const { forMyRole, mayClaim, mayRelease, mine } = permissionsOf(task, me);
  const head = me.user.role === 'DEPARTMENT_HEAD';
  const live = task.status === 'OPEN' || task.status === 'CLAIMED';

  const claimIt = () =>
    claim.mutate(task.id, {
      onError: (error) => {
        showError(error);
        onRefresh();
      },
    });
  const releaseIt = () =>
    release.mutate(task.id, {
      onSuccess: () => {
        void message.info(t('officer.released', { number: task.applicationNumber }));
        void navigate('/workbench');
      },
      onError: showError,
    });
  useShortcuts({ c: mayClaim && current ? claimIt : undefined, Escape: chosen ? () => setChosen(undefined) : undefined });

  return (
    <Card title={t('officer.task.actions')} aria-busy={!current}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {task.status === 'OPEN' && !forMyRole && (
          <Alert type="info" showIcon title={t('officer.task.needsHead')} />
        )}
        {mayClaim && (
          <Button type="primary" size="large" block loading={claim.isPending} disabled={!current} onClick={claimIt} aria-keyshortcuts="c">
            {t('officer.task.claimToAct')}
          </Button>
        )}
        {task.status === 'CLAIMED' && !mine && (
          <Alert type="warning" showIcon title={t('officer.task.heldByColleague')} />
        )}
        {mine && !chosen && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {orderedActions(task).map((action) => (
              <Button
                key={action}
                block
                type={ACTIONS[action].tone === 'primary' ? 'primary' : 'default'}
                danger={ACTIONS[action].tone === 'danger'}
                disabled={!current}
                onClick={() => setChosen(action)}
              >
                {actionLabel(t, task, action)}
              </Button>
            ))}
            {task.allowedActions.length === 0 && (
              <Typography.Text type="secondary">{t('officer.task.noActions')}</Typography.Text>
            )}
          </Space>
        )}
        {mine && chosen && (
          <ActionForm
            key={chosen}
            task={task}
            action={chosen}
            definition={definition}
            onCancel={() => setChosen(undefined)}
            onDone={onDone}
            onRefresh={onRefresh}
          />
        )}
        {!live && <TaskOutcome task={task} />}
        {live && (mayRelease || head) && !chosen && (
          <Space wrap>
            {mayRelease && (
              <Button loading={release.isPending} onClick={releaseIt} disabled={!current}>
                {t('officer.release')}
              </Button>
            )}
            {head && <ReassignButton task={task} me={me} disabled={!current} />}
            {head && application?.sla?.statutory && <ExtendLimitButton application={application} />}
          </Space>
        )}
      </Space>
    </Card>
  );
}

/** A task already acted on: what was done, with the comment. */
function TaskOutcome({ task }: { task: Task }) {
  const { t } = useI18n();
  const action = task.action as TaskAction | null;
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'status', label: t('officer.column.holder'), children: t(`officer.status.${task.status}`) },
        ...(action && action in ACTIONS
          ? [{ key: 'action', label: t('officer.task.action'), children: actionLabel(t, task, action) }]
          : []),
        ...(task.comment ? [{ key: 'comment', label: t('officer.form.comment'), children: task.comment }] : []),
      ]}
    />
  );
}
