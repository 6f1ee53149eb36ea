import { useQuery } from '@tanstack/react-query';
import { Skeleton, Space, Typography } from 'antd';
import { call, parkline } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';

export function enterpriseQuery(id: string) {
  return {
    queryKey: ['enterprises', id],
    queryFn: () => call(() => parkline.GET('/api/v1/enterprises/{id}', { params: { path: { id } } })),
    staleTime: 10 * 60_000,
  };
}

/** The filing enterprise by name; with its credit code for staff, who check it against papers. */
export function EnterpriseName({ id, creditCode = false }: { id: string; creditCode?: boolean }) {
  const { pick } = useI18n();
  const enterprise = useQuery(enterpriseQuery(id));
  if (!enterprise.data) return <Skeleton.Input active size="small" />;
  return (
    <Space size={4} wrap>
      {pick(enterprise.data.name, enterprise.data.nameEn)}
      {creditCode && (
        <Typography.Text type="secondary" copyable>
          {enterprise.data.creditCode}
        </Typography.Text>
      )}
    </Space>
  );
}
