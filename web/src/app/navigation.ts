import type { Me, Role } from '../shared/api/session';
import type { Translate } from '../shared/i18n/i18n';
import type { MessageKey } from '../shared/i18n/zh-CN';
import { ALL_ROLES, DEPARTMENT_ROLES, ENTERPRISE_ROLES, STAFF_ROLES, takesPartInMandates } from './auth';

interface MenuEntry {
  key: string;
  label: string;
}

/** A screen of the menu, for the roles given, or for the users `for` admits. */
type Entry = { path: string; label: MessageKey } & (
  | { roles: readonly Role[] }
  | { for: (user: Me['user']) => boolean }
);

const ENTRIES: Entry[] = [
  { path: '/applications', label: 'nav.applications', roles: ENTERPRISE_ROLES },
  { path: '/catalogue', label: 'nav.catalogue', roles: ENTERPRISE_ROLES },
  { path: '/pipeline', label: 'nav.pipeline', roles: ENTERPRISE_ROLES },
  { path: '/resources', label: 'nav.resources', roles: ENTERPRISE_ROLES },
  { path: '/members', label: 'nav.members', roles: ['ENTERPRISE_ADMIN'] },
  { path: '/integrations', label: 'nav.integrations', roles: ['ENTERPRISE_ADMIN'] },
  { path: '/workbench', label: 'nav.workbench', roles: DEPARTMENT_ROLES },
  { path: '/enterprises', label: 'nav.enterprises', roles: [...DEPARTMENT_ROLES, 'ADMIN'] },
  { path: '/bookings', label: 'nav.bookings', roles: [...DEPARTMENT_ROLES, 'ADMIN'] },
  { path: '/desk', label: 'nav.desk', roles: ['DEPARTMENT_HEAD', 'ADMIN'] },
  { path: '/desk/industry', label: 'nav.industry', roles: ['DEPARTMENT_HEAD', 'ADMIN'] },
  { path: '/directory', label: 'nav.directory', roles: STAFF_ROLES },
  { path: '/admin/users', label: 'nav.users', roles: ['ADMIN'] },
  { path: '/admin/services', label: 'nav.services', roles: ['ADMIN'] },
  { path: '/admin/calendar', label: 'nav.calendar', roles: ['ADMIN'] },
  { path: '/admin/providers', label: 'nav.providers', roles: ['ADMIN'] },
  { path: '/admin/institutions', label: 'nav.institutions', roles: ['ADMIN'] },
  { path: '/handovers', label: 'nav.handovers', roles: ['PROVIDER_USER'] },
  { path: '/dockings', label: 'nav.dockings', roles: ['INSTITUTION_USER'] },
  { path: '/doctors', label: 'nav.doctors', roles: ['INSTITUTION_USER'] },
  {
    path: '/placements',
    label: 'nav.placements',
    roles: ALL_ROLES.filter((role) => role !== 'PROVIDER_USER'),
  },
  { path: '/mandates', label: 'nav.mandates', for: takesPartInMandates },
  { path: '/applications', label: 'nav.allApplications', roles: [...DEPARTMENT_ROLES, 'ADMIN'] },
  { path: '/notifications', label: 'nav.notifications', roles: ALL_ROLES },
];

/** The menu of a user: only the screens whose routes their role may open and that concern them. */
export function menuFor(user: Me['user'], t: Translate): MenuEntry[] {
  const shown = (entry: Entry) => ('for' in entry ? entry.for(user) : entry.roles.includes(user.role));
  return ENTRIES.filter(shown).map((entry) => ({
    key: entry.path,
    label: t(entry.label),
  }));
}
