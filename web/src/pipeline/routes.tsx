import type { RouteObject } from 'react-router';
import { ENTERPRISE_ROLES, STAFF_ROLES } from '../app/auth';
import { RequireRole } from '../app/RequireRole';

const pipelinePage = () => import('./PipelinePage').then((m) => ({ Component: m.PipelinePage }));

/**
 * An enterprise's pipeline: its own users keep and read it at /pipeline, park staff verify it
 * from the directory. One chunk for both.
 */
export const pipelineRoutes: RouteObject[] = [
  {
    element: <RequireRole roles={ENTERPRISE_ROLES} />,
    children: [{ path: '/pipeline', lazy: pipelinePage }],
  },
  {
    element: <RequireRole roles={STAFF_ROLES} />,
    children: [{ path: '/enterprises/:id/pipeline', lazy: pipelinePage }],
  },
];
