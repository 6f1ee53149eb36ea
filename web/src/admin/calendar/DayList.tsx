import { Card, Empty, Flex, Tag } from 'antd';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDate } from '../../shared/ui/format';

/** The days of one kind, in order, each removable. */
export function DayList({
  title,
  days,
  color,
  onRemove,
}: {
  title: string;
  days: ReadonlySet<string>;
  color: string;
  onRemove: (day: string) => void;
}) {
  const { t, language } = useI18n();
  const sorted = [...days].sort();
  return (
    <Card size="small" title={`${title} (${sorted.length})`} style={{ height: '100%' }}>
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('admin.calendar.none')} />
      ) : (
        <Flex wrap gap={4}>
          {sorted.map((day) => (
            <Tag
              key={day}
              color={color}
              closable
              onClose={() => onRemove(day)}
              closeIcon={<span aria-label={t('admin.calendar.remove', { day })}>×</span>}
            >
              {formatDate(`${day}T12:00:00+08:00`, language)}
            </Tag>
          ))}
        </Flex>
      )}
    </Card>
  );
}
