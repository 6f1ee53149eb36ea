import { App, Button, Space } from 'antd';
import { ParklineApiError } from '@parkline/client';
import { Link } from 'react-router';
import { call, parkline } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import type { ApplicationDefinition, ApplicationDto } from '../parts/definition';
import { useApplicationAction } from './queries';

/** Withdrawal is possible while no decision is made. */
const UNDECIDED = new Set<ApplicationDto['status']>(['IN_PROGRESS', 'SUPPLEMENT_REQUIRED']);

/**
 * What the enterprise may do with its application now: continue a draft, confirm a
 * value-added result that waits for it, or withdraw before the decision.
 */
export function ApplicationActions({
  application,
  definition,
}: {
  application: ApplicationDto;
  definition: ApplicationDefinition | undefined;
}) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const { id, version } = application;
  const withdraw = useApplicationAction(id, () =>
    call(() =>
      parkline.POST('/api/v1/applications/{id}/withdraw', {
        params: { path: { id } },
        body: { expectedVersion: version },
      }),
    ),
  );
  const confirm = useApplicationAction(id, () =>
    call(() =>
      parkline.POST('/api/v1/applications/{id}/confirm', {
        params: { path: { id } },
        body: { expectedVersion: version },
      }),
    ),
  );
  const stage = definition?.stages.find((candidate) => candidate.code === application.stage);
  const awaitsConfirmation =
    application.status === 'IN_PROGRESS' && stage?.kind === 'WAIT' && Boolean(stage.events?.confirm);
  const failed = (error: unknown) =>
    void message.error(error instanceof ParklineApiError ? error.detail || error.title : t('app.error'));

  /** Asks before an action that cannot be undone. */
  const ask = (run: (input: undefined) => Promise<unknown>, action: 'confirm' | 'withdraw') =>
    modal.confirm({
      title: t(`applications.detail.${action}Title`),
      content: t(`applications.detail.${action}Text`),
      okText: t(`applications.detail.${action}`),
      okButtonProps: { danger: action === 'withdraw' },
      cancelText: t('app.cancel'),
      onOk: () => run(undefined).catch(failed),
    });

  return (
    <Space wrap>
      {application.status === 'DRAFT' && (
        <Link to={`/applications/${id}/edit`}>
          <Button type="primary">{t('applications.detail.edit')}</Button>
        </Link>
      )}
      {awaitsConfirmation && (
        <Button type="primary" loading={confirm.isPending} onClick={() => ask(confirm.mutateAsync, 'confirm')}>
          {t('applications.detail.confirm')}
        </Button>
      )}
      {UNDECIDED.has(application.status) && (
        <Button danger loading={withdraw.isPending} onClick={() => ask(withdraw.mutateAsync, 'withdraw')}>
          {t('applications.detail.withdraw')}
        </Button>
      )}
    </Space>
  );
}
