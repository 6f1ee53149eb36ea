import { ParklineApiError } from '@parkline/client';
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useI18n } from '../../shared/i18n/i18n';
import { taskKeys, useClaimTask, useReleaseTask, type Task } from '../tasks';

/**
 * Claim and release from the queue. A conflict (a colleague was quicker) is told and the
 * queue refetched, so the officer sees who holds what now.
 */
export function useQueueActions() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const claimTask = useClaimTask();
  const releaseTask = useReleaseTask();
  const onError = (error: Error) => {
    void message.error(error instanceof ParklineApiError ? error.detail || error.title : t('app.error'));
    void queryClient.invalidateQueries({ queryKey: taskKeys.queues() });
  };
  return {
    claim: (task: Task) =>
      claimTask.mutate(task.id, {
        onSuccess: () => void message.success(t('officer.claimed', { number: task.applicationNumber })),
        onError,
      }),
    release: (task: Task) =>
      releaseTask.mutate(task.id, {
        onSuccess: () => void message.info(t('officer.released', { number: task.applicationNumber })),
        onError,
      }),
    /** The task whose claim or release is on its way, for its row's spinner. */
    busyId: claimTask.isPending ? claimTask.variables : releaseTask.isPending ? releaseTask.variables : undefined,
  };
}

export type QueueActions = ReturnType<typeof useQueueActions>;
