import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Checkbox, Col, Form, Input, Modal, Row, Switch, Typography } from 'antd';
import { webhookDtoEventsValues, type components } from '@parkline/client';
import { fieldErrorsOf } from '../../shared/api/problem';
import { call, parkline } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { FormProblem } from '../../shared/ui/FormProblem';
import { eventWords } from './events';

export type WebhookDto = components['schemas']['WebhookDto'];
export type WebhookEvent = WebhookDto['events'][number];
type WebhookWithSecretDto = components['schemas']['WebhookWithSecretDto'];


interface WebhookValues {
  url: string;
  events: WebhookEvent[];
  active?: boolean;
}

/**
 * Subscribes a URL to events, or changes a subscription (its URL, events, or re-enabling it
 * after failures). A new subscription answers with its secret, shown once.
 */
export function WebhookForm({
  webhook,
  onCreated,
  onClose,
}: {
  webhook?: WebhookDto;
  onCreated: (created: WebhookWithSecretDto) => void;
  onClose: () => void;
}) {
  const { t, language } = useI18n();
  // Untyped: the API's field errors name fields by string.
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: async ({ url, events, active }: WebhookValues) => {
      if (!webhook) return call(() => parkline.POST('/api/v1/webhooks', { body: { url, events } }));
      await call(() =>
        parkline.PATCH('/api/v1/webhooks/{id}', {
          params: { path: { id: webhook.id } },
          body: { url, events, active, expectedVersion: webhook.version },
        }),
      );
      return undefined;
    },
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['webhooks'] });
      if (created) onCreated(created);
      else onClose();
    },
    onError: (error) => form.setFields(fieldErrorsOf(error)),
  });
  return (
    <Modal
      open
      width={720}
      title={t(webhook ? 'integrations.webhooks.edit' : 'integrations.webhooks.create')}
      okText={t(webhook ? 'app.save' : 'integrations.webhooks.createSubmit')}
      cancelText={t('app.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          webhook
            ? { url: webhook.url, events: webhook.events, active: webhook.active }
            : { events: ['application.submitted', 'application.approved', 'application.supplement_requested'] }
        }
        onFinish={(values: WebhookValues) => save.mutate(values)}
      >
        <Form.Item
          name="url"
          label={t('integrations.webhooks.url')}
          extra={t('integrations.webhooks.urlHint')}
          rules={[{ required: true }, { type: 'url' }]}
        >
          <Input placeholder="https://erp.example.cn/parkline/webhooks" inputMode="url" />
        </Form.Item>
        <Form.Item
          name="events"
          label={t('integrations.webhooks.events')}
          rules={[{ required: true, type: 'array', min: 1 }]}
        >
          <Checkbox.Group style={{ width: '100%' }}>
            <Row gutter={[8, 8]}>
              {webhookDtoEventsValues.map((event) => (
                <Col key={event} xs={24} sm={12}>
                  <Checkbox value={event}>
                    {eventWords(event, t, language)}{' '}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {event}
                    </Typography.Text>
                  </Checkbox>
                </Col>
              ))}
            </Row>
          </Checkbox.Group>
        </Form.Item>
        {webhook && (
          <Form.Item
            name="active"
            label={t('integrations.webhooks.active')}
            extra={webhook.disabledReason ?? undefined}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        )}
        <FormProblem error={save.error} />
      </Form>
    </Modal>
  );
}
