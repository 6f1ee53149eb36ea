import type { RouteObject } from 'react-router';

/** The enterprise screens; each opens as its own chunk. */
export const enterpriseRoutes: RouteObject[] = [];
