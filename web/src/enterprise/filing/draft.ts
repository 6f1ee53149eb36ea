import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { components } from '@parkline/client';
import { call, parkline } from '../../shared/api/session';
import type { Application } from './upload';

export type Checklist = components['schemas']['ChecklistDto'];
export type LibraryMaterial = components['schemas']['LibraryMaterialDto'];

export const applicationQuery = (id: string) =>
  queryOptions({
    queryKey: ['applications', id],
    queryFn: () =>
      call(() => parkline.GET('/api/v1/applications/{id}', { params: { path: { id } } })),
  });

export const checklistQuery = (id: string) =>
  queryOptions({
    queryKey: ['applications', id, 'checklist'],
    queryFn: () =>
      call(() => parkline.GET('/api/v1/applications/{id}/checklist', { params: { path: { id } } })),
    staleTime: 0,
  });

export const libraryQuery = (enterpriseId: string) =>
  queryOptions({
    queryKey: ['enterprises', enterpriseId, 'materials'],
    queryFn: () =>
      call(() =>
        parkline.GET('/api/v1/enterprises/{id}/materials', {
          params: { path: { id: enterpriseId } },
        }),
      ),
  });

/**
 * Keeps what the server answered about an application. Saves and attachments run side by side
 * and may answer out of order: an answer older than the one held is dropped.
 */
export function storeApplication(queryClient: QueryClient, application: Application): void {
  const key = applicationQuery(application.id).queryKey;
  const held = queryClient.getQueryData(key);
  if (!held || held.version <= application.version) queryClient.setQueryData(key, application);
  void queryClient.invalidateQueries({ queryKey: checklistQuery(application.id).queryKey });
}
