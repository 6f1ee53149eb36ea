import { Card, Grid, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useMe } from '../../app/auth';
import { useI18n } from '../../shared/i18n/i18n';
import { ApiKeys } from './ApiKeys';
import { Webhooks } from './Webhooks';

/** For the enterprise's integrators: API keys to call the platform, webhooks to hear from it. */
export function IntegrationsPage() {
  const { t } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'webhooks' ? 'webhooks' : 'keys';
  return (
    <Card variant="borderless" styles={{ body: { padding: phone ? 12 : 24 } }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('integrations.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'webhooks' ? { tab: key } : {}, { replace: true })}
        items={[
          {
            key: 'keys',
            label: t('integrations.keys.tab'),
            children: <ApiKeys enterpriseId={me.enterprise?.id ?? me.user.enterpriseId ?? ''} />,
          },
          { key: 'webhooks', label: t('integrations.webhooks.tab'), children: <Webhooks /> },
        ]}
      />
    </Card>
  );
}
