import { formMatches } from './form-schemas';
import type { MaterialType } from './service-definition';

/**
 * The materials a form requires: those required always, plus those whose situation rule
 * (`requiredWhen`, a JSON Schema over the form) the form matches.
 */
export function requiredMaterials(
  materials: readonly MaterialType[],
  form: Record<string, unknown>,
): MaterialType[] {
  return materials.filter(
    (material) =>
      material.required ||
      (material.requiredWhen !== undefined && formMatches(material.requiredWhen, form)),
  );
}
