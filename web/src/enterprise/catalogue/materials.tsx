import { Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import type { MaterialType } from './queries';

export type FileFormat = MaterialType['formats'][number];

const MB = 1024 * 1024;

/** "20 MB", "512 KB": sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export const formatsText = (formats: readonly FileFormat[]) =>
  formats.map((format) => format.toUpperCase()).join(' / ');

/** What a material type accepts: formats, the largest size, whether the library can supply it. */
export function MaterialLimits({
  material,
}: {
  material: Pick<MaterialType, 'formats' | 'maxBytes' | 'fromLibrary'>;
}) {
  const { t } = useI18n();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('catalogue.material.formats', { formats: formatsText(material.formats) })} ·{' '}
      {t('catalogue.material.maxSize', { size: formatBytes(material.maxBytes) })}
      {material.fromLibrary && <> · {t('catalogue.material.fromLibrary')}</>}
    </Typography.Text>
  );
}

/** One material type in a list: its name in the user's language, tags, and what follows. */
export function MaterialHeading({
  material,
  tags,
  children,
}: {
  material: Pick<MaterialType, 'name' | 'nameEn' | 'formats' | 'maxBytes' | 'fromLibrary'>;
  tags?: ReactNode;
  children?: ReactNode;
}) {
  const { pick } = useI18n();
  return (
    <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
      <Space wrap size={[8, 4]}>
        <Typography.Text strong>{pick(material.name, material.nameEn)}</Typography.Text>
        {tags}
      </Space>
      {children}
      <MaterialLimits material={material} />
    </Space>
  );
}

/** How a material is needed, as the catalogue states it (not yet applied to any answers). */
export function StatedRequirementTag({
  material,
}: {
  material: Pick<MaterialType, 'required' | 'requiredWhen'>;
}) {
  const { t } = useI18n();
  if (material.required) return <Tag color="red">{t('catalogue.material.always')}</Tag>;
  if (material.requiredWhen) return <Tag color="orange">{t('catalogue.material.situational')}</Tag>;
  return <Tag>{t('catalogue.material.optional')}</Tag>;
}
