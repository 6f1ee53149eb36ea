import { useQuery } from '@tanstack/react-query';
import { applicationQuery, useApplicationAction } from '../../applications/detail/queries';
import type { ApplicationDto } from '../../applications/parts';
import { call, parkline } from '../../shared/api/session';

export function useApplication(id: string | undefined) {
  return useQuery({ ...applicationQuery(id ?? ''), enabled: Boolean(id) });
}

/**
 * A head extends the statutory limit once, with a reason, against the version they read (a
 * stale one answers 409); the page shows the moved deadline from the answer.
 */
export function useExtendLimit(application: ApplicationDto) {
  return useApplicationAction(application.id, (reason: string) =>
    call(() =>
      parkline.POST('/api/v1/applications/{id}/extension', {
        params: { path: { id: application.id } },
        body: { reason, expectedVersion: application.version },
      }),
    ),
  );
}
