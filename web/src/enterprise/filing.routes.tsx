import type { RouteObject } from 'react-router';

/** Catalogue and filing: find a service, fill its form, give the materials, submit. */
export const filingRoutes: RouteObject[] = [];
