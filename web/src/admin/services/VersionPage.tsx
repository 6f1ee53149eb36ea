import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@parkline/client';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Space,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { call, parkline } from '../../shared/api/session';
import { ParklineApiError } from '../../shared/api/problem';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/zh-CN';
import { PageSkeleton } from '../../shared/ui/PageSkeleton';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { AdminHeader } from '../parts/AdminHeader';
import {
  JSON_FIELDS,
  placeProblems,
  type JsonField,
  type PlacedProblems,
} from './definition-problems';
import { parseJson } from './json-text';
import { JsonTextField, type JsonShape } from './JsonTextField';
import { SCALAR_FIELDS, versionQuery, type Service } from './definition';
import { VersionStatusTag } from './ServiceTags';
import { DepartmentSelect } from '../../shared/ui/DepartmentSelect';

type DraftChange = components['schemas']['DraftChangeInput'];

const FORM_NAME = 'definition';

/** The numbers of a definition, within the bounds the API takes. */
const NUMBER_FIELDS: {
  name: string;
  label: MessageKey;
  min: number;
  max?: number;
  whole: boolean;
}[] = [
  {
    name: 'promisedWorkingDays',
    label: 'admin.definition.promisedDays',
    min: 1,
    max: 400,
    whole: true,
  },
  {
    name: 'statutoryWorkingDays',
    label: 'admin.definition.statutoryDays',
    min: 1,
    max: 400,
    whole: true,
  },
  { name: 'feeCny', label: 'admin.definition.fee', min: 0, whole: false },
];
type Scalars = Pick<Service, (typeof SCALAR_FIELDS)[number]>;
type DefinitionText = Scalars & Record<JsonField, string>;

const SHAPES: Record<JsonField, JsonShape> = {
  certificate: 'objectOrNull',
  materials: 'array',
  formSchema: 'object',
  workflow: 'object',
};

function textOf(service: Service): DefinitionText {
  const text = Object.fromEntries(
    JSON_FIELDS.map((field) => [field, JSON.stringify(service[field] ?? null, null, 2)]),
  ) as Record<JsonField, string>;
  const scalars = Object.fromEntries(SCALAR_FIELDS.map((field) => [field, service[field]]));
  return { ...(scalars as Scalars), ...text };
}

/** The JSON parts that parse, as values (the validator has refused the others already). */
function parsedParts(values: Partial<DefinitionText>): Partial<Record<JsonField, unknown>> {
  const parts: Partial<Record<JsonField, unknown>> = {};
  for (const field of JSON_FIELDS) {
    try {
      parts[field] = parseJson(values[field] ?? '').value;
    } catch {
      // Left out: its own field shows the syntax error.
    }
  }
  return parts;
}

/** One version of a service: a draft to edit, validate and publish, or a published one to read. */
export function VersionPage() {
  const params = useParams();
  const code = params.code ?? '';
  const versionNumber = Number(params.version);
  const version = useQuery(versionQuery(code, versionNumber));
  if (version.isError)
    return <ProblemAlert error={version.error} onRetry={() => void version.refetch()} />;
  if (!version.data) return <PageSkeleton rows={12} />;
  return <DefinitionEditor service={version.data} />;
}

function DefinitionEditor({ service }: { service: Service }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Untyped: the API names the fields its problems are about, which may be any of them.
  const [form] = Form.useForm();
  const [problems, setProblems] = useState<PlacedProblems>({ fields: [], json: {}, unplaced: [] });
  const [problemCount, setProblemCount] = useState(0);
  const [unsaved, setUnsaved] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const draft = service.status === 'DRAFT';
  const path = { code: service.code, version: service.version };

  // Filled once per version: after a save the text stays as typed, not as the server stores it.
  const { code, version } = service;
  useEffect(() => {
    form.setFieldsValue(textOf(queryClient.getQueryData(versionQuery(code, version).queryKey)!));
  }, [form, queryClient, code, version]);

  function showProblems(error: unknown) {
    if (!(error instanceof ParklineApiError) || error.errors.length === 0) {
      setFailure(error);
      return;
    }
    const values = form.getFieldsValue(true) as DefinitionText;
    const placed = placeProblems(error, parsedParts(values), SCALAR_FIELDS);
    form.setFields(placed.fields);
    setProblems(placed);
    setProblemCount(error.errors.length);
  }

  function clearProblems() {
    setFailure(undefined);
    setProblemCount(0);
  }

  async function save(): Promise<boolean> {
    let values: DefinitionText;
    try {
      values = await form.validateFields();
    } catch {
      return false;
    }
    // The fields' validators have checked each part's shape; the server checks the rest.
    const parts = parsedParts(values) as Pick<DraftChange, JsonField>;
    const body: DraftChange = {
      ...Object.fromEntries(SCALAR_FIELDS.map((field) => [field, values[field]])),
      ...parts,
    };
    const saved = await call(() =>
      parkline.PATCH('/api/v1/services/{code}/versions/{version}', { params: { path }, body }),
    );
    queryClient.setQueryData(versionQuery(service.code, service.version).queryKey, saved);
    setUnsaved(false);
    return true;
  }

  const saving = useMutation({
    mutationFn: save,
    onMutate: clearProblems,
    onSuccess: (saved) => saved && message.success(t('admin.services.saved')),
    onError: showProblems,
  });
  const publishing = useMutation({
    mutationFn: async () => {
      // What is published is what the server holds: the edits go there first.
      if (unsaved && !(await save())) return undefined;
      return call(() =>
        parkline.POST('/api/v1/services/{code}/versions/{version}/publish', {
          params: { path, header: { 'Idempotency-Key': crypto.randomUUID() } },
        }),
      );
    },
    onMutate: clearProblems,
    onSuccess: (published) => {
      if (!published) return;
      void queryClient.invalidateQueries({ queryKey: ['services'] });
      message.success(t('admin.services.publishedNow', { version: published.version }));
      navigate(`/admin/services/${service.code}`);
    },
    onError: showProblems,
  });

  function format() {
    for (const field of JSON_FIELDS) {
      try {
        const text = form.getFieldValue(field) as string;
        form.setFieldValue(field, JSON.stringify(parseJson(text).value, null, 2));
      } catch {
        // Left as typed: its field shows where it does not parse.
      }
    }
    void form.validateFields([...JSON_FIELDS]).catch(() => undefined);
  }

  const busy = saving.isPending || publishing.isPending;
  const jsonLabels: Record<JsonField, string> = {
    certificate: t('admin.definition.certificate'),
    materials: t('admin.definition.materials'),
    formSchema: t('admin.definition.formSchema'),
    workflow: t('admin.definition.workflow'),
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/admin/services">{t('nav.services')}</Link> },
          { title: <Link to={`/admin/services/${service.code}`}>{service.code}</Link> },
          { title: `v${service.version}` },
        ]}
      />
      <AdminHeader
        title={`${pick(service.name, service.nameEn)} · v${service.version}`}
        actions={
          <>
            <VersionStatusTag status={service.status} />
            {draft && (
              <>
                <Button onClick={format} disabled={busy}>
                  {t('admin.definition.format')}
                </Button>
                <Button onClick={() => saving.mutate()} loading={saving.isPending} disabled={busy}>
                  {t('admin.definition.save')}
                </Button>
                <Popconfirm
                  title={t('admin.definition.publishConfirm')}
                  description={t('admin.definition.publishHelp')}
                  okText={t('admin.definition.publish')}
                  cancelText={t('app.cancel')}
                  onConfirm={() => publishing.mutate()}
                >
                  <Button type="primary" loading={publishing.isPending} disabled={busy}>
                    {t('admin.definition.publish')}
                  </Button>
                </Popconfirm>
              </>
            )}
          </>
        }
      />
      {!draft && <Alert type="info" showIcon title={t('admin.definition.readOnly')} />}
      {failure !== undefined && <ProblemAlert error={failure} />}
      {problemCount > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('admin.definition.problems', { count: problemCount })}
        />
      )}
      {problems.unplaced.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('admin.definition.otherProblems')}
          description={problems.unplaced.map((text) => (
            <div key={text}>{text}</div>
          ))}
        />
      )}
      <Form
        form={form}
        name={FORM_NAME}
        layout="vertical"
        disabled={!draft}
        onValuesChange={(changed: Partial<DefinitionText>) => {
          setUnsaved(true);
          const edited = JSON_FIELDS.filter((field) => field in changed);
          if (edited.length > 0) {
            setProblems((current) => ({
              ...current,
              json: Object.fromEntries(
                Object.entries(current.json).filter(
                  ([field]) => !edited.includes(field as JsonField),
                ),
              ),
            }));
          }
        }}
      >
        <Card size="small" title={t('admin.definition.basics')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            {(['name', 'nameEn'] as const).map((name) => (
              <Col key={name} xs={24} md={12}>
                <Form.Item
                  name={name}
                  label={t(name === 'name' ? 'admin.definition.name' : 'admin.definition.nameEn')}
                  rules={[{ required: true }]}
                >
                  <Input />
                </Form.Item>
              </Col>
            ))}
            <Col xs={24} md={12}>
              <Form.Item
                name="departmentCode"
                label={t('admin.definition.department')}
                rules={[{ required: true }]}
              >
                <DepartmentSelect />
              </Form.Item>
            </Col>
            {NUMBER_FIELDS.map(({ name, label, min, max, whole }) => (
              <Col key={name} xs={8} md={4}>
                <Form.Item name={name} label={t(label)} rules={[{ required: true }]}>
                  <InputNumber
                    min={min}
                    max={max}
                    precision={whole ? 0 : undefined}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
            ))}
            <Col xs={24}>
              <Form.Item
                name="legalBasis"
                label={t('admin.definition.legalBasis')}
                rules={[{ required: true }]}
              >
                <Input.TextArea rows={2} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('admin.definition.jsonParts')}>
          {JSON_FIELDS.map((field) => (
            <JsonTextField
              key={field}
              formName={FORM_NAME}
              name={field}
              label={jsonLabels[field]}
              shape={SHAPES[field]}
              problems={problems.json[field]}
              disabled={!draft}
              rows={field === 'certificate' ? 6 : 16}
            />
          ))}
        </Card>
      </Form>
    </Space>
  );
}
