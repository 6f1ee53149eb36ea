import {
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  type FormInstance,
} from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, type ReactNode } from 'react';
import { useI18n, type Translate } from '../i18n/i18n';
import { fieldsOf, isUnanswered, type FormField } from './fields';
import { violationsOf, type JsonSchema } from './json-schema';
import { violationMessage } from './messages';

export type FormValues = Record<string, unknown>;

export interface SchemaFormProps {
  /** The catalogue's form schema: a flat object of dotted field keys. */
  schema: JsonSchema;
  form: FormInstance<FormValues>;
  initialValues?: FormValues;
  /** Every change, with all the values of the form. */
  onValuesChange?: (values: FormValues) => void;
  disabled?: boolean;
  /** Something to show under a field, after its description (e.g. what the answer decides). */
  extraOf?: (field: FormField) => ReactNode;
  /** The screen's own input for a field (taking value and onChange), instead of its schema's. */
  inputOf?: (field: FormField) => ReactNode | undefined;
}

function rulesOf(field: FormField, t: Translate): Rule[] {
  return [
    { required: field.required, message: t('schemaForm.required') },
    {
      validator: async (_, value: unknown) => {
        if (isUnanswered(value)) return;
        const [violation] = violationsOf(field.schema, value);
        if (violation) throw new Error(violationMessage(violation, field, t));
      },
    },
  ];
}

/** The input of a field; Form.Item hands it `id`, `value` and `onChange`, passed on as they are. */
function FieldInput({ field, ...control }: { field: FormField } & Record<string, unknown>) {
  const { t, pick } = useI18n();
  const placeholder = field.example
    ? t('schemaForm.example', { example: field.example })
    : undefined;
  const options = field.options?.map((option) => ({
    value: option.value,
    label: pick(option.label, option.labelEn),
  }));
  switch (field.kind) {
    case 'textarea':
      return (
        <Input.TextArea
          {...control}
          // Rows, not autoSize: autoSize measures with a hidden textarea styled by an attribute,
          // which the console's CSP refuses (and the measuring box then shows).
          rows={4}
          showCount
          maxLength={field.maxLength}
          placeholder={placeholder}
        />
      );
    case 'number':
    case 'integer':
      return (
        <InputNumber
          {...control}
          style={{ width: '100%' }}
          precision={field.kind === 'integer' ? 0 : undefined}
          placeholder={placeholder}
        />
      );
    case 'boolean':
      return (
        <Radio.Group {...control}>
          <Radio value={true}>{t('schemaForm.yes')}</Radio>
          <Radio value={false}>{t('schemaForm.no')}</Radio>
        </Radio.Group>
      );
    case 'date':
      return (
        <DatePicker
          {...control}
          style={{ width: '100%' }}
          placeholder={t('schemaForm.datePlaceholder')}
        />
      );
    case 'select':
    case 'multiselect':
      return (
        <Select
          {...control}
          mode={field.kind === 'multiselect' ? 'multiple' : undefined}
          allowClear
          options={options}
          placeholder={t('schemaForm.select')}
          showSearch={{ optionFilterProp: 'label' }}
        />
      );
    case 'tags':
      return (
        <Select
          {...control}
          mode="tags"
          open={false}
          suffixIcon={null}
          tokenSeparators={[',', '，', ';', '；']}
          placeholder={t('schemaForm.tags')}
        />
      );
    default:
      return <Input {...control} maxLength={field.maxLength} placeholder={placeholder} />;
  }
}

/** Dates are strings in the form ("2026-12-03"); the date picker works with dayjs. */
const dateProps = {
  getValueProps: (value: unknown) => ({
    value: typeof value === 'string' && value ? dayjs(value) : undefined,
  }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined),
};

/**
 * A catalogue form rendered from its JSON Schema: labels in the user's language, required marks,
 * and the schema's own rules checked as the user types. Field keys contain dots, so every field
 * is named `[key]` — one name, never a path.
 */
export function SchemaForm({
  schema,
  form,
  initialValues,
  onValuesChange,
  disabled,
  extraOf,
  inputOf,
}: SchemaFormProps) {
  const { t, pick } = useI18n();
  const fields = useMemo(() => fieldsOf(schema), [schema]);
  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={(_, values) => onValuesChange?.(values)}
      disabled={disabled}
      scrollToFirstError={{ block: 'center' }}
    >
      <Row gutter={16}>
        {fields.map((field) => {
          const extra = extraOf?.(field);
          const wide =
            field.kind === 'textarea' || field.kind === 'multiselect' || field.kind === 'tags';
          return (
            <Col key={field.key} xs={24} md={wide ? 24 : 12}>
              <Form.Item
                name={[field.key]}
                label={pick(field.title, field.titleEn)}
                rules={rulesOf(field, t)}
                validateFirst
                extra={
                  (field.description || extra) && (
                    <>
                      {field.description && <div>{field.description}</div>}
                      {extra}
                    </>
                  )
                }
                {...(field.kind === 'date' ? dateProps : {})}
              >
                {inputOf?.(field) ?? <FieldInput field={field} />}
              </Form.Item>
            </Col>
          );
        })}
      </Row>
    </Form>
  );
}
