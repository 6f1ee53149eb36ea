import type { RouteObject } from 'react-router';
import { STAFF_ROLES } from '../app/auth';
import { RequireRole } from '../app/RequireRole';

/** The industry directory, open to park staff as its API is; its own chunk. */
export const directoryRoutes: RouteObject[] = [
  {
    element: <RequireRole roles={STAFF_ROLES} />,
    children: [
      {
        path: '/directory',
        lazy: () => import('./DirectoryPage').then((m) => ({ Component: m.DirectoryPage })),
      },
    ],
  },
];
