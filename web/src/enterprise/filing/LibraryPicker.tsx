import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Modal, Skeleton, Tag, Typography } from 'antd';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDate } from '../../shared/ui/format';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { rowsStyle, rowStyle } from '../catalogue/CatalogueMaterials';
import { formatBytes, formatsText } from '../catalogue/materials';
import type { MaterialType } from '../catalogue/queries';
import { libraryQuery, storeApplication, type LibraryMaterial } from './draft';
import { attachFromLibrary, type Application } from './upload';

/** Why a library document cannot stand in for this material here, if it cannot. */
function unfitOf(item: LibraryMaterial, material: MaterialType): 'format' | 'size' | undefined {
  if (!material.formats.includes(item.format)) return 'format';
  if (item.sizeBytes > material.maxBytes) return 'size';
  return undefined;
}

/** Today on the park's calendar, as the API writes dates. */
const todayInPark = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** Chooses a document the enterprise gave before (or a certificate issued here) for a material. */
export function LibraryPicker({
  application,
  material,
  onClose,
}: {
  application: Application;
  material: MaterialType;
  onClose: () => void;
}) {
  const { t, pick, language } = useI18n();
  const queryClient = useQueryClient();
  const library = useQuery(libraryQuery(application.enterpriseId));
  const attach = useMutation({
    mutationFn: (item: LibraryMaterial) =>
      attachFromLibrary(application.id, material.code, item.id),
    onSuccess: (updated) => {
      storeApplication(queryClient, updated);
      onClose();
    },
  });
  const items = (library.data ?? []).filter((item) => item.materialType === material.code);
  const today = todayInPark();
  return (
    <Modal
      open
      title={t('filing.library.title', { material: pick(material.name, material.nameEn) })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('app.cancel')}</Button>}
    >
      {library.isPending && <Skeleton active />}
      {library.error && (
        <ProblemAlert error={library.error} onRetry={() => void library.refetch()} />
      )}
      {attach.error && <ProblemAlert error={attach.error} />}
      <ul style={rowsStyle}>
        {items.map((item) => {
          const unfit = unfitOf(item, material);
          const expired =
            item.validUntil !== null && item.validUntil !== undefined && item.validUntil < today;
          return (
            <li key={item.id} style={rowStyle}>
              <Flex justify="space-between" align="center" gap={12} wrap>
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <Typography.Text strong>{item.title}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {item.fileName} · {item.format.toUpperCase()} · {formatBytes(item.sizeBytes)} ·{' '}
                    {formatDate(item.createdAt, language)}
                  </Typography.Text>
                  <div>
                    {item.source === 'CERTIFICATE' && (
                      <Tag color="blue">{t('filing.library.certificate')}</Tag>
                    )}
                    {item.validUntil && (
                      <Tag color={expired ? 'red' : undefined}>
                        {expired
                          ? t('filing.library.expired', {
                              date: formatDate(item.validUntil, language),
                            })
                          : t('filing.library.validUntil', {
                              date: formatDate(item.validUntil, language),
                            })}
                      </Tag>
                    )}
                    {unfit === 'format' && (
                      <Typography.Text type="danger">
                        {t('filing.upload.wrongFormat', { formats: formatsText(material.formats) })}
                      </Typography.Text>
                    )}
                    {unfit === 'size' && (
                      <Typography.Text type="danger">
                        {t('filing.upload.tooLarge', { size: formatBytes(material.maxBytes) })}
                      </Typography.Text>
                    )}
                  </div>
                </Flex>
                <Button
                  type="primary"
                  ghost
                  disabled={unfit !== undefined || expired}
                  loading={attach.isPending && attach.variables?.id === item.id}
                  onClick={() => attach.mutate(item)}
                >
                  {t('filing.library.use')}
                </Button>
              </Flex>
            </li>
          );
        })}
      </ul>
    </Modal>
  );
}
