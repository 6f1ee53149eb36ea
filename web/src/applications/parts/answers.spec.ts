import { choiceLabel, fieldsOf, formatAnswer, type FieldSchema } from './answers';

const words = { yes: '是', no: '否' };
const storage: FieldSchema = {
  type: 'string',
  enum: ['STORAGE_CABINET', 'TANK_FARM', '2_8C'],
  description: 'STORAGE_CABINET 防爆/防腐储存柜；TANK_FARM 储罐区；2_8C 2–8℃冷藏',
};

describe('form answers', () => {
  it('name a choice from the field description in Chinese, in words in English', () => {
    expect(choiceLabel('TANK_FARM', storage, 'zh-CN')).toBe('储罐区');
    expect(choiceLabel('2_8C', storage, 'zh-CN')).toBe('2–8℃冷藏');
    expect(choiceLabel('STORAGE_CABINET', storage, 'en-US')).toBe('Storage cabinet');
    expect(choiceLabel('2_8C', storage, 'en-US')).toBe('2_8C');
    expect(choiceLabel('UNKNOWN', storage, 'zh-CN')).toBe('UNKNOWN');
  });

  it('name a choice as the schema names it, in either language', () => {
    const named: FieldSchema = {
      ...storage,
      enumTitles: { STORAGE_CABINET: '防爆/防腐储存柜', TANK_FARM: '储罐区', '2_8C': '2–8℃冷藏' },
      enumTitlesEn: {
        STORAGE_CABINET: 'Explosion-proof cabinet',
        TANK_FARM: 'Tank farm',
        '2_8C': 'Refrigerated, 2–8 °C',
      },
    };
    expect(choiceLabel('2_8C', named, 'zh-CN')).toBe('2–8℃冷藏');
    expect(choiceLabel('2_8C', named, 'en-US')).toBe('Refrigerated, 2–8 °C');
    expect(
      formatAnswer(
        ['TANK_FARM', 'STORAGE_CABINET'],
        { type: 'array', items: named },
        'en-US',
        words,
      ),
    ).toBe('Tank farm, Explosion-proof cabinet');
  });

  it('show lists, yes/no, numbers and dates readably', () => {
    const classes: FieldSchema = { type: 'array', items: storage };
    expect(formatAnswer(['STORAGE_CABINET', 'TANK_FARM'], classes, 'zh-CN', words)).toBe(
      '防爆/防腐储存柜、储罐区',
    );
    expect(formatAnswer(false, { type: 'boolean' }, 'zh-CN', words)).toBe('否');
    expect(formatAnswer(12500.5, { type: 'number' }, 'en-US', words)).toBe('12,500.5');
    expect(formatAnswer('2026-11-20', { type: 'string', format: 'date' }, 'zh-CN', words)).toBe(
      '2026/11/20',
    );
    expect(formatAnswer('', { type: 'string' }, 'zh-CN', words)).toBe('—');
  });

  it('list fields in the schema order, then answers the schema does not name', () => {
    const schema = { properties: { 'b.second': {}, 'a.first': {}, 'c.unanswered': {} } };
    const form = { 'a.first': 1, legacy: 2, 'b.second': 3 };
    expect(fieldsOf(schema, form).map((field) => field.key)).toEqual([
      'b.second',
      'a.first',
      'legacy',
    ]);
  });
});
