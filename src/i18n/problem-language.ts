import Negotiator from 'negotiator';
import type { ProblemDetails, ProblemType } from '../common/problem/problem-types';
import { en, type ProblemCatalogue } from './en/problems';
import { zh } from './zh/problems';

/** The languages problem details are written in; English, first, is the default. */
export const PROBLEM_LANGUAGES = ['en', 'zh'] as const;
export type ProblemLanguage = (typeof PROBLEM_LANGUAGES)[number];

export const PROBLEM_CATALOGUES: Readonly<Record<ProblemLanguage, ProblemCatalogue>> = { en, zh };

/** The tag a response's Content-Language gives for each. */
export const CONTENT_LANGUAGE: Readonly<Record<ProblemLanguage, string>> = {
  en: 'en',
  zh: 'zh-CN',
};

/**
 * The caller's preferred language by Accept-Language and its q-values; a range such as zh-CN,
 * zh-Hans or zh-TW selects zh. No header or no supported language gives English.
 */
export function negotiateProblemLanguage(
  acceptLanguage: string | string[] | undefined,
): ProblemLanguage {
  const preferred = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language([
    ...PROBLEM_LANGUAGES,
  ]);
  return (preferred as ProblemLanguage | undefined) ?? 'en';
}

type SentencePart = 'details' | 'constraints';

interface Template {
  key: string;
  pattern: RegExp;
  names: string[];
}

const PLACEHOLDER = /\{(\w+)\}/;

function compile(key: string, template: string): Template {
  const names: string[] = [];
  const source = template
    .split(PLACEHOLDER)
    .map((part, index) => {
      if (index % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part);
      return '(.+?)';
    })
    .join('');
  return { key, pattern: new RegExp(`^${source}$`, 's'), names };
}

const TEMPLATES: Readonly<Record<SentencePart, Template[]>> = {
  details: Object.entries(en.details).map(([key, template]) => compile(key, template)),
  constraints: Object.entries(en.constraints).map(([key, template]) => compile(key, template)),
};

/** An English sentence the code wrote, in `language` when a template matches; else as it is. */
function translateSentence(
  sentence: string,
  part: SentencePart,
  language: ProblemLanguage,
): string {
  if (language === 'en') return sentence;
  const catalogue = PROBLEM_CATALOGUES[language];
  for (const { key, pattern, names } of TEMPLATES[part]) {
    const match = pattern.exec(sentence);
    if (!match) continue;
    const values = new Map(names.map((name, index) => [name, match[index + 1]]));
    const template = (catalogue[part] as Record<string, string>)[key];
    return template.replace(new RegExp(PLACEHOLDER, 'g'), (_, name: string) => {
      const value = values.get(name) ?? '';
      return Object.hasOwn(catalogue.nouns, value)
        ? (catalogue.nouns as Record<string, string>)[value]
        : value;
    });
  }
  return sentence;
}

/** Problem details with title, detail and field messages in `language`; all else unchanged. */
export function localizeProblem(
  problem: ProblemDetails,
  type: ProblemType,
  language: ProblemLanguage,
): ProblemDetails {
  return {
    ...problem,
    title: PROBLEM_CATALOGUES[language].titles[type],
    detail: translateSentence(problem.detail, 'details', language),
    ...(problem.errors && {
      errors: problem.errors.map((error) => ({
        ...error,
        message: translateSentence(error.message, 'constraints', language),
      })),
    }),
  };
}
