import { Badge, Flex, Grid, Input, Select, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../shared/i18n/i18n';
import { formatDate } from '../shared/ui/format';
import { LoadMore } from '../shared/ui/LoadMore';
import { ProblemAlert } from '../shared/ui/ProblemAlert';
import { RecordList } from '../shared/ui/RecordList';
import {
  DEVICE_CLASSES,
  directoryFilterOf,
  directorySearch,
  SEGMENTS,
  STAGES,
  ZONES,
  type DirectoryFilter,
} from './directory-filter';
import { useDirectory, useZoneName, type DirectoryEntry } from './queries';
import { useIndustryWords } from './words';

const ANY = 'ANY';

/** The enterprise's pipeline in a line: its products (at their lead stage), devices, pending. */
function PipelineSummary({ entry }: { entry: DirectoryEntry }) {
  const { t } = useI18n();
  const words = useIndustryWords();
  const { products, devices, pending, leadStage } = entry.pipeline;
  return (
    <Flex wrap gap={4} align="center">
      <Tag>
        {t('directory.products', { count: products })}
        {leadStage && ` · ${words.stage(leadStage)}`}
      </Tag>
      <Tag>{t('directory.devices', { count: devices })}</Tag>
      {pending > 0 ? (
        <Badge status="warning" text={t('directory.pending', { count: pending })} />
      ) : (
        products + devices > 0 && <Badge status="success" text={t('directory.allVerified')} />
      )}
    </Flex>
  );
}

/**
 * The industry directory: the enterprises behind each figure of the industry map, narrowed by
 * segment, zone, product stage, device class and pending verification. The filter is the
 * address, so a figure links to its list and a reload keeps it.
 */
export function DirectoryPage() {
  const { t, pick, language } = useI18n();
  const words = useIndustryWords();
  const zoneName = useZoneName();
  const phone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const filter = directoryFilterOf(params);
  const directory = useDirectory(filter);
  const rows = directory.data?.pages.flatMap((page) => page.data);
  const change = (next: DirectoryFilter) => setParams(directorySearch(next), { replace: true });

  function choose<K extends keyof DirectoryFilter>(
    key: K,
    label: string,
    values: readonly NonNullable<DirectoryFilter[K]>[],
    name: (value: NonNullable<DirectoryFilter[K]>) => string,
  ) {
    return (
      <Select<string>
        aria-label={label}
        value={filter[key] ?? ANY}
        onChange={(value) => change({ ...filter, [key]: value === ANY ? undefined : value })}
        options={[
          { value: ANY, label: `${label} · ${t('directory.any')}` },
          ...values.map((value) => ({ value, label: name(value) })),
        ]}
        popupMatchSelectWidth={false}
        style={{ minWidth: 150, width: phone ? '100%' : undefined }}
      />
    );
  }

  const name = (entry: DirectoryEntry) => (
    <Link to={`/enterprises/${entry.id}/pipeline`}>{pick(entry.name, entry.nameEn)}</Link>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.directory')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('directory.subtitle')}</Typography.Text>
      </div>
      <Flex gap={8} wrap vertical={phone}>
        {choose('segment', t('directory.segment'), SEGMENTS, words.segment)}
        {choose('zone', t('directory.zone'), ZONES, zoneName)}
        {choose('stage', t('directory.stage'), STAGES, words.stage)}
        {choose('deviceClass', t('directory.deviceClass'), DEVICE_CLASSES, words.deviceClass)}
        {choose('pending', t('directory.verification'), ['true', 'false'] as const, (value) =>
          t(value === 'true' ? 'directory.pendingOnly' : 'directory.noPending'),
        )}
        <Input.Search
          key={filter.q ?? ''}
          aria-label={t('directory.search')}
          placeholder={t('directory.search')}
          defaultValue={filter.q}
          allowClear
          maxLength={100}
          onSearch={(q) => change({ ...filter, q: q.trim() || undefined })}
          style={{ width: phone ? '100%' : 260 }}
        />
      </Flex>
      {directory.isError && (
        <ProblemAlert error={directory.error} onRetry={() => void directory.refetch()} />
      )}
      <RecordList<DirectoryEntry>
        rows={rows}
        loading={directory.isPending}
        empty={t('directory.none')}
        card={(entry) => ({
          title: name(entry),
          description: (
            <Flex vertical gap={4}>
              <span data-zone={entry.zone}>
                {words.segment(entry.chainSegment)} · {zoneName(entry.zone)}
              </span>
              <PipelineSummary entry={entry} />
            </Flex>
          ),
        })}
        columns={[
          { key: 'name', title: t('directory.name'), render: (_, entry) => name(entry) },
          {
            key: 'segment',
            title: t('directory.segment'),
            render: (_, entry) => words.segment(entry.chainSegment),
          },
          {
            key: 'zone',
            title: t('directory.zone'),
            render: (_, entry) => <span data-zone={entry.zone}>{zoneName(entry.zone)}</span>,
          },
          {
            key: 'pipeline',
            title: t('directory.pipeline'),
            render: (_, entry) => <PipelineSummary entry={entry} />,
          },
          {
            key: 'verified',
            title: t('directory.profile'),
            render: (_, entry) =>
              entry.verified ? (
                <Tag color="success">{t('directory.verified')}</Tag>
              ) : (
                <Tag>{t('directory.unverified')}</Tag>
              ),
          },
          {
            key: 'registered',
            title: t('directory.registered'),
            render: (_, entry) => (
              <span style={{ whiteSpace: 'nowrap' }}>{formatDate(entry.createdAt, language)}</span>
            ),
          },
        ]}
      />
      <LoadMore query={directory} />
    </Space>
  );
}
