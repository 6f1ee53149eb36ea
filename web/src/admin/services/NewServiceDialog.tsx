import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal, Select, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { fieldErrorsOf } from '../../shared/api/problem';
import { call, parkline } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { FormProblem } from '../../shared/ui/FormProblem';
import type { ServiceSummary } from '../../shared/ui/catalogue-lookups';
import { definitionOf, versionQuery, type Service } from './definition';

interface NewService {
  code: string;
  category: Service['category'];
  template: string;
}

/**
 * A new service starts as a draft copied from a service like it, since a definition has a
 * form, materials and a workflow to get right; the draft then opens in the editor, where the
 * validator's messages guide the changes before it is published.
 */
export function NewServiceDialog({ services, onClose }: { services: ServiceSummary[]; onClose: () => void }) {
  const { t, pick } = useI18n();
  // Untyped: the API names the fields its problems are about.
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: async ({ code, category, template }: NewService) => {
      const source = services.find((service) => service.code === template)!;
      const copied = await queryClient.fetchQuery(versionQuery(source.code, source.version));
      return call(() =>
        parkline.POST('/api/v1/services', {
          params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
          body: { code, category, definition: definitionOf(copied) },
        }),
      );
    },
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['services'] });
      navigate(`/admin/services/${created.code}/versions/${created.version}`);
    },
    onError: (error) => form.setFields(fieldErrorsOf(error)),
  });
  const category = Form.useWatch('category', form);
  return (
    <Modal
      open
      title={t('admin.services.new')}
      okText={t('admin.services.newCreate')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values: NewService) => create.mutate(values)}
        initialValues={{ category: 'BASIC' }}
      >
        <Form.Item
          name="code"
          label={t('admin.services.code')}
          extra={t('admin.services.codeHelp')}
          rules={[
            { required: true, message: t('admin.services.codeRequired') },
            { pattern: /^[A-Z][A-Z0-9_]{1,63}$/, message: t('admin.services.codeHelp') },
          ]}
        >
          <Input autoFocus placeholder="CELL_BANK_FILING" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="category" label={t('admin.services.category')} rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'BASIC', label: t('admin.services.basic') },
              { value: 'VALUE_ADDED', label: t('admin.services.valueAdded') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="template"
          label={t('admin.services.template')}
          extra={t('admin.services.templateHelp')}
          rules={[{ required: true, message: t('admin.services.templateRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={services
              .filter((service) => service.category === category)
              .map((service) => ({ value: service.code, label: `${pick(service.name, service.nameEn)} · ${service.code}` }))}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('admin.services.newHelp')}</Typography.Paragraph>
        <FormProblem error={create.error} />
      </Form>
    </Modal>
  );
}
