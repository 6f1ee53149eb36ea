import { Collapse, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { fieldsOf, SituationRule, type FormField, type JsonSchema } from '../../shared/schema-form';
import { MaterialHeading, StatedRequirementTag } from './materials';
import type { MaterialType, MergedMaterial } from './queries';

const rank = (material: MaterialType) => (material.required ? 0 : material.requiredWhen ? 1 : 2);

/** A list without bullets, one bordered row per item, for both desk and phone. */
export const rowsStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;
export const rowStyle = {
  padding: '12px 0',
  borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
} as const;

/**
 * The materials of a service or bundle as the catalogue states them: required always, under a
 * situation rule (said in words), or optional; with formats, size and library reuse.
 */
export function CatalogueMaterials({
  materials,
  formSchema,
  serviceName,
}: {
  materials: (MaterialType | MergedMaterial)[];
  formSchema: JsonSchema;
  /** For a bundle's merged list: the services that need each material. */
  serviceName?: (code: string) => string;
}) {
  const { t } = useI18n();
  const fields = useMemo(() => fieldsOf(formSchema), [formSchema]);
  const sorted = [...materials].sort((a, b) => rank(a) - rank(b));
  return (
    <ul style={rowsStyle}>
      {sorted.map((material) => (
        <li key={material.code} style={rowStyle}>
          <MaterialHeading material={material} tags={<StatedRequirementTag material={material} />}>
            {material.requiredWhen && (
              <Typography.Text>
                <SituationRule rule={material.requiredWhen} fields={fields} />
              </Typography.Text>
            )}
            {serviceName && 'neededBy' in material && (
              <Typography.Text type="secondary">
                {t('catalogue.material.neededBy', {
                  services: material.neededBy.map(serviceName).join(t('schemaForm.listSeparator')),
                })}
              </Typography.Text>
            )}
          </MaterialHeading>
        </li>
      ))}
    </ul>
  );
}

/** What the form will ask, folded: the field titles, the required ones marked. */
export function FieldsPreview({ formSchema }: { formSchema: JsonSchema }) {
  const { t, pick } = useI18n();
  const fields: FormField[] = useMemo(() => fieldsOf(formSchema), [formSchema]);
  const required = fields.filter((field) => field.required).length;
  return (
    <Collapse
      items={[
        {
          key: 'fields',
          label: t('catalogue.service.fieldsCount', { count: fields.length, required }),
          children: (
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
              {fields.map((field) => (
                <Tag key={field.key} color={field.required ? 'blue' : undefined}>
                  {pick(field.title, field.titleEn)}
                  {field.required && ' *'}
                </Tag>
              ))}
            </div>
          ),
        },
      ]}
    />
  );
}
