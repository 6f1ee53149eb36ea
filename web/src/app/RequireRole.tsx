import { Result } from 'antd';
import { Outlet } from 'react-router';
import type { Role } from '../shared/api/session';
import { useI18n } from '../shared/i18n/i18n';
import { useMe } from './auth';

/** A group of routes for some roles; others see why they cannot open it. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { t } = useI18n();
  const me = useMe();
  if (!roles.includes(me.user.role)) return <Result status="403" title={t('app.forbidden')} />;
  return <Outlet />;
}
