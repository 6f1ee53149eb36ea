import { App, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { fieldErrorsOf } from '../../shared/api/problem';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDate } from '../../shared/ui/format';
import { FormProblem } from '../../shared/ui/FormProblem';
import { useVerifyEnterprise, type Enterprise } from './enterprises';

/** The profile to check against the documents, and the notes of what was checked. */
export function VerifyDialog({ enterprise, onClose }: { enterprise: Enterprise | undefined; onClose: () => void }) {
  const { t, pick, language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const verify = useVerifyEnterprise();
  const submit = ({ notes }: { notes?: string }) =>
    enterprise &&
    verify.mutate(
      { id: enterprise.id, notes },
      {
        onSuccess: (verified) => {
          void message.success(t('officer.verify.done', { name: pick(verified.name, verified.nameEn) }));
          onClose();
        },
        onError: (error) => form.setFields(fieldErrorsOf(error)),
      },
    );
  return (
    <Modal
      open={Boolean(enterprise)}
      title={enterprise && t('officer.verify.title', { name: pick(enterprise.name, enterprise.nameEn) })}
      okText={t('officer.verify.submit')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: verify.isPending }}
      onCancel={onClose}
      afterClose={() => verify.reset()}
      destroyOnHidden
      width={640}
    >
      {enterprise && (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'name', label: t('officer.enterprise.name'), children: enterprise.name },
              ...(enterprise.nameEn ? [{ key: 'nameEn', label: t('officer.enterprise.nameEn'), children: enterprise.nameEn }] : []),
              {
                key: 'credit',
                label: t('officer.enterprise.creditCode'),
                children: <Typography.Text copyable>{enterprise.creditCode}</Typography.Text>,
              },
              { key: 'legal', label: t('officer.enterprise.legalRepresentative'), children: enterprise.legalRepresentative ?? '—' },
              { key: 'sector', label: t('officer.enterprise.sector'), children: t(`officer.sector.${enterprise.sector}`) },
              { key: 'zone', label: t('officer.enterprise.zone'), children: enterprise.zone },
              { key: 'established', label: t('officer.enterprise.established'), children: formatDate(enterprise.establishedOn, language) },
              {
                key: 'contact',
                label: t('officer.enterprise.contact'),
                children: [enterprise.contactName, enterprise.contactPhone, enterprise.contactEmail].filter(Boolean).join(' · ') || '—',
              },
            ]}
          />
          <Form form={form} layout="vertical" onFinish={submit} preserve={false} style={{ marginTop: 16 }}>
            <Form.Item name="notes" label={t('officer.verify.notes')} extra={t('officer.verify.notesHelp')}>
              <Input.TextArea rows={3} maxLength={2000} showCount autoFocus />
            </Form.Item>
            <FormProblem error={verify.error} />
          </Form>
        </>
      )}
    </Modal>
  );
}
