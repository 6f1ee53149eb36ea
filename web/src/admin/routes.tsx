import type { RouteObject } from 'react-router';

/** The admin screens; each opens as its own chunk. */
export const adminRoutes: RouteObject[] = [];
