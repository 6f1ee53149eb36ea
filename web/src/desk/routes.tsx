import type { RouteObject } from 'react-router';
import { RequireRole } from '../app/RequireRole';

/** The desk screens; each opens as its own chunk. The statistics API's roles open them. */
export const deskRoutes: RouteObject[] = [
  {
    element: <RequireRole roles={['ADMIN', 'DEPARTMENT_HEAD']} />,
    children: [
      {
        path: '/desk',
        lazy: () => import('./overview/DeskPage').then((m) => ({ Component: m.DeskPage })),
      },
      {
        path: '/desk/industry',
        lazy: () => import('./industry/IndustryPage').then((m) => ({ Component: m.IndustryPage })),
      },
    ],
  },
];
