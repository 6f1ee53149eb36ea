import { validateForm } from '../catalogue/form-schemas';
import type { ServiceDefinition } from '../catalogue/service-definition';
import { requiredMaterials } from '../catalogue/situations';
import type { SupplementItem } from './application.entity';

export interface AttachedMaterial {
  materialType: string;
  format: string;
  sizeBytes: number;
}

export interface CompletenessReport {
  complete: boolean;
  /** What is missing or wrong, itemised as a supplement request would list it. */
  items: SupplementItem[];
  requiredMaterialTypes: string[];
}

/**
 * What a filing still lacks under its service version: form errors, required materials
 * (situation rules applied to the form) that are absent, and attached files whose format or
 * size the material type does not accept. The pre-submit checklist and the automated
 * completeness check share it.
 */
export function assessCompleteness(
  definition: ServiceDefinition,
  form: Record<string, unknown>,
  attached: readonly AttachedMaterial[],
): CompletenessReport {
  const items: SupplementItem[] = validateForm(definition.formSchema, form).map((error) => ({
    kind: 'field',
    key: error.field.replace(/^form\./, ''),
    reason: error.message,
  }));
  const required = requiredMaterials(definition.materials, form);
  for (const material of required) {
    if (!attached.some((file) => file.materialType === material.code)) {
      items.push({
        kind: 'material',
        key: material.code,
        reason: `${material.name} (${material.nameEn}) is required`,
      });
    }
  }
  for (const file of attached) {
    const material = definition.materials.find((candidate) => candidate.code === file.materialType);
    if (!material) continue;
    if (!(material.formats as string[]).includes(file.format)) {
      items.push({
        kind: 'material',
        key: material.code,
        reason: `must be ${material.formats.join(' or ')}, not ${file.format}`,
      });
    } else if (file.sizeBytes > material.maxBytes) {
      items.push({
        kind: 'material',
        key: material.code,
        reason: `is larger than ${material.maxBytes} bytes`,
      });
    }
  }
  return {
    complete: items.length === 0,
    items,
    requiredMaterialTypes: required.map((material) => material.code),
  };
}
