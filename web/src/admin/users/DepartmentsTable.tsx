import { useQuery } from '@tanstack/react-query';
import { Button, Table, type TableColumnsType } from 'antd';
import { useI18n } from '../../shared/i18n/i18n';
import { departmentsQuery, type Department } from '../../shared/ui/catalogue-lookups';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';

/** The park's departments; each opens the list of its staff. */
export function DepartmentsTable({ onStaff }: { onStaff: (department: string) => void }) {
  const { t } = useI18n();
  const departments = useQuery(departmentsQuery);
  const columns: TableColumnsType<Department> = [
    { title: t('admin.departments.code'), dataIndex: 'code', width: 120 },
    { title: t('admin.departments.name'), dataIndex: 'name' },
    { title: t('admin.departments.nameEn'), dataIndex: 'nameEn' },
    {
      title: t('admin.actions'),
      key: 'actions',
      width: 120,
      render: (_, department) => (
        <Button size="small" onClick={() => onStaff(department.code)}>
          {t('admin.departments.staff')}
        </Button>
      ),
    },
  ];
  if (departments.isError) {
    return <ProblemAlert error={departments.error} onRetry={() => void departments.refetch()} />;
  }
  return (
    <Table<Department>
      size="small"
      rowKey="code"
      columns={columns}
      dataSource={departments.data}
      loading={departments.isPending}
      pagination={false}
      scroll={{ x: 640 }}
    />
  );
}
