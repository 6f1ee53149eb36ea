import type { RouteObject } from 'react-router';

/**
 * Applications, for every role: an enterprise follows its own, staff and the command desk open
 * the lists behind their figures. The API decides what each may see. The inbox is here too:
 * enterprises hear of their applications, staff of their queues, admins of disabled webhooks.
 */
export const applicationRoutes: RouteObject[] = [
  {
    path: '/applications',
    lazy: () => import('./list/ApplicationsPage').then((m) => ({ Component: m.ApplicationsPage })),
  },
  {
    path: '/applications/:id',
    lazy: () => import('./detail/ApplicationPage').then((m) => ({ Component: m.ApplicationPage })),
  },
  {
    path: '/notifications',
    lazy: () =>
      import('../enterprise/notifications/NotificationsPage').then((m) => ({ Component: m.NotificationsPage })),
  },
];
