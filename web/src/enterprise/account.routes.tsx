import type { RouteObject } from 'react-router';
import { RequireRole } from '../app/RequireRole';

/**
 * The enterprise's members and integrations, for its admins. (Its inbox is open to staff too,
 * who are notified of their queues: see the application routes.)
 */
export const accountRoutes: RouteObject[] = [
  {
    element: <RequireRole roles={['ENTERPRISE_ADMIN']} />,
    children: [
      {
        path: '/members',
        lazy: () => import('./members/MembersPage').then((m) => ({ Component: m.MembersPage })),
      },
      {
        path: '/integrations',
        lazy: () => import('./integrations/IntegrationsPage').then((m) => ({ Component: m.IntegrationsPage })),
      },
    ],
  },
];
