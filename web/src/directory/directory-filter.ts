import {
  pathsApiV1DirectoryEnterprisesGetParametersQueryDeviceClassValues as DEVICE_CLASSES,
  pathsApiV1DirectoryEnterprisesGetParametersQueryPendingValues as PENDING_VALUES,
  pathsApiV1DirectoryEnterprisesGetParametersQuerySegmentValues as SEGMENTS,
  pathsApiV1DirectoryEnterprisesGetParametersQueryStageValues as STAGES,
  pathsApiV1DirectoryEnterprisesGetParametersQueryZoneValues as ZONES,
  type paths,
} from '@parkline/client';

type DirectoryQuery = NonNullable<
  paths['/api/v1/directory/enterprises']['get']['parameters']['query']
>;

/** What the directory list is narrowed to: the API's filters, in the URL as they are. */
export type DirectoryFilter = Omit<DirectoryQuery, 'limit' | 'cursor'>;
export type Segment = NonNullable<DirectoryFilter['segment']>;
export type Zone = NonNullable<DirectoryFilter['zone']>;
export type Stage = NonNullable<DirectoryFilter['stage']>;
export type DeviceClass = NonNullable<DirectoryFilter['deviceClass']>;

export { DEVICE_CLASSES, SEGMENTS, STAGES, ZONES };

export const DIRECTORY_PATH = '/directory';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** The filter of a directory URL; unknown values are dropped rather than sent to be refused. */
export function directoryFilterOf(params: URLSearchParams): DirectoryFilter {
  const filter: DirectoryFilter = {
    segment: oneOf(SEGMENTS, params.get('segment')),
    zone: oneOf(ZONES, params.get('zone')),
    stage: oneOf(STAGES, params.get('stage')),
    deviceClass: oneOf(DEVICE_CLASSES, params.get('deviceClass')),
    pending: oneOf(PENDING_VALUES, params.get('pending')),
    q: params.get('q')?.trim().slice(0, 100) || undefined,
  };
  return withoutEmpty(filter);
}

function withoutEmpty(filter: DirectoryFilter): DirectoryFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value)) as DirectoryFilter;
}

/** The URL search of a filter, its keys in a fixed order so that one list has one address. */
export function directorySearch(filter: DirectoryFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['segment', 'zone', 'stage', 'deviceClass', 'pending', 'q'] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  return params;
}

/** The directory list behind a figure of the industry map. */
export function directoryLink(filter: DirectoryFilter): string {
  const search = directorySearch(filter).toString();
  return search ? `${DIRECTORY_PATH}?${search}` : DIRECTORY_PATH;
}
