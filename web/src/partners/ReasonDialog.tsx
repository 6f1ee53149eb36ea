import { Form, Input, Modal } from 'antd';
import { fieldErrorsOf } from '../shared/api/problem';
import { useI18n } from '../shared/i18n/i18n';
import { FormProblem } from '../shared/ui/FormProblem';

/** Asks for the text an action needs (a reason, a note, a summary), then runs it. */
export function ReasonDialog({
  open,
  title,
  label,
  pending,
  error,
  onSubmit,
  onClose,
  extra,
}: {
  open: boolean;
  title: string;
  label: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: { text: string; percent?: number }) => Promise<unknown>;
  onClose: () => void;
  /** More fields, under the text. */
  extra?: React.ReactNode;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  return (
    <Modal
      open={open}
      title={title}
      okText={t('app.confirm')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: pending }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values: { text: string; percent?: number }) =>
          onSubmit(values).then(onClose, (problem: unknown) => form.setFields(fieldErrorsOf(problem)))
        }
      >
        <Form.Item name="text" label={label} rules={[{ required: true, min: 2, message: t('partners.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
        </Form.Item>
        {extra}
        <FormProblem error={error} />
      </Form>
    </Modal>
  );
}
