import type { components } from '@parkline/client';
import { call, parkline } from '../../shared/api/session';

export type Service = components['schemas']['ServiceDto'];
export type Definition = components['schemas']['ServiceDefinitionInput'];

/** The parts of a definition with a field each; the JSON parts are edited as text. */
export const SCALAR_FIELDS = [
  'name',
  'nameEn',
  'departmentCode',
  'legalBasis',
  'timeLimitBasis',
  'keyIssues',
  'unconfirmed',
  'promisedWorkingDays',
  'statutoryWorkingDays',
  'feeCny',
] as const;

/** Every part of a definition; the compiler refuses the list once the API adds another. */
const DEFINITION_KEYS = [
  'name',
  'nameEn',
  'departmentCode',
  'legalBasis',
  'promisedWorkingDays',
  'statutoryWorkingDays',
  'timeLimitBasis',
  'competentAuthority',
  'description',
  'keyIssues',
  'intakeWindows',
  'unconfirmed',
  'feeCny',
  'certificate',
  'materials',
  'formSchema',
  'workflow',
] as const satisfies readonly (keyof Definition)[];
const everyKeyListed: Exclude<keyof Definition, (typeof DEFINITION_KEYS)[number]> extends never ? true : never = true;
void everyKeyListed;

/** A version's definition as the API takes it back: to start another service from it. */
export function definitionOf(service: Service): Definition {
  const parts = DEFINITION_KEYS.filter((key) => service[key] !== undefined).map((key) => [key, service[key]]);
  return Object.fromEntries(parts) as unknown as Definition;
}

/** One version of a service, as admins read it: the whole definition. */
export const versionQuery = (code: string, version: number) => ({
  queryKey: ['services', code, 'versions', version],
  queryFn: () =>
    call(() =>
      parkline.GET('/api/v1/services/{code}/versions/{version}', {
        params: { path: { code, version } },
      }),
    ),
});
