import type { RouteObject } from 'react-router';

/** The enterprise's inbox, members and integrations. */
export const accountRoutes: RouteObject[] = [];
