import { CheckCircleFilled, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, List, Progress, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { fieldErrorsOf } from '../../shared/api/problem';
import { call, parkline } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/ui/format';
import { FormProblem } from '../../shared/ui/FormProblem';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import type { FieldSchema } from '../parts/answers';
import {
  itemLabel,
  type ApplicationDefinition,
  type ApplicationDto,
  type MaterialTypeDto,
  type SupplementItemDto,
} from '../parts/definition';
import { formatBytes } from '../parts/MaterialList';
import { acceptOf, attachFromLibrary, fileProblemOf, uploadMaterial } from '../parts/upload';
import { FieldInput } from './FieldInput';
import { useApplicationChanged, useApplicationAction } from './queries';

type SupplementRequestDto = NonNullable<ApplicationDto['supplementRequest']>;

/** A material given since the request: the item it answers is done. */
function answeredMaterial(application: ApplicationDto, request: SupplementRequestDto, materialType: string) {
  return application.materials.find(
    (material) => material.materialType === materialType && material.attachedAt >= request.requestedAt,
  );
}

/** One material item: upload a new file (with progress) or take one from the library. */
function MaterialAnswer({
  application,
  request,
  type,
}: {
  application: ApplicationDto;
  request: SupplementRequestDto;
  type: MaterialTypeDto;
}) {
  const { t, language } = useI18n();
  const changed = useApplicationChanged(application.id);
  const [percent, setPercent] = useState<number>();
  const [refusal, setRefusal] = useState<string>();
  const library = useQuery({
    queryKey: ['enterprises', application.enterpriseId, 'materials', type.code],
    queryFn: () =>
      call(() =>
        parkline.GET('/api/v1/enterprises/{id}/materials', {
          params: { path: { id: application.enterpriseId }, query: { materialType: type.code } },
        }),
      ),
    enabled: type.fromLibrary,
  });
  const upload = useMutation({
    mutationFn: (file: File) => uploadMaterial(application.id, type.code, file, setPercent),
    onSuccess: changed,
    onSettled: () => setPercent(undefined),
  });
  const attach = useMutation({
    mutationFn: (libraryMaterialId: string) => attachFromLibrary(application.id, type.code, libraryMaterialId),
    onSuccess: changed,
  });
  const answered = answeredMaterial(application, request, type.code);
  const limits = t('applications.supplement.limits', {
    formats: type.formats.map((format) => format.toUpperCase()).join(' / '),
    size: formatBytes(type.maxBytes, language),
  });

  function choose(file: File) {
    const refused = fileProblemOf(file, type);
    setRefusal(
      refused && t(refused === 'size' ? 'applications.supplement.tooLarge' : 'applications.supplement.wrongFormat'),
    );
    if (!refused) upload.mutate(file);
    return false;
  }

  return (
    <Space orientation="vertical" size={6} style={{ width: '100%' }}>
      {answered && (
        <Typography.Text type="success">
          <CheckCircleFilled />{' '}
          {t('applications.supplement.attached', {
            name: answered.fileName,
            time: formatDateTime(answered.attachedAt, language),
          })}
        </Typography.Text>
      )}
      <Flex wrap gap={8} align="center">
        <Upload
          accept={acceptOf(type.formats)}
          showUploadList={false}
          beforeUpload={choose}
          disabled={upload.isPending}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending}>
            {answered ? t('applications.supplement.replace') : t('applications.supplement.upload')}
          </Button>
        </Upload>
        {type.fromLibrary && (library.data?.length ?? 0) > 0 && (
          <Select
            aria-label={t('applications.supplement.fromLibrary')}
            placeholder={t('applications.supplement.fromLibrary')}
            loading={attach.isPending}
            value={null}
            onChange={(id: string) => attach.mutate(id)}
            options={library.data?.map((material) => ({ value: material.id, label: material.title }))}
            style={{ minWidth: 220 }}
          />
        )}
        <Typography.Text type="secondary">{limits}</Typography.Text>
      </Flex>
      {percent !== undefined && (
        <Progress percent={percent} size="small" aria-label={t('applications.supplement.progress')} />
      )}
      {refusal && <Alert type="error" showIcon title={refusal} />}
      {(upload.error || attach.error) && <ProblemAlert error={upload.error ?? attach.error} />}
    </Space>
  );
}

/** The enterprise answers item by item: materials first, corrected fields, a comment. */
function SupplementAnswerForm({
  application,
  request,
  definition,
}: {
  application: ApplicationDto;
  request: SupplementRequestDto;
  definition: ApplicationDefinition | undefined;
}) {
  const { t, language, pick } = useI18n();
  const [form] = Form.useForm<Record<string, unknown>>();
  const properties = (definition?.formSchema.properties ?? {}) as Record<string, FieldSchema>;
  const fieldItems = request.items.filter((item) => item.kind === 'field');
  const missing = request.items.filter(
    (item) => item.kind === 'material' && !answeredMaterial(application, request, item.key),
  );
  const answer = useApplicationAction(application.id, (values: Record<string, unknown>) => {
    const { comment, ...fields } = values;
    return call(() =>
      parkline.POST('/api/v1/applications/{id}/supplement', {
        params: { path: { id: application.id } },
        body: {
          expectedVersion: application.version,
          form: fieldItems.length ? fields : undefined,
          comment: typeof comment === 'string' && comment.trim() ? comment.trim() : undefined,
        },
      }),
    );
  });
  const initialValues = Object.fromEntries(fieldItems.map((item) => [item.key, application.form[item.key]]));

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) =>
        answer.mutate(values, { onError: (error) => form.setFields(fieldErrorsOf(error, 'form.')) })
      }
    >
      <List
        dataSource={request.items}
        renderItem={(item: SupplementItemDto) => {
          const type = definition?.materials.find((material) => material.code === item.key);
          return (
            <List.Item key={`${item.kind}:${item.key}`} style={{ display: 'block' }}>
              <Typography.Text strong>{itemLabel(item, definition, language, pick)}</Typography.Text>
              <Typography.Paragraph type="warning" style={{ margin: '2px 0 8px' }}>
                {item.reason}
              </Typography.Paragraph>
              {item.kind === 'material' && type && (
                <MaterialAnswer application={application} request={request} type={type} />
              )}
              {item.kind === 'field' && (
                <FieldInput
                  fieldKey={item.key}
                  schema={properties[item.key] ?? {}}
                  label={t('applications.supplement.correctedValue')}
                />
              )}
            </List.Item>
          );
        }}
      />
      <Form.Item name="comment" label={t('applications.supplement.comment')}>
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
      {missing.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('applications.supplement.missing', { count: missing.length })}
        />
      )}
      <FormProblem error={answer.error} />
      <Button type="primary" htmlType="submit" loading={answer.isPending} disabled={missing.length > 0}>
        {t('applications.supplement.submit')}
      </Button>
    </Form>
  );
}

/**
 * The itemised supplement notice: each item with the reason given. The enterprise answers it
 * here; staff read what was asked.
 */
export function SupplementNotice({
  application,
  definition,
  canAnswer,
}: {
  application: ApplicationDto;
  definition: ApplicationDefinition | undefined;
  canAnswer: boolean;
}) {
  const { t, language, pick } = useI18n();
  const request = application.supplementRequest;
  if (!request) return null;
  const answerable = canAnswer && application.status === 'SUPPLEMENT_REQUIRED';
  return (
    <Card
      title={t('applications.supplement.title', { notice: request.notice })}
      extra={
        <Typography.Text type="secondary">
          {t('applications.supplement.requestedAt', { time: formatDateTime(request.requestedAt, language) })}
        </Typography.Text>
      }
      styles={{ header: { background: '#fffbe6' } }}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t(answerable ? 'applications.supplement.introEnterprise' : 'applications.supplement.intro')}
      />
      {answerable ? (
        <SupplementAnswerForm application={application} request={request} definition={definition} />
      ) : (
        <List
          dataSource={request.items}
          renderItem={(item) => (
            <List.Item key={`${item.kind}:${item.key}`}>
              <List.Item.Meta title={itemLabel(item, definition, language, pick)} description={item.reason} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
