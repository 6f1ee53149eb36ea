import type { RouteObject } from 'react-router';
import { DEPARTMENT_ROLES } from '../app/auth';
import { RequireRole } from '../app/RequireRole';

/** The officer screens; each opens as its own chunk. */
export const officerRoutes: RouteObject[] = [
  {
    element: <RequireRole roles={DEPARTMENT_ROLES} />,
    children: [
      {
        path: '/workbench',
        lazy: () => import('./workbench/WorkbenchPage').then((m) => ({ Component: m.WorkbenchPage })),
      },
      {
        path: '/workbench/tasks/:id',
        lazy: () => import('./task/TaskPage').then((m) => ({ Component: m.TaskPage })),
      },
    ],
  },
  {
    element: <RequireRole roles={[...DEPARTMENT_ROLES, 'ADMIN']} />,
    children: [
      {
        path: '/enterprises',
        lazy: () => import('./enterprises/EnterprisesPage').then((m) => ({ Component: m.EnterprisesPage })),
      },
    ],
  },
];
