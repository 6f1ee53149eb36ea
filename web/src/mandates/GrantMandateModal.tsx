import { DatePicker, Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import { newMandateDtoHolderKindValues } from '@parkline/client';
import { fieldErrorsOf } from '../shared/api/problem';
import { useI18n } from '../shared/i18n/i18n';
import { FormProblem } from '../shared/ui/FormProblem';
import { useGrantMandate, useListedProviders, type NewMandate } from './mandates';

interface GrantValues {
  holderKind: NewMandate['holderKind'];
  holderId?: string;
  serviceCodes?: string[];
  period: [Dayjs, Dayjs];
  canSubmit: boolean;
  note?: string;
}

/** The enterprise admin mandates the window, one of its staff, or a listed provider. */
export function GrantMandateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const grant = useGrantMandate();
  const holderKind = Form.useWatch('holderKind', form);
  const [providerSearch, setProviderSearch] = useState('');
  const providers = useListedProviders(providerSearch, open && holderKind === 'PROVIDER');
  const submit = (values: GrantValues) => {
    const [from, until] = values.period;
    const holder = values.holderKind === 'USER' ? { holderUserId: values.holderId } : values.holderKind === 'PROVIDER' ? { holderProviderId: values.holderId } : {};
    return grant
      .mutateAsync({
        holderKind: values.holderKind,
        ...holder,
        serviceCodes: values.serviceCodes?.length ? values.serviceCodes : undefined,
        validFrom: from.format('YYYY-MM-DD'),
        validUntil: until.format('YYYY-MM-DD'),
        canSubmit: values.canSubmit,
        note: values.note,
      })
      .then(onClose, (problem: unknown) => form.setFields(fieldErrorsOf(problem)));
  };
  return (
    <Modal
      open={open}
      title={t('mandates.grant')}
      okText={t('mandates.grant')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: grant.isPending }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ holderKind: 'SERVICE_CENTRE', canSubmit: false }} onFinish={submit}>
        <Form.Item name="holderKind" label={t('mandates.holder')} rules={[{ required: true }]}>
          <Select options={newMandateDtoHolderKindValues.map((value) => ({ value, label: t(`mandates.holderKind.${value}`) }))} />
        </Form.Item>
        {holderKind === 'USER' && (
          <Form.Item
            name="holderId"
            label={t('mandates.holderUserId')}
            rules={[{ required: true, pattern: /^[0-9a-f-]{36}$/i, message: t('mandates.holderIdRequired') }]}
          >
            <Input />
          </Form.Item>
        )}
        {holderKind === 'PROVIDER' && (
          <Form.Item
            name="holderId"
            label={t('mandates.holderProvider')}
            rules={[{ required: true, message: t('mandates.holderProviderRequired') }]}
          >
            <Select
              showSearch={{ filterOption: false, onSearch: setProviderSearch }}
              loading={providers.isFetching}
              notFoundContent={t('mandates.noListedProvider')}
              options={providers.data?.map((provider) => ({
                value: provider.id,
                label: `${provider.name} · ${t(`partners.kind.${provider.kind}`)}`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="serviceCodes" label={t('mandates.scope')} extra={t('mandates.scopeHint')}>
          <Select mode="tags" tokenSeparators={[',', ' ']} />
        </Form.Item>
        <Form.Item name="period" label={t('mandates.period')} rules={[{ required: true, message: t('mandates.periodRequired') }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="canSubmit" label={t('mandates.canSubmit')} valuePropName="checked" extra={t('mandates.canSubmitHint')}>
          <Switch />
        </Form.Item>
        <Form.Item name="note" label={t('mandates.note')}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
        <FormProblem error={grant.error} />
      </Form>
    </Modal>
  );
}
