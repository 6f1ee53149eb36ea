import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Result,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMe } from '../../app/auth';
import { fieldErrorsOf, ParklineApiError } from '../../shared/api/problem';
import { useI18n, type Language } from '../../shared/i18n/i18n';
import {
  fieldsOf,
  formPayloadOf,
  SchemaForm,
  type FormField,
  type FormValues,
  type JsonSchema,
} from '../../shared/schema-form';
import { PARK_TIME_ZONE } from '../../shared/ui/format';
import { PageSkeleton } from '../../shared/ui/PageSkeleton';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { bundleQuery, serviceVersionQuery, type MaterialType } from '../catalogue/queries';
import { applicationQuery } from './draft';
import { MaterialsPanel } from './MaterialsPanel';
import { SubmitDraft } from './SubmitDraft';
import type { Application } from '../../applications/parts/upload';
import { useAutosave, type SaveState } from './useAutosave';
import { BookingSelect } from '../../resources/BookingSelect';

/** The form field of the booking services that names one of the enterprise's bookings. */
const BOOKING_FIELD = 'booking.id';

/** What a draft files under: one service at its pinned version, or a bundle's merged form. */
interface Definition {
  name: string;
  nameEn: string;
  /** The catalogue page it was filed from. */
  href: string;
  formSchema: JsonSchema;
  materials: MaterialType[];
  /** Bundles: for each field, the services that ask it. */
  fieldsNeededBy?: Record<string, string[]>;
}

function useDefinition(application: Application | undefined) {
  const serviceCode = application?.kind === 'SINGLE' ? application.serviceCode : null;
  const bundleCode = application?.kind === 'BUNDLE' ? application.bundleCode : null;
  const service = useQuery({
    ...serviceVersionQuery(serviceCode ?? '', application?.serviceVersion ?? 0),
    enabled: !!serviceCode && !!application?.serviceVersion,
  });
  const bundle = useQuery({ ...bundleQuery(bundleCode ?? ''), enabled: !!bundleCode });
  const error = service.error ?? bundle.error;
  let definition: Definition | undefined;
  if (service.data) definition = { ...service.data, href: `/catalogue/${service.data.code}` };
  else if (bundle.data)
    definition = {
      ...bundle.data,
      href: `/catalogue/bundles/${bundle.data.code}`,
      fieldsNeededBy: bundle.data.fieldsNeededBy as Record<string, string[]>,
    };
  return {
    definition,
    error,
    retry: () => void (service.error ? service.refetch() : bundle.refetch()),
  };
}

const timeOf = (date: Date, language: Language) =>
  new Intl.DateTimeFormat(language, {
    timeZone: PARK_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);

function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t, language } = useI18n();
  switch (state.status) {
    case 'saving':
      return (
        <Typography.Text type="secondary">
          <LoadingOutlined /> {t('filing.save.saving')}
        </Typography.Text>
      );
    case 'pending':
      return <Typography.Text type="secondary">{t('filing.save.pending')}</Typography.Text>;
    case 'failed':
      return (
        <Space size={4}>
          <Typography.Text type="danger">
            <ExclamationCircleOutlined /> {t('filing.save.failed')}
          </Typography.Text>
          <Button size="small" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        </Space>
      );
    case 'conflict':
      return <Typography.Text type="warning">{t('filing.save.conflict')}</Typography.Text>;
    default:
      return (
        <Typography.Text type="success">
          <CheckCircleOutlined />{' '}
          {state.savedAt
            ? t('filing.save.savedAt', { time: timeOf(state.savedAt, language) })
            : t('filing.save.saved')}
        </Typography.Text>
      );
  }
}

function VerificationNotice() {
  const { t } = useI18n();
  const me = useMe();
  if (me.enterprise?.verified !== false) return null;
  return <Alert type="warning" showIcon title={t('filing.notVerified')} />;
}

/** The fields a situation rule looks at: answering them changes which materials are needed. */
function ruleFieldsOf(materials: MaterialType[]): Set<string> {
  return new Set(
    materials.flatMap((material) =>
      material.requiredWhen
        ? Object.keys((material.requiredWhen.properties as object | undefined) ?? {})
        : [],
    ),
  );
}

function Editor({ application, definition }: { application: Application; definition: Definition }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const [values, setValues] = useState<FormValues>(application.form);
  const fields = useMemo(() => fieldsOf(definition.formSchema), [definition.formSchema]);
  const ruleFields = useMemo(() => ruleFieldsOf(definition.materials), [definition.materials]);
  const autosave = useAutosave(application.id, application.form, (error) =>
    form.setFields(fieldErrorsOf(error, 'form.')),
  );
  const answers = useMemo(() => formPayloadOf(values), [values]);
  const extraOf = (field: FormField) => {
    const askedBy = definition.fieldsNeededBy?.[field.key] ?? [];
    return (
      <>
        {ruleFields.has(field.key) && <div>{t('filing.field.decidesMaterials')}</div>}
        {askedBy.length > 1 && <div>{t('filing.field.askedBy', { count: askedBy.length })}</div>}
      </>
    );
  };
  const { state } = autosave;
  return (
    <Flex vertical gap={16}>
      <Card variant="borderless">
        <Flex wrap gap={12} justify="space-between" align="center">
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {pick(definition.name, definition.nameEn)}
            </Typography.Title>
            <Typography.Text type="secondary">
              <Tag>{t('filing.draft')}</Tag>
              {application.number}
            </Typography.Text>
          </div>
          <Flex wrap gap={12} align="center">
            <SaveStatus state={state} onRetry={() => void autosave.flush()} />
            <SubmitDraft
              application={application}
              form={form}
              fields={fields}
              materials={definition.materials}
              save={autosave.flush}
            />
          </Flex>
        </Flex>
      </Card>
      <VerificationNotice />
      {state.status === 'conflict' && (
        <Alert
          type="warning"
          showIcon
          title={t('filing.conflict.title')}
          description={t('filing.conflict.detail')}
          action={
            <Space orientation="vertical">
              <Button
                size="small"
                onClick={() => {
                  form.setFieldsValue(
                    Object.fromEntries(
                      fields.map((field) => [field.key, state.theirs.form[field.key]]),
                    ),
                  );
                  setValues(state.theirs.form);
                  autosave.settle('theirs', state.theirs);
                }}
              >
                {t('filing.conflict.takeTheirs')}
              </Button>
              <Button
                size="small"
                type="primary"
                onClick={() => autosave.settle('mine', state.theirs)}
              >
                {t('filing.conflict.keepMine')}
              </Button>
            </Space>
          }
        />
      )}
      {state.status === 'failed' && fieldErrorsOf(state.error).length === 0 && (
        <ProblemAlert error={state.error} />
      )}
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xl={15}>
          <Card variant="borderless" title={t('filing.form')}>
            <SchemaForm
              schema={definition.formSchema}
              form={form}
              initialValues={application.form}
              extraOf={extraOf}
              inputOf={(field) =>
                field.key === BOOKING_FIELD ? <BookingSelect enterpriseId={application.enterpriseId} /> : undefined
              }
              onValuesChange={(all) => {
                setValues(all);
                autosave.change(formPayloadOf(all));
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card variant="borderless" title={t('catalogue.service.materials')}>
            <MaterialsPanel
              application={application}
              materials={definition.materials}
              fields={fields}
              form={answers}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

/**
 * The draft editor: the service's form rendered from its schema and saved as the user types,
 * the materials its answers require, the pre-submit checklist and submit. The draft lives on
 * the server, so a reload (or another device) continues where the user left off.
 */
export function DraftEditorPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const application = useQuery(applicationQuery(id));
  const { definition, error, retry } = useDefinition(application.data);
  if (application.error) {
    const missing =
      application.error instanceof ParklineApiError &&
      [400, 404].includes(application.error.status);
    return missing ? (
      <Result
        status="404"
        title={t('filing.notFound')}
        extra={<Link to="/applications">{t('nav.applications')}</Link>}
      />
    ) : (
      <ProblemAlert error={application.error} onRetry={() => void application.refetch()} />
    );
  }
  if (error) return <ProblemAlert error={error} onRetry={retry} />;
  if (!application.data || !definition) return <PageSkeleton rows={14} />;
  const draft = application.data;
  if (draft.status !== 'DRAFT' || draft.kind === 'CHILD')
    return (
      <Result
        status="info"
        title={t('filing.notADraft', { number: draft.number })}
        extra={
          <Button type="primary" onClick={() => navigate(`/applications/${draft.id}`)}>
            {t('filing.openApplication')}
          </Button>
        }
      />
    );
  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { title: <Link to="/catalogue">{t('nav.catalogue')}</Link> },
          { title: <Link to={definition.href}>{pick(definition.name, definition.nameEn)}</Link> },
          { title: draft.number },
        ]}
      />
      <Editor application={draft} definition={definition} />
    </Flex>
  );
}
