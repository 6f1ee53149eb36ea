import type { RouteObject } from 'react-router';
import { DEPARTMENT_ROLES, ENTERPRISE_ROLES } from '../app/auth';
import { RequireRole } from '../app/RequireRole';

/** Booking the park's resources (enterprises) and confirming bookings (the operators); each its own chunk. */
export const resourceRoutes: RouteObject[] = [
  {
    element: <RequireRole roles={ENTERPRISE_ROLES} />,
    children: [
      {
        path: '/resources',
        lazy: () => import('./browse/ResourcesPage').then((m) => ({ Component: m.ResourcesPage })),
      },
    ],
  },
  {
    element: <RequireRole roles={[...DEPARTMENT_ROLES, 'ADMIN']} />,
    children: [
      {
        path: '/bookings',
        lazy: () => import('./queue/BookingQueuePage').then((m) => ({ Component: m.BookingQueuePage })),
      },
    ],
  },
];
