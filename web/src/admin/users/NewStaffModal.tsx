import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@parkline/client';
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { call, parkline } from '../../shared/api/session';
import { fieldErrorsOf } from '../../shared/api/problem';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { RoleFields } from './RoleFields';
import { STAFF_ROLES } from './roles';

type NewStaff = components['schemas']['NewStaffDto'];

/** Creates an officer, a department head or an admin, who signs in with the password given. */
export function NewStaffModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // Untyped: the API names the fields its problems are about, which may be any of them.
  const [form] = Form.useForm();
  // One key per form opened: submitting again after a lost answer creates the user once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const create = useMutation({
    mutationFn: (staff: NewStaff) =>
      call(() =>
        parkline.POST('/api/v1/users', {
          body: staff,
          params: { header: { 'Idempotency-Key': idempotencyKey } },
        }),
      ),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      message.success(t('admin.users.created', { name: user.name }));
      close();
    },
    onError: (error) => form.setFields(fieldErrorsOf(error)),
  });

  function close() {
    form.resetFields();
    create.reset();
    setIdempotencyKey(crypto.randomUUID());
    onClose();
  }

  const fieldProblems = fieldErrorsOf(create.error).length > 0;
  return (
    <Modal
      open={open}
      title={t('admin.users.new')}
      okText={t('admin.users.create')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {create.isError && !fieldProblems && <ProblemAlert error={create.error} />}
      <Form<NewStaff>
        form={form}
        layout="vertical"
        name="new-staff"
        initialValues={{ role: 'OFFICER' }}
        onFinish={(values) => create.mutate(values)}
        style={{ marginTop: 16 }}
      >
        <Form.Item name="name" label={t('admin.users.name')} rules={[{ required: true, max: 100 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('admin.users.email')}
          rules={[{ required: true, type: 'email', max: 254 }]}
        >
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
        <RoleFields roles={STAFF_ROLES} />
      </Form>
    </Modal>
  );
}
