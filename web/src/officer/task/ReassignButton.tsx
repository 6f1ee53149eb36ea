import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import type { Me } from '../../shared/api/session';
import { call, parkline } from '../../shared/api/session';
import { fieldErrorsOf } from '../../shared/api/problem';
import { useI18n } from '../../shared/i18n/i18n';
import { FormProblem } from '../../shared/ui/FormProblem';
import { useReassignTask, type Task } from '../tasks';

/** The department's active officers and heads: whom a task can be handed to. */
function useDepartmentStaff(code: string, enabled: boolean) {
  return useQuery({
    queryKey: ['departments', code, 'staff'],
    queryFn: () => call(() => parkline.GET('/api/v1/departments/{code}/staff', { params: { path: { code } } })),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** A head hands the task to a colleague of the department (a decision only to another head). */
export function ReassignButton({ task, me, disabled }: { task: Task; me: Me; disabled: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const staff = useDepartmentStaff(task.departmentCode, open);
  const reassign = useReassignTask(task.id);
  const candidates = (staff.data ?? []).filter(
    (user) => user.id !== task.assigneeId && (task.role === 'OFFICER' || user.role === 'DEPARTMENT_HEAD'),
  );
  const submit = ({ assigneeId }: { assigneeId: string }) =>
    reassign.mutate(assigneeId, {
      onSuccess: () => {
        const name = candidates.find((user) => user.id === assigneeId)?.name ?? '';
        void message.success(t('officer.reassign.done', { name }));
        setOpen(false);
      },
      onError: (error) => form.setFields(fieldErrorsOf(error)),
    });
  return (
    <>
      <Button onClick={() => setOpen(true)} disabled={disabled}>
        {t('officer.reassign.open')}
      </Button>
      <Modal
        open={open}
        title={t('officer.reassign.title', { number: task.applicationNumber })}
        okText={t('officer.reassign.submit')}
        onOk={() => form.submit()}
        okButtonProps={{ loading: reassign.isPending, disabled: !staff.data }}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {staff.error ? (
          <Alert type="warning" showIcon title={t('officer.reassign.noStaffList')} />
        ) : (
          <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
            <Form.Item
              name="assigneeId"
              label={t('officer.reassign.assignee')}
              extra={task.role === 'DEPARTMENT_HEAD' ? t('officer.reassign.headsOnly') : undefined}
              rules={[{ required: true, message: t('officer.reassign.assigneeRequired') }]}
            >
              <Select
                loading={staff.isLoading}
                showSearch={{ optionFilterProp: 'label' }}
                autoFocus
                options={candidates.map((user) => ({
                  value: user.id,
                  label: `${user.name}${user.id === me.user.id ? ` (${t('officer.reassign.me')})` : ''} · ${t(`role.${user.role}`)}`,
                }))}
              />
            </Form.Item>
            <FormProblem error={reassign.error} />
          </Form>
        )}
      </Modal>
    </>
  );
}
