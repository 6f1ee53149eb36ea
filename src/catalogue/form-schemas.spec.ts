import { schemaProblem, validateForm } from './form-schemas';

const unit = (overrides: Record<string, unknown> = {}) => ({
  type: 'object',
  properties: {
    'article.unit': {
      type: 'string',
      title: '计量单位',
      titleEn: 'Unit of measure',
      enum: ['VIAL', 'TUBE'],
      enumTitles: { VIAL: '支（瓶）', TUBE: '管' },
      enumTitlesEn: { VIAL: 'Vials', TUBE: 'Tubes' },
      ...overrides,
    },
    'contact.name': { type: 'string', title: '联系人', titleEn: 'Contact person', personal: true },
  },
});

describe('form schemas', () => {
  it('know the names of choices and the personal marker as annotations', () => {
    expect(schemaProblem(unit())).toBeNull();
    expect(validateForm(unit(), { 'article.unit': 'VIAL', 'contact.name': '王敏' })).toEqual([]);
    expect(validateForm(unit(), { 'article.unit': 'Vials' })).toEqual([
      { field: 'form.article.unit', message: 'must be one of VIAL, TUBE' },
    ]);
  });

  it.each([
    ['a choice named by a number', { enumTitles: { VIAL: 1 } }],
    ['choice names that are not a map', { enumTitlesEn: ['Vials', 'Tubes'] }],
    ['a personal marker that is not a boolean', { personal: 'yes' }],
  ])('refuse %s', (_, overrides) => {
    expect(schemaProblem(unit(overrides))).toMatch(/must be/);
  });
});
