import { choiceLabel, fieldTitle, type FieldSchema } from './answers';

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
  });

  it("label a field in the reader's language, by its key without a title", () => {
    expect(fieldTitle('site.area', { title: '面积', titleEn: 'Area' }, 'en-US')).toBe('Area');
    expect(fieldTitle('site.area', { title: '面积' }, 'en-US')).toBe('面积');
    expect(fieldTitle('site.area', {}, 'zh-CN')).toBe('site.area');
  });
});
