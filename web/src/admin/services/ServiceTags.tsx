import { Tag } from 'antd';
import type { components } from '@parkline/client';
import { useI18n } from '../../shared/i18n/i18n';

type Category = components['schemas']['ServiceSummaryDto']['category'];
type VersionStatus = components['schemas']['ServiceVersionSummaryDto']['status'];

export function CategoryTag({ category }: { category: Category }) {
  const { t } = useI18n();
  return category === 'BASIC' ? (
    <Tag color="blue">{t('admin.services.basic')}</Tag>
  ) : (
    <Tag color="purple">{t('admin.services.valueAdded')}</Tag>
  );
}

/** A version's state: a draft still changes; a published one never does. */
export function VersionStatusTag({
  status,
  current,
}: {
  status: VersionStatus;
  current?: boolean;
}) {
  const { t } = useI18n();
  if (status === 'DRAFT') return <Tag color="gold">{t('admin.services.draft')}</Tag>;
  return (
    <>
      <Tag color="green">{t('admin.services.published')}</Tag>
      {current && <Tag color="cyan">{t('admin.services.current')}</Tag>}
    </>
  );
}
