import { Button, Flex, Rate, Segmented, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { providerDtoStatusValues } from '@parkline/client';
import { useI18n } from '../shared/i18n/i18n';
import { LoadMore } from '../shared/ui/LoadMore';
import { ProblemAlert } from '../shared/ui/ProblemAlert';
import { RecordList } from '../shared/ui/RecordList';
import { NewPartnerUserModal, type PartnerRef } from './NewPartnerUserModal';
import { ReasonDialog } from './ReasonDialog';
import { useChangeProviderStatus, useProviders, type Provider, type ProviderDecision, type ProviderStatus } from './partners';

/** The decisions the park may take from each status (as the API allows them). */
const DECISIONS: Record<ProviderStatus, ProviderDecision[]> = {
  APPLIED: ['LISTED', 'REJECTED'],
  LISTED: ['SUSPENDED', 'DELISTED'],
  SUSPENDED: ['LISTED', 'DELISTED'],
  REJECTED: [],
  DELISTED: [],
};

const STATUS_COLOUR: Record<ProviderStatus, string> = {
  APPLIED: 'processing',
  LISTED: 'success',
  REJECTED: 'default',
  SUSPENDED: 'warning',
  DELISTED: 'error',
};

export function ProviderStatusTag({ status }: { status: ProviderStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOUR[status]}>{t(`partners.providerStatus.${status}`)}</Tag>;
}

/** The park's register of service providers: review applications, list, suspend and delist. */
export function ProvidersAdminPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<ProviderStatus | 'ALL'>('APPLIED');
  const providers = useProviders(status === 'ALL' ? undefined : status);
  const change = useChangeProviderStatus();
  const [deciding, setDeciding] = useState<{ provider: Provider; decision: ProviderDecision }>();
  const [addingUser, setAddingUser] = useState<PartnerRef>();
  const rows = providers.data?.pages.flatMap((page) => page.data);

  const decisions = (provider: Provider) => (
    <Space wrap>
      {DECISIONS[provider.status].map((decision) => (
        <Button
          key={decision}
          size="small"
          type={decision === 'LISTED' ? 'primary' : 'default'}
          danger={decision === 'DELISTED' || decision === 'REJECTED'}
          onClick={() => setDeciding({ provider, decision })}
          aria-label={`${t(`partners.decision.${decision}`)} ${provider.name}`}
        >
          {t(`partners.decision.${decision}`)}
        </Button>
      ))}
      {provider.status !== 'DELISTED' && provider.status !== 'REJECTED' && (
        <Button
          size="small"
          type="link"
          onClick={() => setAddingUser({ kind: 'provider', id: provider.id, name: provider.name })}
          aria-label={`${t('partners.newUser.open')} ${provider.name}`}
        >
          {t('partners.newUser.open')}
        </Button>
      )}
    </Space>
  );
  const columns: ColumnsType<Provider> = [
    {
      key: 'name',
      title: t('partners.provider.name'),
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{row.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.contactName} · {row.contactPhone}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'kind', title: t('partners.provider.kind'), render: (_, row) => <Tag>{t(`partners.kind.${row.kind}`)}</Tag> },
    { key: 'services', title: t('partners.provider.services'), render: (_, row) => row.services.join('、') || '—' },
    {
      key: 'rating',
      title: t('partners.provider.rating'),
      render: (_, row) =>
        row.rating === null ? '—' : <Rate disabled allowHalf value={row.rating} style={{ fontSize: 14 }} />,
    },
    { key: 'status', title: t('partners.provider.status'), render: (_, row) => <ProviderStatusTag status={row.status} /> },
    { key: 'actions', title: t('partners.actions'), render: (_, row) => decisions(row) },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('partners.providers.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('partners.providers.subtitle')}</Typography.Text>
      </div>
      <Flex wrap>
        <Segmented<ProviderStatus | 'ALL'>
          aria-label={t('partners.provider.status')}
          value={status}
          onChange={setStatus}
          options={[
            ...providerDtoStatusValues.map((value) => ({ value, label: t(`partners.providerStatus.${value}`) })),
            { value: 'ALL', label: t('partners.all') },
          ]}
        />
      </Flex>
      {providers.isError ? (
        <ProblemAlert error={providers.error} onRetry={() => void providers.refetch()} />
      ) : (
        <RecordList<Provider>
          rows={rows}
          loading={providers.isPending}
          empty={t('partners.providers.none')}
          columns={columns}
          card={(row) => ({
            title: (
              <Space wrap>
                {row.name}
                <ProviderStatusTag status={row.status} />
              </Space>
            ),
            description: `${t(`partners.kind.${row.kind}`)} · ${row.services.join('、')}`,
            extra: decisions(row),
          })}
        />
      )}
      <LoadMore query={providers} />
      <NewPartnerUserModal partner={addingUser} onClose={() => setAddingUser(undefined)} />
      <ReasonDialog
        open={Boolean(deciding)}
        title={deciding ? `${t(`partners.decision.${deciding.decision}`)}：${deciding.provider.name}` : ''}
        label={t('partners.reason')}
        pending={change.isPending}
        error={change.error}
        onSubmit={({ text }) =>
          change.mutateAsync({ id: deciding!.provider.id, status: deciding!.decision, reason: text })
        }
        onClose={() => {
          setDeciding(undefined);
          change.reset();
        }}
      />
    </Space>
  );
}
