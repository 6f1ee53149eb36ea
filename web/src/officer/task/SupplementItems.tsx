import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, Form, Input, Select, Space } from 'antd';
import { fieldTitle, type ApplicationDefinition, type FieldSchema } from '../../applications/parts';
import { useI18n } from '../../shared/i18n/i18n';
import type { SupplementItemValue } from './actions';

const COMMON_REASONS = ['expired', 'unclear', 'unsigned', 'inconsistent', 'incomplete'] as const;

/** What may be asked for: the service's materials and the form's fields, by their names. */
function useTargets(definition: ApplicationDefinition | undefined) {
  const { t, pick, language } = useI18n();
  const properties = (definition?.formSchema.properties ?? {}) as Record<string, FieldSchema>;
  return [
    {
      label: t('officer.supplement.materials'),
      title: t('officer.supplement.materials'),
      options: (definition?.materials ?? []).map((material) => ({
        value: `material:${material.code}`,
        label: pick(material.name, material.nameEn),
      })),
    },
    {
      label: t('officer.supplement.fields'),
      title: t('officer.supplement.fields'),
      options: Object.entries(properties).map(([key, schema]) => ({
        value: `field:${key}`,
        label: fieldTitle(key, schema, language),
      })),
    },
  ];
}

/**
 * The itemised supplement notice: every material or field at fault, each with its own reason,
 * told to the enterprise at once (at acceptance the law allows one notice only).
 */
export function SupplementItems({ definition }: { definition: ApplicationDefinition | undefined }) {
  const { t } = useI18n();
  const targets = useTargets(definition);
  const reasons = COMMON_REASONS.map((reason) => ({ value: t(`officer.supplement.reason.${reason}`) }));
  return (
    <Form.List
      name="data.items"
      initialValue={[{}]}
      rules={[
        {
          validator: async (_, items?: SupplementItemValue[]) => {
            if (!items?.length) throw new Error(t('officer.supplement.atLeastOne'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              title={t('officer.supplement.item', { n: index + 1 })}
              extra={
                fields.length > 1 && (
                  <Button
                    type="text"
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={t('officer.supplement.remove', { n: index + 1 })}
                    onClick={() => remove(field.name)}
                  />
                )
              }
            >
              <Form.Item
                name={[field.name, 'target']}
                label={t('officer.supplement.target')}
                rules={[
                  { required: true, message: t('officer.supplement.targetRequired') },
                  ({ getFieldValue }) => ({
                    validator: async (_, target?: string) => {
                      const all = (getFieldValue('data.items') as SupplementItemValue[]).map((item) => item?.target);
                      if (target && all.filter((other) => other === target).length > 1)
                        throw new Error(t('officer.supplement.duplicate'));
                    },
                  }),
                ]}
              >
                <Select showSearch={{ optionFilterProp: 'label' }} options={targets} placeholder={t('officer.supplement.targetPlaceholder')} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'reason']}
                label={t('officer.supplement.reason')}
                rules={[{ required: true, whitespace: true, min: 2, max: 500, message: t('officer.supplement.reasonRequired') }]}
                style={{ marginBottom: 0 }}
              >
                <AutoComplete options={reasons}>
                  <Input.TextArea rows={2} maxLength={500} />
                </AutoComplete>
              </Form.Item>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
            {t('officer.supplement.add')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
