import { ALL_SERVICES } from './data';
import { requiredMaterials } from './situations';

const service = (code: string) => ALL_SERVICES.find((candidate) => candidate.code === code)!;

function exampleForm(code: string): Record<string, unknown> {
  const properties = service(code).formSchema.properties as Record<string, { examples: unknown[] }>;
  return Object.fromEntries(
    Object.entries(properties).map(([key, property]) => [key, property.examples[0]]),
  );
}

const requiredCodes = (code: string, form: Record<string, unknown>) =>
  requiredMaterials(service(code).materials, form).map((material) => material.code);

describe('situation rules', () => {
  it.each(['A', 'B'])(
    'requires the biosafety-lab certificate for a class %s special-article import',
    (riskClass) => {
      expect(
        requiredCodes('SPECIAL_ARTICLE_ENTRY', {
          ...exampleForm('SPECIAL_ARTICLE_ENTRY'),
          'article.riskClass': riskClass,
        }),
      ).toContain('biosafety_lab_certificate');
    },
  );

  it.each(['C', 'D'])('does not require it for class %s', (riskClass) => {
    expect(
      requiredCodes('SPECIAL_ARTICLE_ENTRY', {
        ...exampleForm('SPECIAL_ARTICLE_ENTRY'),
        'article.riskClass': riskClass,
      }),
    ).not.toContain('biosafety_lab_certificate');
  });

  it('requires clinical evaluation data for a class III device and not for class II', () => {
    const form = exampleForm('DEVICE_MANUFACTURING');
    expect(requiredCodes('DEVICE_MANUFACTURING', { ...form, 'device.class': 'III' })).toContain(
      'clinical_evaluation_data',
    );
    expect(requiredCodes('DEVICE_MANUFACTURING', { ...form, 'device.class': 'II' })).not.toContain(
      'clinical_evaluation_data',
    );
  });

  it('always includes the materials required in every situation', () => {
    const always = service('SPECIAL_ARTICLE_ENTRY')
      .materials.filter((material) => material.required)
      .map((material) => material.code);
    expect(requiredCodes('SPECIAL_ARTICLE_ENTRY', {})).toEqual(always);
  });
});
