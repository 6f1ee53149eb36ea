import { ExportOutlined } from '@ant-design/icons';
import { Flex, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/i18n';

/** Where the server serves Bull's dashboard: a page of its own, outside the console. */
const QUEUE_DASHBOARD = '/admin/queues';

/** The title of an admin screen, its actions, and the way to the queue dashboard. */
export function AdminHeader({ title, actions }: { title: string; actions?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Flex justify="space-between" align="center" wrap gap={8}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <Space wrap>
        {actions}
        <a href={QUEUE_DASHBOARD} target="_blank" rel="noopener" title={t('admin.queuesHelp')}>
          {t('nav.queues')} <ExportOutlined />
        </a>
      </Space>
    </Flex>
  );
}
