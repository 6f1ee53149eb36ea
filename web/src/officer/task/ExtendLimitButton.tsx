import { App, Button, Form, Input, Modal, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { ApplicationDto } from '../../applications/parts';
import { fieldErrorsOf } from '../../shared/api/problem';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDate } from '../../shared/ui/format';
import { FormProblem } from '../../shared/ui/FormProblem';
import { useExtendLimit } from './application';

/** A head extends the statutory limit once, by 10 working days, with a reason the record keeps. */
export function ExtendLimitButton({ application }: { application: ApplicationDto }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const extend = useExtendLimit(application);
  const statutory = application.sla?.statutory;
  const running = application.status === 'IN_PROGRESS' || application.status === 'SUPPLEMENT_REQUIRED';
  if (!statutory || !running) return null;
  if (statutory.extended)
    return (
      <Tooltip title={t('officer.extend.alreadyHelp')}>
        <Button disabled>{t('officer.extend.already')}</Button>
      </Tooltip>
    );
  const submit = ({ reason }: { reason: string }) =>
    extend.mutate(reason.trim(), {
      onSuccess: (extended) => {
        void message.success(
          t('officer.extend.done', { date: formatDate(extended.sla?.statutory?.deadline, language) }),
        );
        setOpen(false);
      },
      onError: (error) => form.setFields(fieldErrorsOf(error)),
    });
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('officer.extend.open')}</Button>
      <Modal
        open={open}
        title={t('officer.extend.title', { number: application.number })}
        okText={t('officer.extend.submit')}
        onOk={() => form.submit()}
        okButtonProps={{ loading: extend.isPending }}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t('officer.extend.help', { date: formatDate(statutory.deadline, language) })}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item
            name="reason"
            label={t('officer.extend.reason')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('officer.form.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount autoFocus />
          </Form.Item>
          <FormProblem error={extend.error} />
        </Form>
      </Modal>
    </>
  );
}
