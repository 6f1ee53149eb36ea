import type { RouteObject } from 'react-router';
import { RequireRole } from '../app/RequireRole';

/** The admin screens; each opens as its own chunk. */
export const adminRoutes: RouteObject[] = [
  {
    element: <RequireRole roles={['ADMIN']} />,
    children: [
      {
        path: '/admin/users',
        lazy: () => import('./users/UsersPage').then((m) => ({ Component: m.UsersPage })),
      },
    ],
  },
];
