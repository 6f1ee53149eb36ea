import { ParklineApiError } from '@parkline/client';

export { ParklineApiError };

/** The field errors of a problem, keyed as the form names its fields (`form.` dropped). */
export function fieldErrorsOf(error: unknown, prefix = ''): { name: string[]; errors: string[] }[] {
  if (!(error instanceof ParklineApiError)) return [];
  const byField = new Map<string, string[]>();
  for (const { field, message } of error.errors) {
    const name = prefix && field.startsWith(prefix) ? field.slice(prefix.length) : field;
    byField.set(name, [...(byField.get(name) ?? []), message]);
  }
  // Field keys of the catalogue's forms contain dots ("project.name"): one name, not a path.
  return [...byField].map(([name, errors]) => ({ name: [name], errors }));
}
