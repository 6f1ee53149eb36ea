import { KeyOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Checkbox,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { components } from '@parkline/client';
import { fieldErrorsOf } from '../../shared/api/problem';
import { call, parkline } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/ui/format';
import { LoadMore } from '../../shared/ui/LoadMore';
import { FormProblem } from '../../shared/ui/FormProblem';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { RecordList } from '../../shared/ui/RecordList';
import { SecretOnce } from './SecretOnce';

type ApiKeyDto = components['schemas']['ApiKeyDto'];
type Scope = ApiKeyDto['scopes'][number];

const SCOPES: Scope[] = [
  'catalogue:read',
  'applications:read',
  'applications:write',
  'bookings:read',
  'bookings:write',
  'webhooks:manage',
];

interface NewKey {
  name: string;
  scopes: Scope[];
}

function CreateKey({
  enterpriseId,
  onCreated,
  onClose,
}: {
  enterpriseId: string;
  onCreated: (key: string) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  // Untyped: the API's field errors name fields by string.
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: ({ name, scopes }: NewKey) =>
      call(() => parkline.POST('/api/v1/api-keys', { body: { name, scopes, enterpriseIds: [enterpriseId] } })),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['api-keys'] });
      onCreated(created.key);
    },
    onError: (error) => form.setFields(fieldErrorsOf(error)),
  });
  return (
    <Modal
      open
      title={t('integrations.keys.create')}
      okText={t('integrations.keys.createSubmit')}
      cancelText={t('app.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ scopes: ['catalogue:read', 'applications:read'] }}
        onFinish={(values: NewKey) => create.mutate(values)}
      >
        <Form.Item name="name" label={t('integrations.keys.name')} rules={[{ required: true, max: 100 }]}>
          <Input placeholder={t('integrations.keys.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t('integrations.keys.scopes')}
          rules={[{ required: true, type: 'array', min: 1 }]}
        >
          <Checkbox.Group>
            <Space orientation="vertical">
              {SCOPES.map((scope) => (
                <Checkbox key={scope} value={scope}>
                  <Typography.Text code>{scope}</Typography.Text> {t(`integrations.scope.${scope}`)}
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
        </Form.Item>
        <FormProblem error={create.error} />
      </Form>
    </Modal>
  );
}

/** The enterprise's API keys for its integrators: created (the key shown once), revoked. */
export function ApiKeys({ enterpriseId }: { enterpriseId: string }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string>();
  const keys = useInfiniteQuery({
    queryKey: ['api-keys'],
    queryFn: ({ pageParam }) =>
      call(() => parkline.GET('/api/v1/api-keys', { params: { query: { limit: 20, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => call(() => parkline.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['api-keys'] }),
  });
  const rows = keys.data?.pages.flatMap((page) => page.data) ?? [];
  const state = (key: ApiKeyDto) =>
    key.revokedAt ? (
      <Tag>{t('integrations.keys.revoked', { time: formatDateTime(key.revokedAt, language) })}</Tag>
    ) : (
      <Tag color="green">{t('integrations.keys.active')}</Tag>
    );
  const scopes = (key: ApiKeyDto) => (
    <Space wrap size={[4, 4]}>
      {key.scopes.map((scope) => (
        <Tag key={scope}>{scope}</Tag>
      ))}
    </Space>
  );
  const revokeButton = (key: ApiKeyDto) =>
    !key.revokedAt && (
      <Popconfirm
        title={t('integrations.keys.revokeConfirm')}
        okText={t('integrations.keys.revoke')}
        okButtonProps={{ danger: true }}
        cancelText={t('app.cancel')}
        onConfirm={() => revoke.mutateAsync(key.id).catch(() => undefined)}
      >
        <Button danger size="small">
          {t('integrations.keys.revoke')}
        </Button>
      </Popconfirm>
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex wrap justify="space-between" align="center" gap={8}>
        <Typography.Text type="secondary">{t('integrations.keys.intro')}</Typography.Text>
        <Button type="primary" icon={<KeyOutlined />} onClick={() => setCreating(true)}>
          {t('integrations.keys.create')}
        </Button>
      </Flex>
      {keys.error && <ProblemAlert error={keys.error} onRetry={() => void keys.refetch()} />}
      {revoke.error && <ProblemAlert error={revoke.error} />}
      <RecordList<ApiKeyDto>
        rows={rows}
        loading={keys.isLoading}
        empty={t('integrations.keys.none')}
        card={(key) => ({
          title: (
            <Space wrap>
              {key.name}
              {state(key)}
            </Space>
          ),
          description: (
            <Space orientation="vertical" size={4}>
              <Typography.Text code>{key.keyPrefix}…</Typography.Text>
              {scopes(key)}
            </Space>
          ),
          extra: revokeButton(key),
        })}
        columns={[
          { key: 'name', title: t('integrations.keys.name'), dataIndex: 'name' },
          {
            key: 'prefix',
            title: t('integrations.keys.prefix'),
            render: (_, key) => <Typography.Text code>{key.keyPrefix}…</Typography.Text>,
          },
          { key: 'scopes', title: t('integrations.keys.scopes'), render: (_, key) => scopes(key) },
          {
            key: 'createdAt',
            title: t('integrations.keys.createdAt'),
            render: (_, key) => formatDateTime(key.createdAt, language),
          },
          {
            key: 'lastUsedAt',
            title: t('integrations.keys.lastUsedAt'),
            render: (_, key) => formatDateTime(key.lastUsedAt, language),
          },
          { key: 'state', title: t('integrations.keys.state'), render: (_, key) => state(key) },
          { key: 'actions', title: '', render: (_, key) => revokeButton(key) },
        ]}
      />
      <LoadMore query={keys} />
      {creating && (
        <CreateKey
          enterpriseId={enterpriseId}
          onClose={() => setCreating(false)}
          onCreated={(key) => {
            setCreating(false);
            setCreated(key);
          }}
        />
      )}
      {created && (
        <SecretOnce
          title={t('integrations.keys.createdTitle')}
          secret={created}
          onClose={() => setCreated(undefined)}
        />
      )}
    </Space>
  );
}
