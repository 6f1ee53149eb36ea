import { useInfiniteQuery } from '@tanstack/react-query';
import type { components } from '@parkline/client';
import {
  Button,
  Card,
  Col,
  Input,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { call, parkline, type Role } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { useCatalogueNames } from '../../shared/ui/catalogue-lookups';
import { formatDateTime } from '../../shared/ui/format';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { AdminHeader } from '../parts/AdminHeader';
import { DepartmentsTable } from './DepartmentsTable';
import { EditUserModal } from './EditUserModal';
import { NewStaffModal } from './NewStaffModal';
import { ALL_ROLES } from './roles';
import { DepartmentSelect } from '../../shared/ui/DepartmentSelect';

type User = components['schemas']['UserDto'];

const FILTER_KEYS = ['q', 'role', 'department', 'active'] as const;
type UserFilter = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/** Park staff and enterprise users, and the departments staff belong to. */
export function UsersPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'departments' ? 'departments' : 'users';
  const [creating, setCreating] = useState(false);
  const filter: UserFilter = {};
  for (const key of FILTER_KEYS) filter[key] = params.get(key) ?? undefined;

  /** Shows the users tab with `next` as its filter (a department's "staff" link uses it too). */
  function showUsers(next: UserFilter) {
    const query = new URLSearchParams();
    for (const key of FILTER_KEYS) if (next[key]) query.set(key, next[key]);
    setParams(query, { replace: true });
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <AdminHeader
        title={t('nav.users')}
        actions={
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('admin.users.new')}
          </Button>
        }
      />
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => (key === 'users' ? showUsers(filter) : setParams({ tab: key }))}
          items={[
            {
              key: 'users',
              label: t('admin.users.tab'),
              children: <UserList filter={filter} onFilter={showUsers} />,
            },
            {
              key: 'departments',
              label: t('admin.departments.tab'),
              children: <DepartmentsTable onStaff={(department) => showUsers({ department })} />,
            },
          ]}
        />
      </Card>
      <NewStaffModal open={creating} onClose={() => setCreating(false)} />
    </Space>
  );
}

function UserList({
  filter,
  onFilter,
}: {
  filter: UserFilter;
  onFilter: (filter: UserFilter) => void;
}) {
  const { t, language } = useI18n();
  const { departmentName } = useCatalogueNames();
  const [editing, setEditing] = useState<User>();
  const users = useInfiniteQuery({
    queryKey: ['users', filter],
    queryFn: ({ pageParam }) =>
      call(() =>
        parkline.GET('/api/v1/users', {
          params: {
            query: {
              limit: 50,
              cursor: pageParam,
              q: filter.q,
              role: filter.role as Role | undefined,
              department: filter.department,
              active: filter.active,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = users.data?.pages.flatMap((page) => page.data);
  const change = (patch: UserFilter) => onFilter({ ...filter, ...patch });

  const columns: TableColumnsType<User> = [
    { title: t('admin.users.name'), dataIndex: 'name', fixed: 'left', width: 140, ellipsis: true },
    { title: t('admin.users.email'), dataIndex: 'email', ellipsis: true },
    {
      title: t('admin.users.role'),
      dataIndex: 'role',
      render: (role: Role) => t(`role.${role}`),
    },
    {
      title: t('admin.users.department'),
      dataIndex: 'departmentCode',
      ellipsis: true,
      render: (code: string | null) => (code ? departmentName(code) : '—'),
    },
    {
      title: t('admin.users.status'),
      dataIndex: 'active',
      render: (active: boolean) =>
        active ? (
          <Tag color="success">{t('admin.users.active')}</Tag>
        ) : (
          <Tag>{t('admin.users.inactive')}</Tag>
        ),
    },
    {
      title: t('admin.users.createdAt'),
      dataIndex: 'createdAt',
      render: (iso: string) => formatDateTime(iso, language),
    },
    {
      title: t('admin.actions'),
      key: 'actions',
      fixed: 'right',
      width: 88,
      render: (_, user) => (
        <Button
          size="small"
          onClick={() => setEditing(user)}
          aria-label={`${t('admin.users.edit')} ${user.name}`}
        >
          {t('admin.users.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[8, 8]}>
        <Col xs={12} md={6}>
          <Input.Search
            allowClear
            defaultValue={filter.q}
            placeholder={t('admin.users.search')}
            aria-label={t('admin.users.search')}
            onSearch={(q) => change({ q: q.trim() || undefined })}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={12} md={6}>
          <Select
            allowClear
            aria-label={t('admin.users.role')}
            placeholder={t('admin.users.allRoles')}
            value={filter.role}
            onChange={(role?: string) => change({ role })}
            options={ALL_ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={12} md={6}>
          <DepartmentSelect
            allowClear
            aria-label={t('admin.users.department')}
            placeholder={t('admin.users.allDepartments')}
            value={filter.department}
            onChange={(department?: string) => change({ department })}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={12} md={6}>
          <Select
            allowClear
            aria-label={t('admin.users.status')}
            placeholder={t('admin.users.anyStatus')}
            value={filter.active}
            onChange={(active?: string) => change({ active })}
            options={[
              { value: 'true', label: t('admin.users.active') },
              { value: 'false', label: t('admin.users.inactive') },
            ]}
            style={{ width: '100%' }}
          />
        </Col>
      </Row>
      {users.isError && <ProblemAlert error={users.error} onRetry={() => void users.refetch()} />}
      <Table<User>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={users.isPending}
        pagination={false}
        scroll={{ x: 960 }}
      />
      {users.hasNextPage && (
        <Button block loading={users.isFetchingNextPage} onClick={() => void users.fetchNextPage()}>
          {t('app.more')}
        </Button>
      )}
      <EditUserModal user={editing} onClose={() => setEditing(undefined)} />
    </Space>
  );
}
