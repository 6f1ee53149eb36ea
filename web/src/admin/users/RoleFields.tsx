import { Form, Select } from 'antd';
import type { Role } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { needsDepartment } from './roles';
import { DepartmentSelect } from '../../shared/ui/DepartmentSelect';

/** Role, and the department for the roles that work in one (officers and heads). */
export function RoleFields({ roles }: { roles: readonly Role[] }) {
  const { t } = useI18n();
  const role = Form.useWatch<Role | undefined>('role');
  return (
    <>
      <Form.Item name="role" label={t('admin.users.role')} rules={[{ required: true }]}>
        <Select options={roles.map((value) => ({ value, label: t(`role.${value}`) }))} />
      </Form.Item>
      {needsDepartment(role) && (
        <Form.Item
          name="departmentCode"
          label={t('admin.users.department')}
          rules={[{ required: true, message: t('admin.users.departmentRequired') }]}
        >
          <DepartmentSelect />
        </Form.Item>
      )}
    </>
  );
}
