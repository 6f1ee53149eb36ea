import { Button, Drawer, Skeleton, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { applicationQuery } from '../applications/detail/queries';
import { FormAnswers, MaterialList } from '../applications/parts';
import { useI18n } from '../shared/i18n/i18n';
import { ProblemAlert } from '../shared/ui/ProblemAlert';

/**
 * What a provider or a hospital was handed: the application's form answers and materials, read
 * in place (the API shows them only what was handed or offered to them).
 */
export function RequestDrawer({ applicationId, number }: { applicationId: string; number: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const application = useQuery({ ...applicationQuery(applicationId), enabled: open });
  return (
    <>
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(true)}>
        {number}
      </Button>
      <Drawer open={open} onClose={() => setOpen(false)} title={number} size="large" destroyOnHidden>
        {application.error ? (
          <ProblemAlert error={application.error} onRetry={() => void application.refetch()} />
        ) : !application.data ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Typography.Title level={5}>{t('partners.request.form')}</Typography.Title>
            <FormAnswers application={application.data} />
            <Typography.Title level={5}>{t('partners.request.materials')}</Typography.Title>
            <MaterialList application={application.data} />
          </Space>
        )}
      </Drawer>
    </>
  );
}
