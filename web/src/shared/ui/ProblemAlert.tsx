import { Alert, Button } from 'antd';
import { ParklineApiError } from '@parkline/client';
import { useI18n } from '../i18n/i18n';

/** An API problem (or a network failure) as the user reads it, with a retry when useful. */
export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const problem = error instanceof ParklineApiError ? error : undefined;
  return (
    <Alert
      type="error"
      showIcon
      title={problem?.title ?? t('app.error')}
      description={problem?.detail ?? (error instanceof Error ? error.message : undefined)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        )
      }
    />
  );
}
