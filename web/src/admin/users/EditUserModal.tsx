import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@parkline/client';
import { Alert, App, Form, Modal, Switch } from 'antd';
import { useEffect } from 'react';
import { call, parkline } from '../../shared/api/session';
import { fieldErrorsOf } from '../../shared/api/problem';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { RoleFields } from './RoleFields';
import { needsDepartment, rolesLike } from './roles';

type User = components['schemas']['UserDto'];
type Change = Pick<User, 'role' | 'active'> & { departmentCode?: string };

/** Changes a user's role, department or active flag, against the version that was read. */
export function EditUserModal({ user, onClose }: { user: User | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // Untyped: the API names the fields its problems are about, which may be any of them.
  const [form] = Form.useForm();
  const active = Form.useWatch('active', form);
  const update = useMutation({
    mutationFn: ({ id, version, change }: { id: string; version: number; change: Change }) =>
      call(() =>
        parkline.PATCH('/api/v1/users/{id}', {
          params: { path: { id } },
          body: {
            role: change.role,
            departmentCode: needsDepartment(change.role) ? change.departmentCode : undefined,
            active: change.active,
            expectedVersion: version,
          },
        }),
      ),
    onSuccess: (updated) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      message.success(t('admin.users.saved', { name: updated.name }));
      onClose();
    },
    onError: (error) => form.setFields(fieldErrorsOf(error)),
  });

  useEffect(() => {
    if (!user) return;
    update.reset();
    form.setFieldsValue({
      role: user.role,
      departmentCode: user.departmentCode ?? undefined,
      active: user.active,
    });
    // Reset when another user is opened, not when the mutation's state changes.
  }, [user, form]);

  const fieldProblems = fieldErrorsOf(update.error).length > 0;
  return (
    <Modal
      open={user !== undefined}
      title={user && t('admin.users.editTitle', { name: user.name })}
      okText={t('app.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      forceRender
    >
      {update.isError && !fieldProblems && <ProblemAlert error={update.error} />}
      <Form<Change>
        form={form}
        name="edit-user"
        layout="vertical"
        onFinish={(change) => user && update.mutate({ id: user.id, version: user.version, change })}
        style={{ marginTop: 16 }}
      >
        {user && <RoleFields roles={rolesLike(user.role)} />}
        <Form.Item name="active" label={t('admin.users.status')} valuePropName="checked">
          <Switch
            checkedChildren={t('admin.users.active')}
            unCheckedChildren={t('admin.users.inactive')}
          />
        </Form.Item>
        {user?.active && active === false && (
          <Alert type="warning" showIcon title={t('admin.users.deactivateWarning')} />
        )}
      </Form>
    </Modal>
  );
}
