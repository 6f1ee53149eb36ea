import { Button, Card, Flex, Grid, Input, Segmented, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { resourceDtoKindValues } from '@parkline/client';
import { useI18n } from '../../shared/i18n/i18n';
import { LoadMore } from '../../shared/ui/LoadMore';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { RecordList } from '../../shared/ui/RecordList';
import { useResources, type Resource, type ResourceKind } from '../bookings';
import { BookDialog } from './BookDialog';
import { MyBookings } from './MyBookings';

type KindView = ResourceKind | 'ALL';

/** The park's platforms, venues and instruments; their free slots; the enterprise's bookings. */
export function ResourcesPage() {
  const { t, pick } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const [kind, setKind] = useState<KindView>('ALL');
  const [q, setQ] = useState<string>();
  const [booking, setBooking] = useState<Resource>();
  const resources = useResources(kind === 'ALL' ? undefined : kind, q);
  const rows = resources.data?.pages.flatMap((page) => page.data);
  const bookButton = (resource: Resource) => (
    <Button
      type="primary"
      size="small"
      onClick={() => setBooking(resource)}
      aria-label={`${t('resources.book')} ${pick(resource.name, resource.nameEn)}`}
    >
      {t('resources.book')}
    </Button>
  );
  const columns: ColumnsType<Resource> = [
    {
      key: 'name',
      title: t('resources.name'),
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{pick(row.name, row.nameEn)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.code}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'category', title: t('resources.category'), render: (_, row) => t(`resources.category.${row.category}`) },
    { key: 'location', title: t('resources.location'), dataIndex: 'location' },
    { key: 'hours', title: t('resources.hours'), render: (_, row) => `${row.opensAt}–${row.closesAt}` },
    { key: 'capacity', title: t('resources.capacity'), render: (_, row) => t('resources.units', { count: row.capacity }) },
    { key: 'price', title: t('resources.price'), render: (_, row) => t('resources.pricePerHour', { price: row.priceCnyPerHour }) },
    { key: 'book', title: '', render: (_, row) => bookButton(row) },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('resources.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('resources.subtitle')}</Typography.Text>
      </div>
      <Flex gap={12} wrap vertical={phone}>
        <Segmented<KindView>
          aria-label={t('resources.kind')}
          value={kind}
          onChange={setKind}
          options={(['ALL', ...resourceDtoKindValues] as KindView[]).map((value) => ({
            value,
            label: t(`resources.kind.${value}`),
          }))}
          block={phone}
        />
        <Input.Search
          aria-label={t('resources.search')}
          placeholder={t('resources.search')}
          allowClear
          onSearch={(value) => setQ(value.trim() || undefined)}
          style={{ width: phone ? '100%' : 320 }}
        />
      </Flex>
      {resources.isError ? (
        <ProblemAlert error={resources.error} onRetry={() => void resources.refetch()} />
      ) : (
        <RecordList<Resource>
          rows={rows}
          loading={resources.isPending}
          empty={t('resources.none')}
          columns={columns}
          card={(row) => ({
            title: pick(row.name, row.nameEn),
            description: `${t(`resources.category.${row.category}`)} · ${row.opensAt}–${row.closesAt} · ${t('resources.pricePerHour', { price: row.priceCnyPerHour })}`,
            extra: bookButton(row),
          })}
        />
      )}
      <LoadMore query={resources} />
      <Card title={t('bookings.mine.title')} size="small">
        <MyBookings />
      </Card>
      <BookDialog resource={booking} onClose={() => setBooking(undefined)} />
    </Space>
  );
}
