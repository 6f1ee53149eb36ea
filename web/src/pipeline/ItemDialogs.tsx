import { verificationInputDecisionValues } from '@parkline/client';
import { App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DEVICE_CLASSES, STAGES } from '../directory/directory-filter';
import { useIndustryWords } from '../directory/words';
import { fieldErrorsOf } from '../shared/api/problem';
import { useI18n } from '../shared/i18n/i18n';
import { FormProblem } from '../shared/ui/FormProblem';
import {
  useSaveItem,
  useVerifyItem,
  type Decision,
  type Device,
  type InputOf,
  type ItemOf,
  type Kind,
  type Product,
} from './queries';

const DATE_FIELDS = { products: 'approvedOn', devices: 'registeredOn' } as const;

/** The form's values: the input with its day as a picker's value. */
type Values = Record<string, string | Dayjs | undefined>;

function valuesOf(item: Product | Device | undefined, kind: Kind): Values {
  if (!item) return kind === 'products' ? { stage: 'PRECLINICAL' } : { deviceClass: 'II' };
  const values: Values = {};
  for (const [key, value] of Object.entries(item))
    if (typeof value === 'string') values[key] = value;
  const day = values[DATE_FIELDS[kind]];
  if (typeof day === 'string') values[DATE_FIELDS[kind]] = dayjs(day);
  return values;
}

/** The input of a form's values: empty fields left out, the day as YYYY-MM-DD. */
function inputOf<K extends Kind>(values: Values): InputOf<K> {
  const input: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (dayjs.isDayjs(value)) input[key] = value.format('YYYY-MM-DD');
    else if (typeof value === 'string' && value.trim()) input[key] = value.trim();
  }
  return input as unknown as InputOf<K>;
}

/** Adds a product or device to the pipeline, or changes one; the API's field errors show inline. */
export function ItemDialog<K extends Kind>({
  kind,
  enterpriseId,
  item,
  onClose,
}: {
  kind: K;
  enterpriseId: string;
  item?: ItemOf<K>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const words = useIndustryWords();
  const { message } = App.useApp();
  // Untyped: the API's field errors name fields by string.
  const [form] = Form.useForm();
  const save = useSaveItem(kind, enterpriseId);
  const products = kind === 'products';
  const title = item
    ? t(products ? 'pipeline.editProduct' : 'pipeline.editDevice')
    : t(products ? 'pipeline.addProduct' : 'pipeline.addDevice');
  const submit = (values: Values) =>
    save.mutate(
      { item, input: inputOf<K>(values) },
      {
        onSuccess: () => {
          void message.success(t('pipeline.saved'));
          onClose();
        },
        onError: (error) => form.setFields(fieldErrorsOf(error)),
      },
    );
  return (
    <Modal
      open
      title={title}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={valuesOf(item, kind)} onFinish={submit}>
        <Form.Item
          name="name"
          label={t('pipeline.field.name')}
          rules={[{ required: true, max: 200 }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('pipeline.field.nameEn')} rules={[{ max: 200 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        {products ? (
          <>
            <Form.Item name="modality" label={t('pipeline.field.modality')} rules={[{ max: 100 }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="indication"
              label={t('pipeline.field.indication')}
              rules={[{ max: 200 }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="stage" label={t('pipeline.field.stage')} rules={[{ required: true }]}>
              <Select
                options={STAGES.map((stage) => ({ value: stage, label: words.stage(stage) }))}
              />
            </Form.Item>
            <Form.Item
              name="approvalNumber"
              label={t('pipeline.field.approvalNumber')}
              rules={[{ max: 50 }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="approvedOn"
              label={t('pipeline.field.approvedOn')}
              extra={t('pipeline.approvedHelp')}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item
              name="deviceClass"
              label={t('pipeline.field.deviceClass')}
              rules={[{ required: true }]}
            >
              <Radio.Group
                optionType="button"
                options={DEVICE_CLASSES.map((deviceClass) => ({
                  value: deviceClass,
                  label: words.deviceClass(deviceClass),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="registrationNumber"
              label={t('pipeline.field.registrationNumber')}
              extra={t('pipeline.registrationHelp')}
              rules={[{ max: 50 }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="registeredOn" label={t('pipeline.field.registeredOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        <FormProblem error={save.error} />
      </Form>
    </Modal>
  );
}

/** Staff verify an item as they read it, or return it with the reason. */
export function VerifyItemDialog({
  kind,
  enterpriseId,
  item,
  onClose,
}: {
  kind: Kind;
  enterpriseId: string;
  item: Product | Device;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const verify = useVerifyItem(kind, enterpriseId);
  const submit = (values: { decision: Decision; note?: string }) =>
    verify.mutate(
      { item, ...values },
      {
        onSuccess: () => {
          void message.success(t('pipeline.verify.done'));
          onClose();
        },
        onError: (error) => form.setFields(fieldErrorsOf(error)),
      },
    );
  return (
    <Modal
      open
      title={t('pipeline.verify.title', { name: pick(item.name, item.nameEn) })}
      okText={t('app.confirm')}
      cancelText={t('app.cancel')}
      confirmLoading={verify.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ decision: 'VERIFIED' }}
        onFinish={submit}
      >
        <Form.Item
          name="decision"
          label={t('pipeline.verify.decision')}
          rules={[{ required: true }]}
        >
          <Radio.Group
            optionType="button"
            options={verificationInputDecisionValues.map((decision) => ({
              value: decision,
              label: t(`pipeline.verify.${decision}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('pipeline.verify.note')}
          extra={t('pipeline.verify.noteHelp')}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <FormProblem error={verify.error} />
      </Form>
    </Modal>
  );
}
