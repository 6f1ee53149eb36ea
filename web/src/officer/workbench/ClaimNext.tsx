import { ThunderboltOutlined } from '@ant-design/icons';
import { ParklineApiError } from '@parkline/client';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import { useClaimNextTask } from '../tasks';

/**
 * "Claim next": the API picks one of the most urgent free tasks and the officer lands on it.
 * `queueEmpty` says the last try found nothing (204), until the next try.
 */
export function useClaimNext() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const claimNext = useClaimNextTask();
  const [queueEmpty, setQueueEmpty] = useState(false);
  const run = () => {
    setQueueEmpty(false);
    claimNext.mutate(undefined, {
      onSuccess: (task) => {
        if (task) void navigate(`/workbench/tasks/${task.id}`);
        else setQueueEmpty(true);
      },
      onError: (error) =>
        void message.error(error instanceof ParklineApiError ? error.detail || error.title : t('app.error')),
    });
  };
  return { claimNext: run, claiming: claimNext.isPending, queueEmpty };
}

/** The screen's main button: `n` from anywhere on the screen does the same. */
export function ClaimNextButton({
  next,
  block,
  autoFocus,
}: {
  next: ReturnType<typeof useClaimNext>;
  block?: boolean;
  autoFocus?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Button
      type="primary"
      size="large"
      icon={<ThunderboltOutlined />}
      loading={next.claiming}
      onClick={next.claimNext}
      block={block}
      autoFocus={autoFocus}
      aria-keyshortcuts="n"
    >
      {t('officer.claimNext')}
    </Button>
  );
}
