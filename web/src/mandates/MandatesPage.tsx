import { Button, Segmented, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { mandateDtoStatusValues } from '@parkline/client';
import { useMe } from '../app/auth';
import { ReasonDialog } from '../partners/ReasonDialog';
import { useI18n } from '../shared/i18n/i18n';
import { LoadMore } from '../shared/ui/LoadMore';
import { ProblemAlert } from '../shared/ui/ProblemAlert';
import { RecordList } from '../shared/ui/RecordList';
import { FileForButton } from './FileForButton';
import { GrantMandateModal } from './GrantMandateModal';
import { useMandates, useRevokeMandate, type Mandate, type MandateStatus } from './mandates';

const STATUS_COLOUR: Record<MandateStatus, string> = {
  SCHEDULED: 'processing',
  ACTIVE: 'success',
  EXPIRED: 'default',
  REVOKED: 'error',
};

/**
 * Proxy handling: an enterprise admin grants and revokes mandates; the service centre's staff
 * and providers see those they hold and file for the enterprise from them.
 */
export function MandatesPage() {
  const { t } = useI18n();
  const me = useMe();
  const granter = me.user.role === 'ENTERPRISE_ADMIN';
  const [status, setStatus] = useState<MandateStatus | 'ALL'>('ACTIVE');
  const mandates = useMandates(status === 'ALL' ? undefined : status);
  const revoke = useRevokeMandate();
  const [granting, setGranting] = useState(false);
  const [revoking, setRevoking] = useState<Mandate>();
  const rows = mandates.data?.pages.flatMap((page) => page.data);

  const scope = (row: Mandate) => (row.serviceCodes ? row.serviceCodes.join('、') : t('mandates.allServices'));
  const statusTag = (row: Mandate) => <Tag color={STATUS_COLOUR[row.status]}>{t(`mandates.status.${row.status}`)}</Tag>;
  const right = (row: Mandate) => t(row.canSubmit ? 'mandates.maySubmit' : 'mandates.prepareOnly');
  const action = (row: Mandate) => {
    if (row.status !== 'ACTIVE') return null;
    if (granter)
      return (
        <Button size="small" danger onClick={() => setRevoking(row)}>
          {t('mandates.revoke')}
        </Button>
      );
    return <FileForButton mandate={row} />;
  };
  const columns: ColumnsType<Mandate> = [
    granter
      ? { key: 'holder', title: t('mandates.holder'), render: (_, row) => `${t(`mandates.holderKind.${row.holderKind}`)} · ${row.holderName}` }
      : { key: 'enterprise', title: t('mandates.enterprise'), render: (_, row) => row.enterpriseName },
    { key: 'scope', title: t('mandates.scope'), render: (_, row) => scope(row) },
    { key: 'period', title: t('mandates.period'), render: (_, row) => `${row.validFrom} – ${row.validUntil}` },
    { key: 'right', title: t('mandates.canSubmit'), render: (_, row) => right(row) },
    { key: 'status', title: t('mandates.statusLabel'), render: (_, row) => statusTag(row) },
    { key: 'actions', title: t('partners.actions'), render: (_, row) => action(row) },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('mandates.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t(granter ? 'mandates.subtitle' : 'mandates.heldSubtitle')}</Typography.Text>
        </div>
        {granter && (
          <Button type="primary" onClick={() => setGranting(true)}>
            {t('mandates.grant')}
          </Button>
        )}
      </Space>
      <Segmented<MandateStatus | 'ALL'>
        aria-label={t('mandates.statusLabel')}
        value={status}
        onChange={setStatus}
        options={[
          ...mandateDtoStatusValues.map((value) => ({ value, label: t(`mandates.status.${value}`) })),
          { value: 'ALL', label: t('partners.all') },
        ]}
      />
      {mandates.isError ? (
        <ProblemAlert error={mandates.error} onRetry={() => void mandates.refetch()} />
      ) : (
        <RecordList<Mandate>
          rows={rows}
          loading={mandates.isPending}
          empty={t('mandates.none')}
          columns={columns}
          card={(row) => ({
            title: (
              <Space wrap>
                {granter ? row.holderName : row.enterpriseName}
                {statusTag(row)}
              </Space>
            ),
            description: `${scope(row)} · ${row.validFrom} – ${row.validUntil} · ${right(row)}`,
            extra: action(row),
          })}
        />
      )}
      <LoadMore query={mandates} />
      <GrantMandateModal open={granting} onClose={() => setGranting(false)} />
      <ReasonDialog
        open={Boolean(revoking)}
        title={t('mandates.revoke')}
        label={t('partners.reason')}
        pending={revoke.isPending}
        error={revoke.error}
        onSubmit={({ text }) => revoke.mutateAsync({ id: revoking!.id, version: revoking!.version, reason: text })}
        onClose={() => {
          setRevoking(undefined);
          revoke.reset();
        }}
      />
    </Space>
  );
}
