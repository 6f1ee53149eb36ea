import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { hasSession, meQuery, onSessionEnd, refreshSession, type Me, type Role } from '../shared/api/session';
import { queryClient } from '../shared/api/query-client';

interface Auth {
  /** Undefined while the session is being restored after a reload. */
  signedIn: boolean | undefined;
  me: Me | undefined;
  markSignedIn: () => void;
}

const AuthContext = createContext<Auth | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [signedIn, setSignedIn] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    // A reload keeps no token in memory: the refresh cookie, if any, restores the session.
    void refreshSession().then(setSignedIn);
    return onSessionEnd(() => {
      queryClient.clear();
      setSignedIn(false);
    });
  }, []);
  const { data: me } = useQuery({ ...meQuery, enabled: signedIn === true });
  const value: Auth = { signedIn, me, markSignedIn: () => setSignedIn(hasSession()) };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/**
 * The signed-in user, for screens behind sign-in. Sign-in and refresh answers carry the user,
 * so it is known before the first screen renders and screens ask for their data at once.
 */
export function useMe(): Me {
  return useSuspenseQuery(meQuery).data;
}

export const ENTERPRISE_ROLES: readonly Role[] = ['ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER'];
export const DEPARTMENT_ROLES: readonly Role[] = ['OFFICER', 'DEPARTMENT_HEAD'];
/** Park staff: who may read every enterprise's profile, pipeline and the industry directory. */
export const STAFF_ROLES: readonly Role[] = [...DEPARTMENT_ROLES, 'ADMIN'];
export const PARTNER_ROLES: readonly Role[] = ['PROVIDER_USER', 'INSTITUTION_USER'];
export const ALL_ROLES: readonly Role[] = [...ENTERPRISE_ROLES, ...DEPARTMENT_ROLES, 'ADMIN', ...PARTNER_ROLES];
/** Who may hold an enterprise's mandate: the service centre's window staff and providers' users. */
export const HOLDER_ROLES: readonly Role[] = [...DEPARTMENT_ROLES, 'PROVIDER_USER'];
/** The mandates screen: the enterprise admin grants, holders see what they hold. */
export const MANDATE_ROLES: readonly Role[] = ['ENTERPRISE_ADMIN', ...HOLDER_ROLES];
/** The department whose window staff act for enterprises (the park service centre), as the api rules. */
export const SERVICE_CENTRE_DEPARTMENT = 'PSC';

/** Whether the user could take part in mandates: of the staff, only the service centre's window. */
export function takesPartInMandates(user: Me['user']): boolean {
  if (!MANDATE_ROLES.includes(user.role)) return false;
  return !DEPARTMENT_ROLES.includes(user.role) || user.departmentCode === SERVICE_CENTRE_DEPARTMENT;
}

/** Where each role starts after signing in. */
export function homeOf(role: Role): string {
  if (ENTERPRISE_ROLES.includes(role)) return '/applications';
  if (DEPARTMENT_ROLES.includes(role)) return '/workbench';
  if (role === 'PROVIDER_USER') return '/handovers';
  if (role === 'INSTITUTION_USER') return '/dockings';
  return '/desk';
}
