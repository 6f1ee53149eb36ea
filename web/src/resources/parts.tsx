import { Tag, Tooltip } from 'antd';
import { useI18n } from '../shared/i18n/i18n';
import { parkDayOf, parkTime, type Booking, type BookingStatus } from './bookings';

const STATUS_COLOURS: Record<BookingStatus, string> = {
  REQUESTED: 'processing',
  CONFIRMED: 'success',
  DECLINED: 'error',
  CANCELLED: 'default',
};

/** The status of a booking; a declined one says why. */
export function BookingStatusTag({ booking }: { booking: Booking }) {
  const { t } = useI18n();
  const tag = <Tag color={STATUS_COLOURS[booking.status]}>{t(`bookings.status.${booking.status}`)}</Tag>;
  return booking.decisionReason ? <Tooltip title={booking.decisionReason}>{tag}</Tooltip> : tag;
}

/** The day and hours of a booking on the park's clock. */
export function BookingTime({ booking }: { booking: Booking }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {parkDayOf(booking.startsAt)} {parkTime(booking.startsAt)}–{parkTime(booking.endsAt)}
    </span>
  );
}
