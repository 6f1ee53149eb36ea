import { Space, Tag } from 'antd';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDate } from '../../shared/ui/format';
import type { ClockDto } from './SlaBadge';

/** One clock of an application: its deadline, the working days used of those allowed. */
export function ClockText({ clock }: { clock: ClockDto }) {
  const { t, language } = useI18n();
  return (
    <Space wrap size={[8, 0]}>
      <span>
        {t('applications.detail.clock', {
          deadline: formatDate(clock.deadline, language),
          used: clock.workingDaysUsed,
          allowed: clock.workingDaysAllowed,
        })}
      </span>
      {clock.extended && <Tag>{t('applications.detail.extended')}</Tag>}
      {clock.provisional && <Tag color="gold">{t('applications.detail.provisional')}</Tag>}
    </Space>
  );
}
