import type { Language } from '../../shared/i18n/i18n';

/** How the desk writes its figures; an absent figure (nothing decided yet) is a dash. */
export function figureFormats(language: Language) {
  const count = new Intl.NumberFormat(language);
  const decimal = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const rating = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const or = (value: number | null | undefined, write: (value: number) => string) =>
    value === null || value === undefined ? '—' : write(value);
  return {
    count: (value: number | null | undefined) => or(value, (v) => count.format(v)),
    days: (value: number | null | undefined) => or(value, (v) => decimal.format(v)),
    rate: (value: number | null | undefined) => or(value, (v) => percent.format(v)),
    rating: (value: number | null | undefined) => or(value, (v) => rating.format(v)),
  };
}
