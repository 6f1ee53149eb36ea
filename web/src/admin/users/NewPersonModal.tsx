import { useMutation } from '@tanstack/react-query';
import type { components } from '@parkline/client';
import { App, Form, Input, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { fieldErrorsOf } from '../../shared/api/problem';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';

type User = components['schemas']['UserDto'];
export interface NewPerson {
  name: string;
  email: string;
  password: string;
}

/**
 * Creates a user who signs in with the password given: the name, email and password, and what
 * else `children` asks (a role, a department). One idempotency key per form opened: submitting
 * again after a lost answer creates the user once.
 */
export function NewPersonModal<Values extends NewPerson>({
  open,
  title,
  name,
  initialValues,
  create,
  onCreated,
  onClose,
  children,
}: {
  open: boolean;
  title: ReactNode;
  /** The form's name, for its fields' ids. */
  name: string;
  initialValues?: Partial<Values>;
  create: (values: Values, idempotencyKey: string) => Promise<User>;
  onCreated?: (user: User) => void;
  onClose: () => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  // Untyped: the API names the fields its problems are about, which may be any of them.
  const [form] = Form.useForm();
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const creation = useMutation({
    mutationFn: (values: Values) => create(values, idempotencyKey),
    onSuccess: (user) => {
      onCreated?.(user);
      message.success(t('admin.users.created', { name: user.name }));
      close();
    },
    onError: (error) => form.setFields(fieldErrorsOf(error)),
  });

  function close() {
    form.resetFields();
    creation.reset();
    setIdempotencyKey(crypto.randomUUID());
    onClose();
  }

  const fieldProblems = fieldErrorsOf(creation.error).length > 0;
  return (
    <Modal
      open={open}
      title={title}
      okText={t('admin.users.create')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={creation.isPending}
      destroyOnHidden
    >
      {creation.isError && !fieldProblems && <ProblemAlert error={creation.error} />}
      <Form<Values>
        form={form}
        layout="vertical"
        name={name}
        initialValues={initialValues}
        onFinish={(values) => creation.mutate(values)}
        style={{ marginTop: 16 }}
      >
        <Form.Item name="name" label={t('admin.users.name')} rules={[{ required: true, max: 100 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="email" label={t('admin.users.email')} rules={[{ required: true, type: 'email', max: 254 }]}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('admin.users.password')}
          extra={t('admin.users.passwordHelp')}
          rules={[{ required: true, min: 10, max: 128 }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {children}
      </Form>
    </Modal>
  );
}
