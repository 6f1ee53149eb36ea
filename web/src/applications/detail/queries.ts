import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, parkline } from '../../shared/api/session';
import type { ApplicationDto } from '../parts/definition';

export const applicationQuery = (id: string) =>
  queryOptions({
    queryKey: ['applications', id],
    queryFn: () => call(() => parkline.GET('/api/v1/applications/{id}', { params: { path: { id } } })),
  });

/**
 * The application as an action left it: the answer is the new application, so the page shows
 * it at once; its timeline and the lists it appears in are fetched again.
 */
export function useApplicationChanged(id: string) {
  const queryClient = useQueryClient();
  return (application: ApplicationDto) => {
    queryClient.setQueryData(applicationQuery(id).queryKey, application);
    void queryClient.invalidateQueries({ queryKey: ['applications', id, 'events'] });
    void queryClient.invalidateQueries({ queryKey: ['applications', 'list'] });
  };
}

/** An action on the application that answers with it, such as withdraw or rate. */
export function useApplicationAction<Input>(id: string, action: (input: Input) => Promise<ApplicationDto>) {
  const changed = useApplicationChanged(id);
  return useMutation({ mutationFn: action, onSuccess: changed });
}
