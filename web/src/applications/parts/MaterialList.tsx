import { DownloadOutlined, EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { components } from '@parkline/client';
import { call, parkline } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/ui/format';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { saveBlob, useObjectUrl } from './blob';
import { nameOf, useApplicationDefinition, type ApplicationDto } from './definition';

export type ApplicationMaterialDto = components['schemas']['ApplicationMaterialDto'];

const PREVIEWABLE = new Set<ApplicationMaterialDto['format']>(['pdf', 'jpg', 'png']);

/** A material's bytes, fetched with the session's token (a plain link would carry none). */
export const materialContentQuery = (applicationId: string, materialId: string) =>
  queryOptions({
    queryKey: ['applications', applicationId, 'materials', materialId, 'content'],
    queryFn: () =>
      call(() =>
        parkline.GET('/api/v1/applications/{id}/materials/{materialId}/content', {
          params: { path: { id: applicationId, materialId } },
          parseAs: 'blob',
        }),
      ),
    // A material's content never changes: a new upload is a new material.
    staleTime: Infinity,
  });

/** The set with the id added, or removed if it was there. */
function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}

export function formatBytes(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return `${size.toLocaleString(language, { maximumFractionDigits: unit ? 1 : 0 })} ${units[unit]}`;
}

function Preview({ applicationId, material }: { applicationId: string; material: ApplicationMaterialDto }) {
  const { t } = useI18n();
  const content = useQuery(materialContentQuery(applicationId, material.id));
  const url = useObjectUrl(content.data);
  if (content.error) return <ProblemAlert error={content.error} onRetry={() => void content.refetch()} />;
  if (!url) return <Skeleton.Node active style={{ width: '100%', height: 480 }} />;
  const label = t('applications.materials.previewOf', { name: material.fileName });
  return material.format === 'pdf' ? (
    <iframe src={url} title={label} style={{ width: '100%', height: 600, border: '1px solid #f0f0f0' }} />
  ) : (
    <img src={url} alt={label} style={{ maxWidth: '100%', maxHeight: 600, display: 'block' }} />
  );
}

/**
 * The application's materials: type, file, size; download, and an inline preview of PDFs and
 * images (the bytes come through the API as a blob, shown from an object URL).
 */
export function MaterialList({
  application,
}: {
  application: Pick<ApplicationDto, 'id' | 'materials' | 'serviceCode' | 'serviceVersion' | 'bundleCode'>;
}) {
  const { t, pick, language } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { definition } = useApplicationDefinition(application);
  // Several previews may be open at once, to compare documents.
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [downloading, setDownloading] = useState<string>();

  async function download(material: ApplicationMaterialDto) {
    setDownloading(material.id);
    try {
      saveBlob(await queryClient.fetchQuery(materialContentQuery(application.id, material.id)), material.fileName);
    } catch {
      void message.error(t('applications.materials.downloadFailed'));
    } finally {
      setDownloading(undefined);
    }
  }

  return (
    <List
      dataSource={application.materials}
      locale={{ emptyText: t('applications.materials.none') }}
      renderItem={(material) => {
        const previewable = PREVIEWABLE.has(material.format);
        const shown = open.has(material.id);
        const actions = [
          previewable && (
            <Button
              key="preview"
              type="link"
              icon={shown ? <EyeInvisibleOutlined /> : <EyeOutlined />}
              aria-expanded={shown}
              onClick={() => setOpen(toggled(open, material.id))}
            >
              {shown ? t('applications.materials.hide') : t('applications.materials.preview')}
            </Button>
          ),
          <Button
            key="download"
            type="link"
            icon={<DownloadOutlined />}
            loading={downloading === material.id}
            onClick={() => void download(material)}
          >
            {t('applications.materials.download')}
          </Button>,
        ].filter(Boolean);
        return (
          <List.Item style={{ display: 'block' }}>
            <Flex wrap justify="space-between" align="center" gap={8}>
              <Space orientation="vertical" size={2}>
                <Typography.Text strong>{nameOf(definition?.materials, material.materialType, pick)}</Typography.Text>
                <Space wrap size={[8, 0]}>
                  <Typography.Text>{material.fileName}</Typography.Text>
                  <Tag>{material.format.toUpperCase()}</Tag>
                  <Typography.Text type="secondary">{formatBytes(material.sizeBytes, language)}</Typography.Text>
                  <Typography.Text type="secondary">{formatDateTime(material.attachedAt, language)}</Typography.Text>
                  {material.libraryMaterialId && <Tag color="blue">{t('applications.materials.fromLibrary')}</Tag>}
                </Space>
              </Space>
              <Space size={0}>{actions}</Space>
            </Flex>
            {shown && (
              <div style={{ marginTop: 12 }}>
                <Preview applicationId={application.id} material={material} />
              </div>
            )}
          </List.Item>
        );
      }}
    />
  );
}
