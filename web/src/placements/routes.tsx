import type { RouteObject } from 'react-router';
import { RequireRole } from '../app/RequireRole';

/** Doctors into enterprise: a hospital's doctors, and the placements both sides and officers follow. */
export const placementRoutes: RouteObject[] = [
  {
    element: <RequireRole roles={['INSTITUTION_USER']} />,
    children: [
      {
        path: '/doctors',
        lazy: () => import('./DoctorsPage').then((m) => ({ Component: m.DoctorsPage })),
      },
    ],
  },
  {
    element: (
      <RequireRole
        roles={[
          'INSTITUTION_USER',
          'ENTERPRISE_ADMIN',
          'ENTERPRISE_MEMBER',
          'OFFICER',
          'DEPARTMENT_HEAD',
          'ADMIN',
        ]}
      />
    ),
    children: [
      {
        path: '/placements',
        lazy: () => import('./PlacementsPage').then((m) => ({ Component: m.PlacementsPage })),
      },
    ],
  },
];
