import { answeredFields, answerText } from './answers';
import { fieldsOf } from './fields';
import type { JsonSchema } from './json-schema';

const words = { yes: '是', no: '否' };
const schema: JsonSchema = {
  type: 'object',
  properties: {
    'storage.classes': {
      type: 'array',
      title: '储存方式',
      items: {
        type: 'string',
        enum: ['STORAGE_CABINET', 'TANK_FARM'],
        enumTitles: { STORAGE_CABINET: '防爆/防腐储存柜', TANK_FARM: '储罐区' },
        enumTitlesEn: { STORAGE_CABINET: 'Explosion-proof cabinet', TANK_FARM: 'Tank farm' },
      },
    },
    'storage.cold': { type: 'boolean', title: '冷藏' },
    'storage.capacity': { type: 'number', title: '容量' },
    'storage.since': { type: 'string', format: 'date', title: '启用日期' },
    'storage.note': { type: 'string', title: '备注' },
  },
};
const fields = fieldsOf(schema);
const field = (key: string) => fields.find((candidate) => candidate.key === key);

describe('answers of a filed form', () => {
  it('show choices by their names, lists joined in the language of the reader', () => {
    const classes = ['TANK_FARM', 'STORAGE_CABINET'];
    expect(answerText(classes, field('storage.classes'), 'zh-CN', words)).toBe('储罐区、防爆/防腐储存柜');
    expect(answerText(classes, field('storage.classes'), 'en-US', words)).toBe(
      'Tank farm, Explosion-proof cabinet',
    );
  });

  it('show yes/no, numbers and dates readably, and nothing as a dash', () => {
    expect(answerText(false, field('storage.cold'), 'zh-CN', words)).toBe('否');
    expect(answerText(12500.5, field('storage.capacity'), 'en-US', words)).toBe('12,500.5');
    expect(answerText('2026-11-20', field('storage.since'), 'zh-CN', words)).toBe('2026/11/20');
    expect(answerText('', field('storage.note'), 'zh-CN', words)).toBe('—');
    expect(answerText({ a: 1 }, undefined, 'zh-CN', words)).toBe('{"a":1}');
  });

  it('list the answered fields in the schema order, then answers the schema does not name', () => {
    const form = { 'storage.note': '', legacy: 2, 'storage.capacity': 3, 'storage.cold': true };
    expect(answeredFields(fields, form).map((answer) => answer.key)).toEqual([
      'storage.cold',
      'storage.capacity',
      'legacy',
    ]);
  });
});
