import { Button, Form, InputNumber, Progress, Segmented, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { handoverDtoStatusValues } from '@parkline/client';
import { useI18n } from '../shared/i18n/i18n';
import { formatDateTime } from '../shared/ui/format';
import { LoadMore } from '../shared/ui/LoadMore';
import { ProblemAlert } from '../shared/ui/ProblemAlert';
import { RecordList } from '../shared/ui/RecordList';
import { ReasonDialog } from './ReasonDialog';
import { RequestDrawer } from './RequestDrawer';
import { useHandovers, useHandoverStep, type Handover, type HandoverStatus, type HandoverStep } from './partners';

const STATUS_COLOUR: Record<HandoverStatus, string> = {
  OFFERED: 'processing',
  ACCEPTED: 'blue',
  DECLINED: 'default',
  CLOSED: 'success',
};

export function HandoverStatusTag({ status }: { status: HandoverStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOUR[status]}>{t(`partners.handoverStatus.${status}`)}</Tag>;
}

type Asking = { handover: Handover; step: Exclude<HandoverStep['step'], 'accept'> };

/** A provider's work: the requests the park handed to it, to accept, report on and close. */
export function HandoversPage() {
  const { t, language } = useI18n();
  const [status, setStatus] = useState<HandoverStatus | 'ALL'>('OFFERED');
  const handovers = useHandovers({ status: status === 'ALL' ? undefined : status });
  const step = useHandoverStep();
  const [asking, setAsking] = useState<Asking>();
  const rows = handovers.data?.pages.flatMap((page) => page.data);

  const actions = (handover: Handover) => (
    <Space wrap>
      {handover.status === 'OFFERED' && (
        <>
          <Button
            type="primary"
            size="small"
            loading={step.isPending && step.variables?.id === handover.id}
            onClick={() => step.mutate({ id: handover.id, version: handover.version, step: 'accept' })}
          >
            {t('partners.handover.accept')}
          </Button>
          <Button size="small" danger onClick={() => setAsking({ handover, step: 'decline' })}>
            {t('partners.handover.decline')}
          </Button>
        </>
      )}
      {handover.status === 'ACCEPTED' && (
        <>
          <Button size="small" onClick={() => setAsking({ handover, step: 'progress' })}>
            {t('partners.handover.progress')}
          </Button>
          <Button type="primary" size="small" onClick={() => setAsking({ handover, step: 'close' })}>
            {t('partners.handover.close')}
          </Button>
        </>
      )}
    </Space>
  );
  const request = (handover: Handover) => (
    <Space orientation="vertical" size={0}>
      <RequestDrawer applicationId={handover.applicationId} number={handover.applicationNumber} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {handover.enterpriseName} · {handover.serviceCode}
      </Typography.Text>
    </Space>
  );
  const columns: ColumnsType<Handover> = [
    { key: 'request', title: t('partners.handover.request'), render: (_, row) => request(row) },
    { key: 'note', title: t('partners.handover.note'), render: (_, row) => row.note || '—' },
    { key: 'offered', title: t('partners.handover.offeredAt'), render: (_, row) => formatDateTime(row.createdAt, language) },
    { key: 'status', title: t('partners.handover.status'), render: (_, row) => <HandoverStatusTag status={row.status} /> },
    { key: 'progress', title: t('partners.handover.progress'), render: (_, row) => <Progress percent={row.percent} size="small" /> },
    { key: 'actions', title: t('partners.actions'), render: (_, row) => actions(row) },
  ];
  const dialog = asking && {
    decline: { title: t('partners.handover.decline'), label: t('partners.reason') },
    progress: { title: t('partners.handover.progress'), label: t('partners.handover.progressNote') },
    close: { title: t('partners.handover.close'), label: t('partners.handover.summary') },
  }[asking.step];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('partners.handovers.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('partners.handovers.subtitle')}</Typography.Text>
      </div>
      <Segmented<HandoverStatus | 'ALL'>
        aria-label={t('partners.handover.status')}
        value={status}
        onChange={setStatus}
        options={[
          ...handoverDtoStatusValues.map((value) => ({ value, label: t(`partners.handoverStatus.${value}`) })),
          { value: 'ALL', label: t('partners.all') },
        ]}
      />
      {handovers.isError ? (
        <ProblemAlert error={handovers.error} onRetry={() => void handovers.refetch()} />
      ) : (
        <RecordList<Handover>
          rows={rows}
          loading={handovers.isPending}
          empty={t('partners.handovers.none')}
          columns={columns}
          card={(row) => ({
            title: (
              <Space wrap>
                {request(row)}
                <HandoverStatusTag status={row.status} />
              </Space>
            ),
            description: <Progress percent={row.percent} size="small" />,
            extra: actions(row),
          })}
        />
      )}
      <LoadMore query={handovers} />
      {step.isError && !asking && <ProblemAlert error={step.error} />}
      <ReasonDialog
        open={Boolean(asking)}
        title={dialog?.title ?? ''}
        label={dialog?.label ?? ''}
        pending={step.isPending}
        error={step.error}
        extra={
          asking?.step === 'progress' && (
            <Form.Item name="percent" label={t('partners.handover.percent')} initialValue={asking.handover.percent} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} addonAfter="%" />
            </Form.Item>
          )
        }
        onSubmit={({ text, percent }) => {
          const { handover } = asking!;
          const base = { id: handover.id, version: handover.version };
          if (asking!.step === 'decline') return step.mutateAsync({ ...base, step: 'decline', reason: text });
          if (asking!.step === 'progress')
            return step.mutateAsync({ ...base, step: 'progress', note: text, percent: percent ?? handover.percent });
          return step.mutateAsync({ ...base, step: 'close', summary: text });
        }}
        onClose={() => {
          setAsking(undefined);
          step.reset();
        }}
      />
    </Space>
  );
}
