import { Button, DatePicker, Form, Modal, Popover, Segmented, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { newPlacementReviewDtoOutcomeValues, placementDtoStatusValues } from '@parkline/client';
import { useMe } from '../app/auth';
import { ReasonDialog } from '../partners/ReasonDialog';
import { RequestDrawer } from '../partners/RequestDrawer';
import { useI18n } from '../shared/i18n/i18n';
import { formatDateTime } from '../shared/ui/format';
import { LoadMore } from '../shared/ui/LoadMore';
import { FormProblem } from '../shared/ui/FormProblem';
import { ProblemAlert } from '../shared/ui/ProblemAlert';
import { RecordList } from '../shared/ui/RecordList';
import {
  usePlacements,
  usePlacementStep,
  type Placement,
  type PlacementStatus,
  type ReviewOutcome,
} from './placements';

const STATUS_COLOUR: Record<PlacementStatus, string> = {
  PROPOSED: 'processing',
  ACTIVE: 'success',
  RENEWING: 'warning',
  ENDED: 'default',
};

/**
 * Doctors' placements with enterprises, as each side sees them: a hospital's users and an
 * enterprise's admin confirm the term waiting for their side and may end a placement; the
 * park's officers record periodic reviews. Everyone sees the reviews.
 */
export function PlacementsPage() {
  const { t, language } = useI18n();
  const { user } = useMe();
  const side =
    user.role === 'INSTITUTION_USER'
      ? 'hospital'
      : user.role === 'ENTERPRISE_ADMIN'
        ? 'enterprise'
        : null;
  const officer = user.role === 'OFFICER' || user.role === 'DEPARTMENT_HEAD';
  const [status, setStatus] = useState<PlacementStatus | 'ALL'>('ALL');
  const placements = usePlacements(status === 'ALL' ? {} : { status });
  const step = usePlacementStep();
  const [exiting, setExiting] = useState<Placement>();
  const [reviewing, setReviewing] = useState<Placement>();
  const [renewing, setRenewing] = useState<Placement>();
  const rows = placements.data?.pages.flatMap((page) => page.data);

  const waitingForMe = (placement: Placement) =>
    (placement.status === 'PROPOSED' || placement.status === 'RENEWING') &&
    ((side === 'hospital' && !placement.hospitalConfirmedAt) ||
      (side === 'enterprise' && !placement.enterpriseConfirmedAt));
  const actions = (placement: Placement) => (
    <Space wrap>
      {waitingForMe(placement) && (
        <Button
          type="primary"
          size="small"
          loading={step.isPending && step.variables?.id === placement.id}
          onClick={() =>
            step.mutate({ id: placement.id, version: placement.version, step: 'confirm' })
          }
        >
          {t('placements.confirm')}
        </Button>
      )}
      {officer && (placement.status === 'ACTIVE' || placement.status === 'RENEWING') && (
        <Button size="small" onClick={() => setReviewing(placement)}>
          {t('placements.review')}
        </Button>
      )}
      {(side || officer) && placement.status === 'ACTIVE' && (
        <Button size="small" onClick={() => setRenewing(placement)}>
          {t('placements.renew')}
        </Button>
      )}
      {side && placement.status !== 'ENDED' && (
        <Button size="small" danger onClick={() => setExiting(placement)}>
          {t('placements.exit')}
        </Button>
      )}
    </Space>
  );
  const doctor = (placement: Placement) => (
    <Space orientation="vertical" size={0}>
      <Typography.Text strong>
        {placement.doctor.name} · {t(`placements.title.${placement.doctor.title}`)}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {placement.institutionName}
      </Typography.Text>
    </Space>
  );
  const term = (placement: Placement) =>
    `${placement.term.from} – ${placement.term.until}` +
    (placement.nextTerm ? ` → ${placement.nextTerm.from} – ${placement.nextTerm.until}` : '');
  const statusTag = (placement: Placement) => (
    <Tag color={STATUS_COLOUR[placement.status]}>{t(`placements.status.${placement.status}`)}</Tag>
  );
  const reviews = (placement: Placement) =>
    placement.reviews.length === 0 ? (
      <Typography.Text type="secondary">{t('placements.noReviews')}</Typography.Text>
    ) : (
      <Popover
        title={t('placements.reviews')}
        content={
          <Space orientation="vertical" style={{ maxWidth: 360 }}>
            {placement.reviews.map((review) => (
              <div key={review.id}>
                <Tag>{t(`placements.outcome.${review.outcome}`)}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {review.reviewerName} · {formatDateTime(review.createdAt, language)}
                </Typography.Text>
                <div>{review.notes}</div>
              </div>
            ))}
          </Space>
        }
      >
        <Button type="link" size="small">
          {t('placements.reviewCount', { count: String(placement.reviews.length) })}
        </Button>
      </Popover>
    );
  const columns: ColumnsType<Placement> = [
    { key: 'doctor', title: t('placements.doctor'), render: (_, row) => doctor(row) },
    { key: 'enterprise', title: t('placements.enterprise'), dataIndex: 'enterpriseName' },
    {
      key: 'request',
      title: t('placements.request'),
      render: (_, row) => (
        <RequestDrawer applicationId={row.applicationId} number={row.applicationNumber} />
      ),
    },
    { key: 'term', title: t('placements.term'), render: (_, row) => term(row) },
    { key: 'hours', title: t('placements.hours'), render: (_, row) => `${row.hoursPerWeek} h` },
    { key: 'status', title: t('placements.statusLabel'), render: (_, row) => statusTag(row) },
    { key: 'reviews', title: t('placements.reviews'), render: (_, row) => reviews(row) },
    { key: 'actions', title: t('partners.actions'), render: (_, row) => actions(row) },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('placements.pageTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('placements.subtitle')}</Typography.Text>
      </div>
      <Segmented<PlacementStatus | 'ALL'>
        aria-label={t('placements.statusLabel')}
        value={status}
        onChange={setStatus}
        options={[
          { value: 'ALL', label: t('partners.all') },
          ...placementDtoStatusValues.map((value) => ({
            value,
            label: t(`placements.status.${value}`),
          })),
        ]}
      />
      {placements.isError ? (
        <ProblemAlert error={placements.error} onRetry={() => void placements.refetch()} />
      ) : (
        <RecordList<Placement>
          rows={rows}
          loading={placements.isPending}
          empty={t('placements.none')}
          columns={columns}
          card={(row) => ({
            title: (
              <Space wrap>
                {doctor(row)}
                {statusTag(row)}
              </Space>
            ),
            description: `${row.enterpriseName} · ${term(row)} · ${row.hoursPerWeek} h`,
            extra: actions(row),
          })}
        />
      )}
      <LoadMore query={placements} />
      {step.isError && !exiting && !reviewing && !renewing && <ProblemAlert error={step.error} />}
      <RenewDialog
        placement={renewing}
        pending={step.isPending}
        error={step.error}
        onSubmit={([from, until]) =>
          step.mutateAsync({
            id: renewing!.id,
            version: renewing!.version,
            step: 'renew',
            from: from.format('YYYY-MM-DD'),
            until: until.format('YYYY-MM-DD'),
          })
        }
        onClose={() => {
          setRenewing(undefined);
          step.reset();
        }}
      />
      <ReasonDialog
        open={Boolean(exiting)}
        title={t('placements.exit')}
        label={t('partners.reason')}
        pending={step.isPending}
        error={step.error}
        onSubmit={({ text }) =>
          step.mutateAsync({
            id: exiting!.id,
            version: exiting!.version,
            step: 'exit',
            reason: text,
          })
        }
        onClose={() => {
          setExiting(undefined);
          step.reset();
        }}
      />
      <ReasonDialog
        open={Boolean(reviewing)}
        title={t('placements.review')}
        label={t('placements.notes')}
        pending={step.isPending}
        error={step.error}
        onSubmit={({ text, outcome }: { text: string; outcome?: ReviewOutcome }) =>
          step.mutateAsync({
            id: reviewing!.id,
            version: reviewing!.version,
            step: 'review',
            outcome: outcome ?? 'SATISFACTORY',
            notes: text,
          })
        }
        onClose={() => {
          setReviewing(undefined);
          step.reset();
        }}
        extra={
          <Form.Item
            name="outcome"
            label={t('placements.outcomeLabel')}
            initialValue="SATISFACTORY"
          >
            <Select
              options={newPlacementReviewDtoOutcomeValues.map((value) => ({
                value,
                label: t(`placements.outcome.${value}`),
              }))}
            />
          </Form.Item>
        }
      />
    </Space>
  );
}

/** Either side, or the request's officer, offers the next term; both sides confirm it again. */
function RenewDialog({
  placement,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  placement: Placement | undefined;
  pending: boolean;
  error: unknown;
  onSubmit: (term: [Dayjs, Dayjs]) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ term: [Dayjs, Dayjs] }>();
  return (
    <Modal
      open={Boolean(placement)}
      title={placement ? `${t('placements.renew')} · ${placement.doctor.name}` : undefined}
      okText={t('placements.renew')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: pending }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={({ term }) => onSubmit(term).then(onClose, () => undefined)}>
        <Typography.Paragraph type="secondary">
          {t('placements.term')}: {placement?.term.from} – {placement?.term.until}
        </Typography.Paragraph>
        <Form.Item
          name="term"
          label={t('placements.renewTerm')}
          rules={[{ required: true, message: t('placements.termRequired') }]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <FormProblem error={error} />
      </Form>
    </Modal>
  );
}
