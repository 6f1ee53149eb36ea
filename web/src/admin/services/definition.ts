import type { components } from '@parkline/client';
import { call, parkline } from '../../shared/api/session';
import { JSON_FIELDS } from './definition-problems';

export type Service = components['schemas']['ServiceDto'];
export type Definition = components['schemas']['ServiceDefinitionInput'];

/** The parts of a definition with a field each; the JSON parts are edited as text. */
export const SCALAR_FIELDS = [
  'name',
  'nameEn',
  'departmentCode',
  'legalBasis',
  'promisedWorkingDays',
  'statutoryWorkingDays',
  'feeCny',
] as const;

/** A version's definition as the API takes it back: to start another service from it. */
export function definitionOf(service: Service): Definition {
  return Object.fromEntries(
    [...SCALAR_FIELDS, ...JSON_FIELDS].map((field) => [field, service[field]]),
  ) as Definition;
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
