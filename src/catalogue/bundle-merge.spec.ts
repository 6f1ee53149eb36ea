import { ALL_SERVICES, BUNDLES } from './data';
import { mergeBundle } from './bundle-merge';
import { validateForm } from './form-schemas';

const membersOf = (bundleCode: string) =>
  BUNDLES.find((bundle) => bundle.code === bundleCode)!.serviceCodes.map((code) => {
    const service = ALL_SERVICES.find((candidate) => candidate.code === code)!;
    return { serviceCode: code, formSchema: service.formSchema, materials: service.materials };
  });

describe('mergeBundle', () => {
  it.each(BUNDLES.map((bundle) => bundle.code))(
    'asks each shared field and material of %s once',
    (code) => {
      const members = membersOf(code);
      const merged = mergeBundle(members);
      const allFields = members.flatMap((member) =>
        Object.keys(member.formSchema.properties as object),
      );
      expect(Object.keys(merged.formSchema.properties as object).sort()).toEqual(
        [...new Set(allFields)].sort(),
      );
      const allMaterials = members.flatMap((member) =>
        member.materials.map((material) => material.code),
      );
      expect(merged.materials.map((material) => material.code).sort()).toEqual(
        [...new Set(allMaterials)].sort(),
      );
      expect(Object.values(merged.fieldsNeededBy).some((services) => services.length > 1)).toBe(
        true,
      );
      expect(merged.materials.some((material) => material.neededBy.length > 1)).toBe(true);
    },
  );

  it('lists which services need a shared material and keeps the strictest limits', () => {
    const merged = mergeBundle([
      {
        serviceCode: 'A',
        formSchema: { type: 'object', properties: {} },
        materials: [
          {
            code: 'licence',
            name: '执照',
            nameEn: 'Licence',
            required: false,
            formats: ['pdf', 'jpg'],
            maxBytes: 20,
            fromLibrary: true,
          },
        ],
      },
      {
        serviceCode: 'B',
        formSchema: { type: 'object', properties: {} },
        materials: [
          {
            code: 'licence',
            name: '执照',
            nameEn: 'Licence',
            required: true,
            formats: ['pdf'],
            maxBytes: 10,
            fromLibrary: true,
          },
        ],
      },
    ]);
    expect(merged.materials).toEqual([
      {
        code: 'licence',
        name: '执照',
        nameEn: 'Licence',
        required: true,
        formats: ['pdf'],
        maxBytes: 10,
        fromLibrary: true,
        neededBy: ['A', 'B'],
      },
    ]);
  });

  it('narrows a shared enum field to what every service accepts', () => {
    const level = (values: string[]) => ({
      type: 'object',
      required: ['lab.biosafetyLevel'],
      properties: {
        'lab.biosafetyLevel': {
          type: 'string',
          title: '等级',
          titleEn: 'Level',
          enum: values,
          examples: [values[0]],
        },
      },
    });
    const merged = mergeBundle([
      { serviceCode: 'FILING', formSchema: level(['BSL-1', 'BSL-2']), materials: [] },
      { serviceCode: 'ANIMALS', formSchema: level(['BSL-1', 'BSL-2', 'BSL-3']), materials: [] },
    ]);
    expect(validateForm(merged.formSchema, { 'lab.biosafetyLevel': 'BSL-2' })).toEqual([]);
    expect(validateForm(merged.formSchema, { 'lab.biosafetyLevel': 'BSL-3' })).toEqual([
      { field: 'form.lab.biosafetyLevel', message: 'must be one of BSL-1, BSL-2' },
    ]);
  });
});
