import { App, Button, Flex, Form, Grid, Input, Modal, Segmented, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { bookingDtoStatusValues } from '@parkline/client';
import { fieldErrorsOf } from '../../shared/api/problem';
import { useI18n } from '../../shared/i18n/i18n';
import { FormProblem } from '../../shared/ui/FormProblem';
import { LoadMore } from '../../shared/ui/LoadMore';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { RecordList } from '../../shared/ui/RecordList';
import { useBookingAction, useBookings, type Booking, type BookingStatus } from '../bookings';
import { BookingStatusTag, BookingTime } from '../parts';

type StatusView = BookingStatus | 'ALL';

/** Bookings of the resources the department operates: confirm, or decline with a reason. */
export function BookingQueuePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().md;
  const [status, setStatus] = useState<StatusView>('REQUESTED');
  const [declining, setDeclining] = useState<Booking>();
  const bookings = useBookings(status === 'ALL' ? undefined : status);
  const confirm = useBookingAction();
  const actions = (booking: Booking) =>
    booking.status === 'REQUESTED' && (
      <Space>
        <Button
          type="primary"
          size="small"
          loading={confirm.isPending && confirm.variables?.id === booking.id}
          aria-label={`${t('bookings.queue.confirm')} ${booking.enterpriseName} ${booking.resourceName}`}
          onClick={() =>
            confirm.mutate(
              { id: booking.id, action: 'confirm' },
              { onSuccess: () => void message.success(t('bookings.queue.confirmed')) },
            )
          }
        >
          {t('bookings.queue.confirm')}
        </Button>
        <Button size="small" danger onClick={() => setDeclining(booking)}>
          {t('bookings.queue.decline')}
        </Button>
      </Space>
    );
  const columns: ColumnsType<Booking> = [
    { key: 'enterprise', title: t('bookings.enterprise'), render: (_, row) => <Typography.Text strong>{row.enterpriseName}</Typography.Text> },
    { key: 'resource', title: t('bookings.resource'), render: (_, row) => `${row.resourceName} #${row.unitNumber}` },
    { key: 'when', title: t('bookings.when'), render: (_, row) => <BookingTime booking={row} /> },
    { key: 'purpose', title: t('bookings.purpose'), dataIndex: 'purpose' },
    { key: 'price', title: t('bookings.price'), render: (_, row) => `¥${row.priceCny}` },
    { key: 'status', title: t('bookings.status'), render: (_, row) => <BookingStatusTag booking={row} /> },
    { key: 'action', title: '', render: (_, row) => actions(row) },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('bookings.queue.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('bookings.queue.subtitle')}</Typography.Text>
      </div>
      <Flex>
        <Segmented<StatusView>
          aria-label={t('bookings.status')}
          value={status}
          onChange={setStatus}
          options={(['ALL', ...bookingDtoStatusValues] as StatusView[]).map((value) => ({
            value,
            label: value === 'ALL' ? t('bookings.queue.all') : t(`bookings.status.${value}`),
          }))}
          block={phone}
        />
      </Flex>
      {confirm.isError && <ProblemAlert error={confirm.error} />}
      {bookings.isError ? (
        <ProblemAlert error={bookings.error} onRetry={() => void bookings.refetch()} />
      ) : (
        <RecordList<Booking>
          rows={bookings.data?.pages.flatMap((page) => page.data)}
          loading={bookings.isPending}
          empty={t('bookings.queue.none')}
          columns={columns}
          card={(row) => ({
            title: `${row.enterpriseName} · ${row.resourceName}`,
            description: (
              <>
                <BookingTime booking={row} /> · {row.purpose} · <BookingStatusTag booking={row} />
              </>
            ),
            extra: actions(row),
          })}
        />
      )}
      <LoadMore query={bookings} />
      <DeclineDialog booking={declining} onClose={() => setDeclining(undefined)} />
    </Space>
  );
}

function DeclineDialog({ booking, onClose }: { booking: Booking | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const decline = useBookingAction();
  const submit = ({ reason }: { reason: string }) =>
    booking &&
    decline.mutate(
      { id: booking.id, action: 'decline', reason },
      {
        onSuccess: () => {
          void message.success(t('bookings.queue.declined'));
          onClose();
        },
        onError: (error) => form.setFields(fieldErrorsOf(error)),
      },
    );
  return (
    <Modal
      open={Boolean(booking)}
      title={t('bookings.queue.declineTitle')}
      okText={t('bookings.queue.decline')}
      okButtonProps={{ danger: true, loading: decline.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => decline.reset()}
      destroyOnHidden
    >
      {booking && (
        <Typography.Paragraph>
          {booking.enterpriseName} · {booking.resourceName} · <BookingTime booking={booking} />
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="reason"
          label={t('bookings.queue.declineReason')}
          rules={[{ required: true, min: 2, message: t('bookings.queue.declineReason') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount autoFocus />
        </Form.Item>
        <FormProblem error={decline.error} />
      </Form>
    </Modal>
  );
}
