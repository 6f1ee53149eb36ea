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
      {
        path: '/admin/services',
        lazy: () => import('./services/ServicesPage').then((m) => ({ Component: m.ServicesPage })),
      },
      {
        path: '/admin/services/:code',
        lazy: () => import('./services/ServicePage').then((m) => ({ Component: m.ServicePage })),
      },
      {
        path: '/admin/services/:code/versions/:version',
        lazy: () => import('./services/VersionPage').then((m) => ({ Component: m.VersionPage })),
      },
      {
        path: '/admin/calendar',
        lazy: () => import('./calendar/CalendarPage').then((m) => ({ Component: m.CalendarPage })),
      },
    ],
  },
];
