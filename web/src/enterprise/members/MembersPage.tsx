import { UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Grid, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { components } from '@parkline/client';
import { useMe } from '../../app/auth';
import { fieldErrorsOf } from '../../shared/api/problem';
import { call, parkline } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDate } from '../../shared/ui/format';
import { FormProblem } from '../../shared/ui/FormProblem';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { RecordList } from '../../shared/ui/RecordList';

type UserDto = components['schemas']['UserDto'];
type NewMemberDto = components['schemas']['NewMemberDto'];

const MEMBER_ROLES: NewMemberDto['role'][] = ['ENTERPRISE_MEMBER', 'ENTERPRISE_ADMIN'];

function AddMember({ enterpriseId, onClose }: { enterpriseId: string; onClose: () => void }) {
  const { t } = useI18n();
  // Untyped: the API's field errors name fields by string.
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const add = useMutation({
    mutationFn: (member: NewMemberDto) =>
      call(() =>
        parkline.POST('/api/v1/enterprises/{id}/members', { params: { path: { id: enterpriseId } }, body: member }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['enterprises', enterpriseId, 'members'] });
      onClose();
    },
    onError: (error) => form.setFields(fieldErrorsOf(error)),
  });
  return (
    <Modal
      open
      title={t('members.add')}
      okText={t('members.addSubmit')}
      cancelText={t('app.cancel')}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ role: 'ENTERPRISE_MEMBER' }}
        onFinish={(member: NewMemberDto) => add.mutate(member)}
      >
        <Form.Item name="name" label={t('members.name')} rules={[{ required: true }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="email" label={t('members.email')} rules={[{ required: true }, { type: 'email' }]}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('members.password')}
          extra={t('members.passwordHint')}
          rules={[{ required: true }, { min: 10 }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role" label={t('members.role')} rules={[{ required: true }]}>
          <Select options={MEMBER_ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
        </Form.Item>
        <FormProblem error={add.error} />
      </Form>
    </Modal>
  );
}

/** The enterprise's people: who may act for it, and adding one. */
export function MembersPage() {
  const { t, language } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const me = useMe();
  const enterpriseId = me.enterprise?.id ?? me.user.enterpriseId ?? '';
  const [adding, setAdding] = useState(false);
  const members = useQuery({
    queryKey: ['enterprises', enterpriseId, 'members'],
    queryFn: () =>
      call(() => parkline.GET('/api/v1/enterprises/{id}/members', { params: { path: { id: enterpriseId } } })),
    enabled: Boolean(enterpriseId),
  });
  const status = (member: UserDto) =>
    member.active ? <Tag color="green">{t('members.active')}</Tag> : <Tag>{t('members.inactive')}</Tag>;

  return (
    <Card variant="borderless" styles={{ body: { padding: phone ? 12 : 24 } }}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Flex wrap justify="space-between" align="center" gap={8}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('members.title')}
          </Typography.Title>
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
            {t('members.add')}
          </Button>
        </Flex>
        {members.error && <ProblemAlert error={members.error} onRetry={() => void members.refetch()} />}
        <RecordList<UserDto>
          rows={members.data}
          loading={members.isLoading}
          card={(member) => ({
            title: `${member.name} · ${t(`role.${member.role}`)}`,
            description: member.email,
            extra: status(member),
          })}
          columns={[
            { key: 'name', title: t('members.name'), dataIndex: 'name' },
            { key: 'email', title: t('members.email'), dataIndex: 'email' },
            { key: 'role', title: t('members.role'), render: (_, member) => t(`role.${member.role}`) },
            { key: 'status', title: t('members.status'), render: (_, member) => status(member) },
            {
              key: 'createdAt',
              title: t('members.createdAt'),
              render: (_, member) => formatDate(member.createdAt, language),
            },
          ]}
        />
      </Space>
      {adding && <AddMember enterpriseId={enterpriseId} onClose={() => setAdding(false)} />}
    </Card>
  );
}
