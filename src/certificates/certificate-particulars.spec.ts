import { formSchema, optional } from '../catalogue/data';
import { approvedParticulars } from './certificate-particulars';

const schema = formSchema([
  'article.category',
  'article.name',
  'article.quantity',
  'article.unit',
  'article.storageConditions',
  'contact.name',
  'contact.phone',
  optional('contact.email'),
  'lab.pathogenActivities',
  'storage.dualLock',
  optional('article.hsCode'),
]);

const form = {
  'contact.name': '赵联络',
  'article.name': 'HEK293 细胞株',
  'article.category': 'HUMAN_TISSUE',
  'article.quantity': 10,
  'article.unit': 'VIAL',
  'article.storageConditions': '2_8C',
  'contact.phone': '13900001111',
  'contact.email': 'zhao@example.cn',
  'lab.pathogenActivities': ['VIRAL_VECTOR_WORK', 'CULTURE'],
  'storage.dualLock': false,
  'article.hsCode': '',
  'legacy.field': 'not on the form',
};

describe('approvedParticulars', () => {
  const particulars = approvedParticulars(schema, form);

  it("labels each answer with the form's titles, in the form's order", () => {
    expect(particulars.map(({ field }) => field)).toEqual([
      'article.category',
      'article.name',
      'article.quantity',
      'article.unit',
      'article.storageConditions',
      'lab.pathogenActivities',
      'storage.dualLock',
    ]);
    expect(particulars[1]).toEqual({
      field: 'article.name',
      label: { zh: '物品名称', en: 'Article name' },
      value: { zh: 'HEK293 细胞株', en: 'HEK293 细胞株' },
    });
  });

  it('names choices, lists of choices and yes/no in both languages', () => {
    const value = (field: string) => particulars.find((entry) => entry.field === field)?.value;
    expect(value('article.unit')).toEqual({ zh: '支（瓶）', en: 'Vials' });
    expect(value('article.storageConditions')).toEqual({
      zh: '2–8℃冷藏',
      en: 'Refrigerated, 2–8 °C',
    });
    expect(value('lab.pathogenActivities')).toEqual({
      zh: '病毒载体操作、病原微生物培养',
      en: 'Viral vector work, Culture of pathogenic microorganisms',
    });
    expect(value('storage.dualLock')).toEqual({ zh: '否', en: 'No' });
    expect(value('article.quantity')).toEqual({ zh: '10', en: '10' });
    const [pathogens] = approvedParticulars(formSchema(['lab.pathogenNames']), {
      'lab.pathogenNames': ['慢病毒载体', 'Escherichia coli K-12'],
    });
    expect(pathogens.value).toEqual({
      zh: '慢病毒载体、Escherichia coli K-12',
      en: '慢病毒载体、Escherichia coli K-12',
    });
  });

  it("leaves out a contact's name, phone and email, unanswered fields and unnamed answers", () => {
    const printed = JSON.stringify(particulars);
    for (const left of ['赵联络', '13900001111', 'zhao@example.cn', 'not on the form', 'hsCode'])
      expect(printed).not.toContain(left);
  });

  it('shows a choice the schema does not name as it is', () => {
    const [unnamed] = approvedParticulars(
      { properties: { 'x.grade': { title: '等级', enum: ['A1'] } } },
      { 'x.grade': 'A1' },
    );
    expect(unnamed).toEqual({
      field: 'x.grade',
      label: { zh: '等级', en: '等级' },
      value: { zh: 'A1', en: 'A1' },
    });
  });
});
