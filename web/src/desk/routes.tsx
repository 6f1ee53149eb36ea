import type { RouteObject } from 'react-router';

/** The desk screens; each opens as its own chunk. */
export const deskRoutes: RouteObject[] = [];
