import { Navigate, Outlet, useLocation, type RouteObject } from 'react-router';
import { Result } from 'antd';
import { adminRoutes } from '../admin/routes';
import { applicationRoutes } from '../applications/routes';
import { deskRoutes } from '../desk/routes';
import { directoryRoutes } from '../directory/routes';
import { enterpriseRoutes } from '../enterprise/routes';
import { officerRoutes } from '../officer/routes';
import { pipelineRoutes } from '../pipeline/routes';
import { resourceRoutes } from '../resources/routes';
import { partnerRoutes } from '../partners/routes';
import { placementRoutes } from '../placements/routes';
import { mandateRoutes } from '../mandates/routes';
import { useI18n } from '../shared/i18n/i18n';
import { PageSkeleton } from '../shared/ui/PageSkeleton';
import { homeOf, useAuth, useMe } from './auth';
import { Shell } from './Shell';

/** Screens behind sign-in; without a session, to sign-in and back here afterwards. */
function SignedIn() {
  const { signedIn } = useAuth();
  const location = useLocation();
  if (signedIn === undefined) return <PageSkeleton />;
  if (!signedIn) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <Outlet />;
}

function Home() {
  const me = useMe();
  return <Navigate to={homeOf(me.user.role)} replace />;
}

function NotFound() {
  const { t } = useI18n();
  return <Result status="404" title={t('app.notFound')} />;
}

/**
 * Every screen is its own chunk, loaded when first opened; until the first one arrives the
 * page shows a skeleton, not a blank screen.
 */
export const routes: RouteObject[] = [
  {
    path: '/login',
    HydrateFallback: PageSkeleton,
    lazy: () => import('../public/login/LoginPage').then((m) => ({ Component: m.LoginPage })),
  },
  {
    path: '/verify/:number?',
    HydrateFallback: PageSkeleton,
    lazy: () => import('../public/verify/VerifyPage').then((m) => ({ Component: m.VerifyPage })),
  },
  {
    element: <SignedIn />,
    HydrateFallback: PageSkeleton,
    children: [
      {
        element: <Shell />,
        children: [
          { index: true, element: <Home /> },
          ...applicationRoutes,
          ...enterpriseRoutes,
          ...officerRoutes,
          ...adminRoutes,
          ...deskRoutes,
          ...directoryRoutes,
          ...pipelineRoutes,
          ...resourceRoutes,
          ...partnerRoutes,
          ...placementRoutes,
          ...mandateRoutes,
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];
