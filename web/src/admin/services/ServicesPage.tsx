import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Input,
  Row,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import {
  allServicesQuery,
  useCatalogueNames,
  type ServiceSummary,
} from '../../shared/ui/catalogue-lookups';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { AdminHeader } from '../parts/AdminHeader';
import { NewServiceDialog } from './NewServiceDialog';
import { CategoryTag } from './ServiceTags';
import { DepartmentSelect } from '../../shared/ui/DepartmentSelect';

/** Every service of the catalogue, retired ones too, each opening its versions. */
export function ServicesPage() {
  const { t, pick } = useI18n();
  const services = useQuery(allServicesQuery);
  const { departmentName } = useCatalogueNames();
  const [search, setSearch] = useState('');
  const [department, setDepartment] = useState<string>();
  const [withRetired, setWithRetired] = useState(true);
  const [creating, setCreating] = useState(false);

  const rows = useMemo(() => {
    const words = search.trim().toLowerCase();
    return services.data?.filter(
      (service) =>
        (withRetired || !service.retired) &&
        (!department || service.departmentCode === department) &&
        (!words ||
          [service.code, service.name, service.nameEn].some((text) =>
            text.toLowerCase().includes(words),
          )),
    );
  }, [services.data, search, department, withRetired]);

  const columns: TableColumnsType<ServiceSummary> = [
    {
      title: t('admin.services.name'),
      key: 'name',
      fixed: 'left',
      width: 300,
      render: (_, service) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/admin/services/${service.code}`}>{pick(service.name, service.nameEn)}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {service.code}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('admin.services.department'),
      dataIndex: 'departmentCode',
      ellipsis: true,
      render: (code: string) => departmentName(code),
    },
    {
      title: t('admin.services.category'),
      dataIndex: 'category',
      render: (category: ServiceSummary['category']) => <CategoryTag category={category} />,
    },
    {
      title: t('admin.services.workingDays'),
      key: 'days',
      render: (_, service) =>
        t('admin.services.daysPromisedStatutory', {
          promised: service.promisedWorkingDays,
          statutory: service.statutoryWorkingDays,
        }),
    },
    {
      title: t('admin.services.currentVersion'),
      dataIndex: 'version',
      align: 'right',
      render: (version: number) => `v${version}`,
    },
    {
      title: t('admin.services.state'),
      dataIndex: 'retired',
      render: (retired: boolean) =>
        retired ? (
          <Tag>{t('admin.services.retired')}</Tag>
        ) : (
          <Tag color="success">{t('admin.services.open')}</Tag>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <AdminHeader
        title={t('nav.services')}
        actions={
          <Button type="primary" icon={<PlusOutlined />} disabled={!services.data} onClick={() => setCreating(true)}>
            {t('admin.services.new')}
          </Button>
        }
      />
      {creating && services.data && (
        <NewServiceDialog services={services.data} onClose={() => setCreating(false)} />
      )}
      <Card size="small">
        <Row gutter={[8, 8]} align="middle" style={{ marginBottom: 12 }}>
          <Col xs={24} md={8}>
            <Input.Search
              allowClear
              placeholder={t('admin.services.search')}
              aria-label={t('admin.services.search')}
              onChange={(event) => setSearch(event.target.value)}
            />
          </Col>
          <Col xs={24} md={8}>
            <DepartmentSelect
              allowClear
              aria-label={t('admin.services.department')}
              placeholder={t('admin.users.allDepartments')}
              value={department}
              onChange={setDepartment}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={24} md={8}>
            <Space>
              <Switch
                id="services-with-retired"
                checked={withRetired}
                onChange={setWithRetired}
                size="small"
              />
              <label htmlFor="services-with-retired">{t('admin.services.withRetired')}</label>
            </Space>
          </Col>
        </Row>
        {services.isError && (
          <ProblemAlert error={services.error} onRetry={() => void services.refetch()} />
        )}
        <Table<ServiceSummary>
          size="small"
          rowKey="code"
          columns={columns}
          dataSource={rows}
          loading={services.isPending}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
        />
      </Card>
    </Space>
  );
}
