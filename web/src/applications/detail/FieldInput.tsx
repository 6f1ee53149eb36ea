import { DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../shared/i18n/i18n';
import { choiceLabel, fieldTitle, type FieldSchema } from '../parts/answers';

/**
 * One form field to correct in a supplement, as its JSON Schema describes it. The name is a
 * one-element path: field keys contain dots ("article.quantity").
 */
export function FieldInput({ fieldKey, schema, label }: { fieldKey: string; schema: FieldSchema; label?: string }) {
  const { language } = useI18n();
  const choices = schema.enum ?? schema.items?.enum;
  const options = choices?.map((choice) => ({
    value: choice as string,
    label: choiceLabel(String(choice), schema.enum ? schema : (schema.items ?? {}), language),
  }));
  const item = {
    name: [fieldKey],
    label: label ?? fieldTitle(fieldKey, schema, language),
    rules: [{ required: true }],
  };
  if (schema.type === 'boolean')
    return (
      <Form.Item {...item} valuePropName="checked" rules={[]}>
        <Switch />
      </Form.Item>
    );
  if (schema.type === 'number' || schema.type === 'integer')
    return (
      <Form.Item {...item}>
        <InputNumber style={{ width: '100%' }} precision={schema.type === 'integer' ? 0 : undefined} />
      </Form.Item>
    );
  if (schema.type === 'array')
    return (
      <Form.Item {...item}>
        <Select mode={options ? 'multiple' : 'tags'} options={options} />
      </Form.Item>
    );
  if (options)
    return (
      <Form.Item {...item}>
        <Select options={options} />
      </Form.Item>
    );
  if (schema.format === 'date')
    return (
      <Form.Item
        {...item}
        getValueProps={(value?: string) => ({ value: value ? dayjs(value) : undefined })}
        normalize={(value?: Dayjs | null) => value?.format('YYYY-MM-DD')}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    );
  return (
    <Form.Item {...item}>
      <Input type={schema.format === 'email' ? 'email' : 'text'} />
    </Form.Item>
  );
}
