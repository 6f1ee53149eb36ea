import { definitionFromSeed } from '../catalogue/catalogue.service';
import { ALL_SERVICES } from '../catalogue/data';
import { assessCompleteness } from './completeness';

const definition = definitionFromSeed(
  ALL_SERVICES.find((service) => service.code === 'SPECIAL_ARTICLE_ENTRY')!,
);
const exampleForm = Object.fromEntries(
  Object.entries(definition.formSchema.properties as Record<string, { examples: unknown[] }>).map(
    ([key, property]) => [key, property.examples[0]],
  ),
);
const allRequired = (form: Record<string, unknown>) =>
  assessCompleteness(definition, form, []).requiredMaterialTypes.map((materialType) => ({
    materialType,
    format: definition.materials.find((material) => material.code === materialType)!.formats[0],
    sizeBytes: 1000,
  }));

describe('assessCompleteness', () => {
  it('is complete with a valid form and every required material', () => {
    const form = { ...exampleForm, 'article.riskClass': 'D' };
    expect(assessCompleteness(definition, form, allRequired(form))).toMatchObject({
      complete: true,
      items: [],
    });
  });

  it('lists each missing material and invalid field', () => {
    const form = { ...exampleForm, 'article.riskClass': 'A', 'article.quantity': -1 };
    const attached = allRequired({ ...exampleForm, 'article.riskClass': 'D' });
    const report = assessCompleteness(definition, form, attached);
    expect(report.complete).toBe(false);
    expect(report.items).toEqual(
      expect.arrayContaining([
        { kind: 'field', key: 'article.quantity', reason: expect.any(String) },
        {
          kind: 'material',
          key: 'biosafety_lab_certificate',
          reason: expect.stringContaining('required'),
        },
      ]),
    );
  });

  it('flags a file of a format or size the material type does not accept', () => {
    const form = { ...exampleForm, 'article.riskClass': 'D' };
    const attached = allRequired(form);
    attached[0] = { ...attached[0], format: 'zip' };
    attached[1] = { ...attached[1], sizeBytes: 10 ** 10 };
    const keys = assessCompleteness(definition, form, attached).items.map((item) => item.key);
    expect(keys).toEqual([attached[0].materialType, attached[1].materialType]);
  });
});
