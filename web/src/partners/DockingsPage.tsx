import { Button, Segmented, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { dockingDtoStatusValues } from '@parkline/client';
import { useI18n } from '../shared/i18n/i18n';
import { formatDateTime } from '../shared/ui/format';
import { LoadMore } from '../shared/ui/LoadMore';
import { ProblemAlert } from '../shared/ui/ProblemAlert';
import { RecordList } from '../shared/ui/RecordList';
import { ReasonDialog } from './ReasonDialog';
import { RequestDrawer } from './RequestDrawer';
import { useDecideDocking, useDockings, type Docking, type DockingStatus } from './partners';

const STATUS_COLOUR: Record<DockingStatus, string> = { OFFERED: 'processing', ACCEPTED: 'success', DECLINED: 'default' };

/** A hospital's GCP office: the clinical trials the park's matching offered to it, to accept or decline. */
export function DockingsPage() {
  const { t, language } = useI18n();
  const [status, setStatus] = useState<DockingStatus | 'ALL'>('OFFERED');
  const dockings = useDockings(status === 'ALL' ? undefined : status);
  const decide = useDecideDocking();
  const [declining, setDeclining] = useState<Docking>();
  const rows = dockings.data?.pages.flatMap((page) => page.data);

  const actions = (docking: Docking) =>
    docking.status === 'OFFERED' && (
      <Space wrap>
        <Button
          type="primary"
          size="small"
          loading={decide.isPending && decide.variables?.id === docking.id}
          onClick={() => decide.mutate({ id: docking.id, decision: 'accept' })}
        >
          {t('partners.docking.accept')}
        </Button>
        <Button size="small" danger onClick={() => setDeclining(docking)}>
          {t('partners.docking.decline')}
        </Button>
      </Space>
    );
  const trial = (docking: Docking) => (
    <Space orientation="vertical" size={0}>
      <RequestDrawer applicationId={docking.applicationId} number={docking.applicationNumber} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {docking.enterpriseName}
      </Typography.Text>
    </Space>
  );
  const statusTag = (docking: Docking) => (
    <Tag color={STATUS_COLOUR[docking.status]}>{t(`partners.dockingStatus.${docking.status}`)}</Tag>
  );
  const columns: ColumnsType<Docking> = [
    { key: 'trial', title: t('partners.docking.trial'), render: (_, row) => trial(row) },
    {
      key: 'what',
      title: t('partners.docking.indication'),
      render: (_, row) => [row.specialty, row.indication, row.phase && `${row.phase} 期`].filter(Boolean).join(' · '),
    },
    { key: 'offered', title: t('partners.docking.offeredAt'), render: (_, row) => formatDateTime(row.createdAt, language) },
    { key: 'status', title: t('partners.docking.status'), render: (_, row) => statusTag(row) },
    { key: 'actions', title: t('partners.actions'), render: (_, row) => actions(row) },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('partners.dockings.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('partners.dockings.subtitle')}</Typography.Text>
      </div>
      <Segmented<DockingStatus | 'ALL'>
        aria-label={t('partners.docking.status')}
        value={status}
        onChange={setStatus}
        options={[
          ...dockingDtoStatusValues.map((value) => ({ value, label: t(`partners.dockingStatus.${value}`) })),
          { value: 'ALL', label: t('partners.all') },
        ]}
      />
      {dockings.isError ? (
        <ProblemAlert error={dockings.error} onRetry={() => void dockings.refetch()} />
      ) : (
        <RecordList<Docking>
          rows={rows}
          loading={dockings.isPending}
          empty={t('partners.dockings.none')}
          columns={columns}
          card={(row) => ({
            title: (
              <Space wrap>
                {trial(row)}
                {statusTag(row)}
              </Space>
            ),
            description: [row.specialty, row.indication].filter(Boolean).join(' · '),
            extra: actions(row),
          })}
        />
      )}
      <LoadMore query={dockings} />
      {decide.isError && !declining && <ProblemAlert error={decide.error} />}
      <ReasonDialog
        open={Boolean(declining)}
        title={t('partners.docking.decline')}
        label={t('partners.reason')}
        pending={decide.isPending}
        error={decide.error}
        onSubmit={({ text }) => decide.mutateAsync({ id: declining!.id, decision: 'decline', reason: text })}
        onClose={() => {
          setDeclining(undefined);
          decide.reset();
        }}
      />
    </Space>
  );
}
