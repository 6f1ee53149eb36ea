import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@parkline/client';
import { call, parkline } from '../../shared/api/session';
import type { Language } from '../../shared/i18n/i18n';
import { fieldTitle, type FieldSchema } from './answers';

export type ApplicationDto = components['schemas']['ApplicationDto'];
export type ApplicationStatus = ApplicationDto['status'];

/** A catalogue text in both languages, as the API gives it. */
export interface Named {
  code: string;
  name: string;
  nameEn?: string | null;
}

/**
 * What an application was filed against: its service version, or for a "one thing" bundle the
 * merged form and materials. Labels for answers, materials and stages come from here.
 */
export interface ApplicationDefinition extends Omit<Named, 'code'> {
  formSchema: Record<string, unknown>;
  materials: MaterialTypeDto[];
  stages: Stage[];
  /** What an approval issues; null when the service issues no certificate. */
  certificate: components['schemas']['CertificateSpecDto'] | null;
}

/** A material type of the catalogue: what it is called, its formats and size limit. */
export type MaterialTypeDto = components['schemas']['MaterialTypeDto'];

/** A workflow stage; a waiting stage lists the enterprise's events (e.g. `confirm`). */
export interface Stage extends Named {
  kind?: 'AUTOMATED' | 'HUMAN' | 'WAIT';
  events?: Record<string, string>;
}

/** Published versions never change: one fetch per version for the whole session. */
export const serviceVersionQuery = (code: string, version: number) =>
  queryOptions({
    queryKey: ['services', code, 'versions', version],
    queryFn: () =>
      call(() => parkline.GET('/api/v1/services/{code}/versions/{version}', { params: { path: { code, version } } })),
    staleTime: Infinity,
  });

/** The current published version of a service (for rows that do not name their version). */
export const serviceQuery = (code: string) =>
  queryOptions({
    queryKey: ['services', code],
    queryFn: () => call(() => parkline.GET('/api/v1/services/{code}', { params: { path: { code } } })),
    staleTime: 10 * 60_000,
  });

export const bundleQuery = (code: string) =>
  queryOptions({
    queryKey: ['bundles', code],
    queryFn: () => call(() => parkline.GET('/api/v1/bundles/{code}', { params: { path: { code } } })),
    staleTime: 10 * 60_000,
  });

type Workflow = { stages?: Stage[] };

function stagesOf(workflow: Record<string, unknown>): Stage[] {
  return (workflow as Workflow).stages ?? [];
}

/** The definition of an application, loading; undefined while it loads or for an odd row. */
export function useApplicationDefinition(
  application: Pick<ApplicationDto, 'serviceCode' | 'serviceVersion' | 'bundleCode'>,
): { definition?: ApplicationDefinition; isLoading: boolean; error: unknown } {
  const { serviceCode, serviceVersion, bundleCode } = application;
  const service = useQuery({
    ...serviceVersionQuery(serviceCode ?? '', serviceVersion ?? 0),
    enabled: Boolean(serviceCode && serviceVersion),
  });
  const bundle = useQuery({ ...bundleQuery(bundleCode ?? ''), enabled: !serviceCode && Boolean(bundleCode) });
  if (service.data) {
    const { name, nameEn, formSchema, materials, workflow, certificate } = service.data;
    return {
      definition: { name, nameEn, formSchema, materials, stages: stagesOf(workflow), certificate: certificate ?? null },
      isLoading: false,
      error: null,
    };
  }
  if (bundle.data) {
    const { name, nameEn, formSchema, materials } = bundle.data;
    return {
      definition: { name, nameEn, formSchema, materials, stages: [], certificate: null },
      isLoading: false,
      error: null,
    };
  }
  return { isLoading: service.isLoading || bundle.isLoading, error: service.error ?? bundle.error };
}

/** The name of a code among catalogue texts, in the current language; the code if unknown. */
export function nameOf(
  entries: readonly Named[] | undefined,
  code: string | null | undefined,
  pick: (zh: string, en?: string | null) => string,
): string {
  if (!code) return '—';
  const entry = entries?.find((candidate) => candidate.code === code);
  return entry ? pick(entry.name, entry.nameEn) : code;
}

export type SupplementItemDto = components['schemas']['SupplementItemDto'];

/** What a supplement item is about: a material type's name or a form field's title. */
export function itemLabel(
  item: Pick<SupplementItemDto, 'kind' | 'key'>,
  definition: ApplicationDefinition | undefined,
  language: Language,
  pick: (zh: string, en?: string | null) => string,
): string {
  if (item.kind === 'material') return nameOf(definition?.materials, item.key, pick);
  const properties = (definition?.formSchema.properties ?? {}) as Record<string, FieldSchema>;
  return fieldTitle(item.key, properties[item.key] ?? {}, language);
}
