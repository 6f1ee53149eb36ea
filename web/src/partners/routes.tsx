import type { RouteObject } from 'react-router';
import { RequireRole } from '../app/RequireRole';

/** The park's partners: admins' registers of providers and hospitals, and the partners' own work. */
export const partnerRoutes: RouteObject[] = [
  {
    element: <RequireRole roles={['ADMIN']} />,
    children: [
      {
        path: '/admin/providers',
        lazy: () => import('./ProvidersAdminPage').then((m) => ({ Component: m.ProvidersAdminPage })),
      },
      {
        path: '/admin/institutions',
        lazy: () => import('./InstitutionsAdminPage').then((m) => ({ Component: m.InstitutionsAdminPage })),
      },
    ],
  },
  {
    element: <RequireRole roles={['PROVIDER_USER']} />,
    children: [
      { path: '/handovers', lazy: () => import('./HandoversPage').then((m) => ({ Component: m.HandoversPage })) },
    ],
  },
  {
    element: <RequireRole roles={['INSTITUTION_USER']} />,
    children: [
      { path: '/dockings', lazy: () => import('./DockingsPage').then((m) => ({ Component: m.DockingsPage })) },
    ],
  },
];
