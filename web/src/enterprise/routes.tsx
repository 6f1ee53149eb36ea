import type { RouteObject } from 'react-router';
import { ENTERPRISE_ROLES, HOLDER_ROLES } from '../app/auth';
import { RequireRole } from '../app/RequireRole';
import { accountRoutes } from './account.routes';
import { draftEditorRoute, filingRoutes } from './filing.routes';

/** The enterprise's screens; each opens as its own chunk. */
export const enterpriseRoutes: RouteObject[] = [
  { element: <RequireRole roles={ENTERPRISE_ROLES} />, children: [...filingRoutes, ...accountRoutes] },
  { element: <RequireRole roles={[...ENTERPRISE_ROLES, ...HOLDER_ROLES]} />, children: [draftEditorRoute] },
];
