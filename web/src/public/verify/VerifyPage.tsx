import { Card, Typography } from 'antd';
import { useI18n } from '../../shared/i18n/i18n';

export function VerifyPage() {
  const { t } = useI18n();
  return (
    <Card>
      <Typography.Title level={3}>{t('nav.verify')}</Typography.Title>
    </Card>
  );
}
