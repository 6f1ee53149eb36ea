import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Space, Tag, Timeline, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { useMe } from '../app/auth';
import { EnterpriseName } from '../applications/parts/EnterpriseName';
import { useIndustryWords } from '../directory/words';
import { useI18n } from '../shared/i18n/i18n';
import { formatDate, formatDateTime } from '../shared/ui/format';
import { LoadMore } from '../shared/ui/LoadMore';
import { ProblemAlert } from '../shared/ui/ProblemAlert';
import { RecordList } from '../shared/ui/RecordList';
import { ItemDialog, VerifyItemDialog } from './ItemDialogs';
import {
  usePipelineHistory,
  usePipelineItems,
  useRemoveItem,
  type Device,
  type ItemOf,
  type Kind,
  type Product,
} from './queries';

/** Who opens the pipeline: its enterprise's admin keeps it, staff verify it, members read it. */
type Mode = 'keep' | 'verify' | 'read';

const VERIFICATION_COLOURS = {
  PENDING: 'warning',
  VERIFIED: 'success',
  REJECTED: 'error',
} as const;

function VerificationTag({ item }: { item: Product | Device }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={0}>
      <Tag color={VERIFICATION_COLOURS[item.verification]}>
        {t(`pipeline.verification.${item.verification}`)}
      </Tag>
      {item.verification === 'REJECTED' && item.verificationNote && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {item.verificationNote}
        </Typography.Text>
      )}
    </Space>
  );
}

/** The enterprise's products or devices, with the actions its viewer may take. */
function ItemsCard<K extends Kind>({
  kind,
  enterpriseId,
  mode,
}: {
  kind: K;
  enterpriseId: string;
  mode: Mode;
}) {
  const { t, pick, language } = useI18n();
  const words = useIndustryWords();
  const { modal } = App.useApp();
  const items = usePipelineItems(kind, enterpriseId);
  const remove = useRemoveItem(kind, enterpriseId);
  const [editing, setEditing] = useState<{ item?: ItemOf<K> }>();
  const [verifying, setVerifying] = useState<ItemOf<K>>();
  const rows = items.data?.pages.flatMap((page) => page.data);
  const products = kind === 'products';
  const what = (item: ItemOf<K>): string =>
    'stage' in item
      ? [
          words.stage(item.stage),
          item.approvalNumber,
          item.approvedOn && formatDate(item.approvedOn, language),
        ]
          .filter(Boolean)
          .join(' · ')
      : [
          words.deviceClass(item.deviceClass),
          item.registrationNumber,
          item.registeredOn && formatDate(item.registeredOn, language),
        ]
          .filter(Boolean)
          .join(' · ');
  const name = (item: ItemOf<K>) => pick(item.name, item.nameEn);
  const confirmRemove = (item: ItemOf<K>) =>
    modal.confirm({
      title: t('pipeline.removeConfirm', { name: name(item) }),
      okText: t('pipeline.remove'),
      okButtonProps: { danger: true },
      cancelText: t('app.cancel'),
      onOk: () => remove.mutateAsync(item),
    });
  const actions = (item: ItemOf<K>): ReactNode => {
    if (mode === 'verify')
      return (
        <Button
          size="small"
          type={item.verification === 'PENDING' ? 'primary' : 'default'}
          onClick={() => setVerifying(item)}
          aria-label={`${t('pipeline.verify')} ${name(item)}`}
        >
          {t('pipeline.verify')}
        </Button>
      );
    if (mode === 'keep')
      return (
        <Space size={4}>
          <Button
            size="small"
            onClick={() => setEditing({ item })}
            aria-label={`${t('pipeline.edit')} ${name(item)}`}
          >
            {t('pipeline.edit')}
          </Button>
          <Button
            size="small"
            danger
            onClick={() => confirmRemove(item)}
            aria-label={`${t('pipeline.remove')} ${name(item)}`}
          >
            {t('pipeline.remove')}
          </Button>
        </Space>
      );
    return null;
  };
  const columns: ColumnsType<ItemOf<K>> = [
    { key: 'name', title: t('pipeline.field.name'), render: (_, item) => name(item) },
    {
      key: 'what',
      title: products ? t('pipeline.field.stage') : t('pipeline.field.deviceClass'),
      render: (_, item) => what(item),
    },
    ...(products
      ? [
          {
            key: 'indication',
            title: t('pipeline.field.indication'),
            render: (_: unknown, item: ItemOf<K>) =>
              ('indication' in item && item.indication) || '—',
          },
        ]
      : []),
    {
      key: 'verification',
      title: t('pipeline.field.verification'),
      render: (_, item) => <VerificationTag item={item} />,
    },
    ...(mode === 'read'
      ? []
      : [{ key: 'actions', title: '', render: (_: unknown, item: ItemOf<K>) => actions(item) }]),
  ];
  return (
    <Card
      size="small"
      title={t(products ? 'pipeline.products' : 'pipeline.devices')}
      extra={
        mode === 'keep' && (
          <Button
            type="primary"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setEditing({})}
          >
            {t(products ? 'pipeline.addProduct' : 'pipeline.addDevice')}
          </Button>
        )
      }
    >
      {items.isError && <ProblemAlert error={items.error} onRetry={() => void items.refetch()} />}
      <RecordList<ItemOf<K>>
        rows={rows}
        loading={items.isPending}
        empty={t('pipeline.none')}
        columns={columns}
        card={(item) => ({
          title: name(item),
          description: (
            <Flex vertical gap={4}>
              <span>{what(item)}</span>
              <div>
                <VerificationTag item={item} />
              </div>
            </Flex>
          ),
          extra: actions(item),
        })}
      />
      <LoadMore query={items} />
      {editing && (
        <ItemDialog
          kind={kind}
          enterpriseId={enterpriseId}
          item={editing.item}
          onClose={() => setEditing(undefined)}
        />
      )}
      {verifying && (
        <VerifyItemDialog
          kind={kind}
          enterpriseId={enterpriseId}
          item={verifying}
          onClose={() => setVerifying(undefined)}
        />
      )}
    </Card>
  );
}

/** Every change to the pipeline, newest first. */
function HistoryCard({ enterpriseId }: { enterpriseId: string }) {
  const { t, language } = useI18n();
  const history = usePipelineHistory(enterpriseId);
  const entries = history.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Card size="small" title={t('pipeline.history')} loading={history.isPending}>
      {history.isError && (
        <ProblemAlert error={history.error} onRetry={() => void history.refetch()} />
      )}
      {entries.length === 0 && !history.isPending ? (
        <Typography.Text type="secondary">{t('pipeline.none')}</Typography.Text>
      ) : (
        <Timeline
          items={entries.map((entry) => {
            // The history keeps the stored row, its columns named as in the table.
            const item = (entry.after ?? entry.before ?? {}) as {
              name?: string;
              verification_note?: string | null;
            };
            return {
              key: entry.id,
              color:
                entry.change === 'REJECTED'
                  ? 'red'
                  : entry.change === 'VERIFIED'
                    ? 'green'
                    : 'blue',
              content: (
                <Flex vertical gap={0}>
                  <span>
                    {t(`pipeline.change.${entry.change}`)} · {t(`pipeline.kind.${entry.itemKind}`)}{' '}
                    {item.name ?? ''}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(entry.createdAt, language)} ·{' '}
                    {t(`pipeline.change.by.${entry.actorType as 'user'}`)}
                    {(entry.change === 'VERIFIED' || entry.change === 'REJECTED') &&
                    item.verification_note
                      ? ` · ${item.verification_note}`
                      : ''}
                  </Typography.Text>
                </Flex>
              ),
            };
          })}
        />
      )}
      <LoadMore query={history} />
    </Card>
  );
}

/**
 * An enterprise's pipeline: its drug products and devices with their verification, and the
 * history of every change. Its admin adds and changes items; park staff verify or return them.
 */
export function PipelinePage() {
  const { t } = useI18n();
  const me = useMe();
  const params = useParams<{ id: string }>();
  const enterpriseId = params.id ?? me.enterprise?.id ?? me.user.enterpriseId ?? '';
  const mode: Mode = params.id ? 'verify' : me.user.role === 'ENTERPRISE_ADMIN' ? 'keep' : 'read';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.pipeline')}
        </Typography.Title>
        {params.id && <EnterpriseName id={params.id} creditCode />}
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t(mode === 'verify' ? 'pipeline.staffSubtitle' : 'pipeline.subtitle')}
        </Typography.Paragraph>
      </div>
      <ItemsCard kind="products" enterpriseId={enterpriseId} mode={mode} />
      <ItemsCard kind="devices" enterpriseId={enterpriseId} mode={mode} />
      <HistoryCard enterpriseId={enterpriseId} />
    </Space>
  );
}
