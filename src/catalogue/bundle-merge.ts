import type { JsonSchema, MaterialType } from './service-definition';

export interface BundleMember {
  serviceCode: string;
  formSchema: JsonSchema;
  materials: readonly MaterialType[];
}

export interface MergedMaterial extends MaterialType {
  /** The services that ask for this material type; it is uploaded once for all of them. */
  neededBy: string[];
}

export interface MergedBundleForm {
  formSchema: JsonSchema;
  /** For each field, the services that ask it. */
  fieldsNeededBy: Record<string, string[]>;
  materials: MergedMaterial[];
}

type Property = Record<string, unknown> & { enum?: unknown[] };

/** Where services narrow a shared field differently, the merged field accepts what all accept. */
function mergeProperty(first: Property, second: Property): Property {
  if (!first.enum || !second.enum) return first.enum ? first : second;
  return { ...first, enum: first.enum.filter((value) => second.enum!.includes(value)) };
}

/**
 * One form and one material list for a bundle: a field shared by several services is asked
 * once, a material type needed by several is listed once with the services that need it.
 */
export function mergeBundle(members: readonly BundleMember[]): MergedBundleForm {
  const properties: Record<string, Property> = {};
  const required = new Set<string>();
  const fieldsNeededBy: Record<string, string[]> = {};
  const materials = new Map<string, MergedMaterial>();

  for (const member of members) {
    const memberProperties = (member.formSchema.properties ?? {}) as Record<string, Property>;
    for (const [key, property] of Object.entries(memberProperties)) {
      properties[key] = properties[key] ? mergeProperty(properties[key], property) : property;
      (fieldsNeededBy[key] ??= []).push(member.serviceCode);
    }
    for (const key of (member.formSchema.required as string[] | undefined) ?? []) required.add(key);

    for (const material of member.materials) {
      const merged = materials.get(material.code);
      if (!merged) {
        materials.set(material.code, { ...material, neededBy: [member.serviceCode] });
        continue;
      }
      merged.neededBy.push(member.serviceCode);
      merged.required ||= material.required;
      merged.maxBytes = Math.min(merged.maxBytes, material.maxBytes);
      merged.formats = merged.formats.filter((format) => material.formats.includes(format));
      if (merged.required) delete merged.requiredWhen;
    }
  }

  return {
    formSchema: {
      type: 'object',
      additionalProperties: false,
      required: [...required].filter((key) => key in properties),
      properties,
    },
    fieldsNeededBy,
    materials: [...materials.values()],
  };
}
