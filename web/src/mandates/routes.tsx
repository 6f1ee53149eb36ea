import type { RouteObject } from 'react-router';
import { RequireRole } from '../app/RequireRole';
import { MANDATE_ROLES } from '../app/auth';

/** Proxy handling: the enterprise's mandates, and what a holder holds. */
export const mandateRoutes: RouteObject[] = [
  {
    element: <RequireRole roles={MANDATE_ROLES} />,
    children: [
      { path: '/mandates', lazy: () => import('./MandatesPage').then((m) => ({ Component: m.MandatesPage })) },
    ],
  },
];
