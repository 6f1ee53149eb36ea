import type { RouteObject } from 'react-router';

/** The officer screens; each opens as its own chunk. */
export const officerRoutes: RouteObject[] = [];
