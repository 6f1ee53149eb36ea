import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useI18n } from '../../shared/i18n/i18n';

/**
 * A secret the API shows once (an API key, a webhook's signing secret): copy it now, since
 * only its hash is kept.
 */
export function SecretOnce({ title, secret, onClose }: { title: string; secret: string; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('integrations.secretStored')}
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('integrations.shownOnce')} />
        <Typography.Paragraph
          code
          copyable={{ text: secret, tooltips: [t('integrations.copy'), t('integrations.copied')] }}
          style={{ wordBreak: 'break-all', marginBottom: 0 }}
        >
          {secret}
        </Typography.Paragraph>
      </Space>
    </Modal>
  );
}
