import type { RouteObject } from 'react-router';

/** Catalogue and filing: find a service, fill its form, give the materials, submit. */
export const filingRoutes: RouteObject[] = [
  {
    path: '/catalogue',
    lazy: () => import('./catalogue/CataloguePage').then((m) => ({ Component: m.CataloguePage })),
  },
  {
    path: '/catalogue/bundles/:code',
    lazy: () => import('./catalogue/BundlePage').then((m) => ({ Component: m.BundlePage })),
  },
  {
    path: '/catalogue/:code',
    lazy: () => import('./catalogue/ServicePage').then((m) => ({ Component: m.ServicePage })),
  },
  {
    path: '/applications/:id/edit',
    lazy: () => import('./filing/DraftEditorPage').then((m) => ({ Component: m.DraftEditorPage })),
  },
];
