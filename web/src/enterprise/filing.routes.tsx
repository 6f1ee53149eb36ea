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
];

/** The draft editor: the enterprise's, and the holders' of its mandates (the API checks each act). */
export const draftEditorRoute: RouteObject = {
  path: '/applications/:id/edit',
  lazy: () => import('./filing/DraftEditorPage').then((m) => ({ Component: m.DraftEditorPage })),
};
