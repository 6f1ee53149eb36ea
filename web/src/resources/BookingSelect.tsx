import { Select } from 'antd';
import { useI18n } from '../shared/i18n/i18n';
import { formatDateTime } from '../shared/ui/format';
import { useHeldBookings } from './bookings';

/**
 * The answer of a form field that names a booking: one of the enterprise's bookings to come,
 * picked by resource and time rather than typed as an id. A form item gives value and onChange.
 */
export function BookingSelect({
  enterpriseId,
  ...control
}: { enterpriseId: string; value?: string; onChange?: (value: string | undefined) => void }) {
  const { t, language } = useI18n();
  const bookings = useHeldBookings(enterpriseId);
  return (
    <Select
      {...control}
      allowClear
      loading={bookings.isPending}
      placeholder={t('schemaForm.select')}
      notFoundContent={t('bookings.pick.none')}
      showSearch={{ optionFilterProp: 'label' }}
      options={bookings.data?.map((booking) => ({
        value: booking.id,
        label: `${booking.resourceName} · ${formatDateTime(booking.startsAt, language)} – ${formatDateTime(booking.endsAt, language)} · ${t(`bookings.status.${booking.status}`)}`,
      }))}
    />
  );
}
