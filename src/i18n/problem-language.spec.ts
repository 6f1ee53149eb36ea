import { IsEmail, IsNotEmpty, validateSync } from 'class-validator';
import { DomainError } from '../common/problem/domain-error';
import { PROBLEM_TYPES } from '../common/problem/problem-types';
import { toProblem } from '../common/problem/to-problem';
import { validationFailed } from '../common/problem/validation-errors';
import {
  localizeProblem,
  negotiateProblemLanguage,
  PROBLEM_CATALOGUES,
  type ProblemLanguage,
} from './problem-language';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('problem catalogues', () => {
  const { en, zh } = PROBLEM_CATALOGUES;

  it.each(Object.keys(en) as (keyof typeof en)[])('name the same %s in both languages', (part) => {
    expect(Object.keys(zh[part]).sort()).toEqual(Object.keys(en[part]).sort());
  });

  it('give every problem type a title', () => {
    expect(Object.keys(en.titles).sort()).toEqual(Object.keys(PROBLEM_TYPES).sort());
  });

  it.each(['details', 'constraints'] as const)('keep the placeholders of the %s', (part) => {
    for (const [key, template] of Object.entries(en[part])) {
      expect([key, placeholders((zh[part] as Record<string, string>)[key])]).toEqual([
        key,
        placeholders(template),
      ]);
    }
  });
});

describe('negotiateProblemLanguage', () => {
  it.each<[string | undefined, ProblemLanguage]>([
    [undefined, 'en'],
    ['', 'en'],
    ['zh-CN', 'zh'],
    ['zh', 'zh'],
    ['zh-Hans', 'zh'],
    ['en;q=0.5, zh-CN', 'zh'],
    ['zh-CN;q=0.4, en-GB;q=0.8', 'en'],
    ['fr', 'en'],
    ['fr, zh;q=0.1', 'zh'],
    ['*', 'en'],
  ])('takes %p for %s', (header, language) => {
    expect(negotiateProblemLanguage(header)).toBe(language);
  });
});

describe('localizeProblem', () => {
  class Registration {
    @IsEmail()
    email: string;

    @IsNotEmpty()
    name: string;
  }
  const invalid = Object.assign(new Registration(), { email: 'nobody', name: '' });
  const validation = toProblem(validationFailed(validateSync(invalid)));

  it('writes title, detail and field messages in Chinese, keeping type, status and fields', () => {
    const zh = localizeProblem(validation.body, validation.type, 'zh');
    expect(zh).toMatchObject({
      type: 'urn:parkline:problem:validation-failed',
      status: 400,
      title: '请求校验未通过',
      detail: '以下字段无效：email, name',
      errors: [
        { field: 'email', message: 'email 必须是有效的电子邮箱地址' },
        { field: 'name', message: 'name 不能为空' },
      ],
    });
  });

  it('leaves English as the code wrote it', () => {
    expect(localizeProblem(validation.body, validation.type, 'en')).toEqual(validation.body);
  });

  it('names what was not found in Chinese', () => {
    const { body, type } = toProblem(DomainError.notFound('Certificate'));
    expect(localizeProblem(body, type, 'zh').detail).toBe('未找到证照');
  });

  it('keeps the varying part of a sentence', () => {
    const { body, type } = toProblem(DomainError.notFound('Service LICENCE_X'));
    expect(localizeProblem(body, type, 'zh').detail).toBe('未找到服务 LICENCE_X');
  });

  it('keeps a detail no template matches in English under a translated title', () => {
    const { body, type } = toProblem(new DomainError('conflict', 'Something rare happened'));
    expect(localizeProblem(body, type, 'zh')).toMatchObject({
      title: '与当前状态冲突',
      detail: 'Something rare happened',
    });
  });

  it('translates the detail of an unexpected error', () => {
    const { body, type } = toProblem(new Error('boom'));
    expect(localizeProblem(body, type, 'zh').detail).toBe('发生了意外错误');
  });
});
