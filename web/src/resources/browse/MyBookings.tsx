import { App, Button, Popconfirm, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDate } from '../../shared/ui/format';
import { LoadMore } from '../../shared/ui/LoadMore';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { RecordList } from '../../shared/ui/RecordList';
import { useBookingAction, useBookings, type Booking } from '../bookings';
import { BookingStatusTag, BookingTime } from '../parts';

const HOLDING = ['REQUESTED', 'CONFIRMED'];

/** The booking's id, to copy into the form of a platform, instrument, animal-centre or space service. */
function BookingNumber({ booking }: { booking: Booking }) {
  const { t } = useI18n();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: booking.id, tooltips: [t('bookings.mine.copyId'), t('bookings.mine.copied')] }}>
      {t('bookings.mine.id', { id: booking.id.slice(0, 8) })}
    </Typography.Text>
  );
}

/** The enterprise's bookings, newest first, each cancellable while it holds its slot. */
export function MyBookings() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const bookings = useBookings(undefined);
  const action = useBookingAction();
  const cancel = (booking: Booking) =>
    action.mutate(
      { id: booking.id, action: 'cancel' },
      {
        onSuccess: (cancelled) =>
          void message.success(
            cancelled.cancellationFeeCny ? t('bookings.mine.cancelledWithFee', { fee: cancelled.cancellationFeeCny }) : t('bookings.mine.cancelled'),
          ),
        onError: (error) => void message.error(error instanceof Error ? error.message : String(error)),
      },
    );
  const cancelButton = (booking: Booking) =>
    HOLDING.includes(booking.status) && (
      <Popconfirm title={t('bookings.mine.cancelConfirm')} okText={t('bookings.mine.cancel')} cancelText={t('app.cancel')} onConfirm={() => cancel(booking)}>
        <Button size="small" danger aria-label={`${t('bookings.mine.cancel')} ${booking.resourceName}`}>
          {t('bookings.mine.cancel')}
        </Button>
      </Popconfirm>
    );
  const columns: ColumnsType<Booking> = [
    {
      key: 'resource',
      title: t('bookings.resource'),
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{row.resourceName}</Typography.Text>
          <BookingNumber booking={row} />
        </Space>
      ),
    },
    { key: 'when', title: t('bookings.when'), render: (_, row) => <BookingTime booking={row} /> },
    { key: 'purpose', title: t('bookings.purpose'), dataIndex: 'purpose' },
    { key: 'price', title: t('bookings.price'), render: (_, row) => `¥${row.priceCny}` },
    { key: 'status', title: t('bookings.status'), render: (_, row) => <BookingStatusTag booking={row} /> },
    { key: 'action', title: '', render: (_, row) => cancelButton(row) },
  ];
  if (bookings.isError) return <ProblemAlert error={bookings.error} onRetry={() => void bookings.refetch()} />;
  return (
    <>
      <RecordList<Booking>
        rows={bookings.data?.pages.flatMap((page) => page.data)}
        loading={bookings.isPending}
        empty={t('bookings.mine.none')}
        columns={columns}
        card={(row) => ({
          title: row.resourceName,
          description: (
            <>
              <BookingNumber booking={row} />
              <br />
              <BookingTime booking={row} /> · <BookingStatusTag booking={row} /> · {formatDate(row.createdAt, language)}
            </>
          ),
          extra: cancelButton(row),
        })}
      />
      <LoadMore query={bookings} />
    </>
  );
}
