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

/** Every part of a definition: the compiler refuses this object once the API adds another. */
const DEFINITION_PARTS = {
  name: true,
  nameEn: true,
  departmentCode: true,
  legalBasis: true,
  promisedWorkingDays: true,
  statutoryWorkingDays: true,
  timeLimitBasis: true,
  competentAuthority: true,
  description: true,
  keyIssues: true,
  intakeWindows: true,
  unconfirmed: true,
  feeCny: true,
  certificate: true,
  materials: true,
  formSchema: true,
  workflow: true,
} satisfies Record<keyof Definition, true>;
const DEFINITION_KEYS = Object.keys(DEFINITION_PARTS) as (keyof Definition)[];

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
