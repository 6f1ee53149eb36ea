import type { Me, Role } from '../shared/api/session';
import { menuFor } from './navigation';

const user = (role: Role, departmentCode: string | null = null): Me['user'] => ({
  id: '8d1c2f7a-0000-4000-8000-000000000001',
  email: 'someone@parkline.test',
  name: '张三',
  role,
  departmentCode,
  active: true,
  version: 1,
  createdAt: '2026-12-01T01:00:00.000Z',
});

const paths = (who: Me['user']) => menuFor(who, (key) => key).map((entry) => entry.key);

describe('the menu', () => {
  it('shows proxy handling to who grants or may hold mandates: the service centre, not every department', () => {
    expect(paths(user('ENTERPRISE_ADMIN'))).toContain('/mandates');
    expect(paths(user('PROVIDER_USER'))).toContain('/mandates');
    expect(paths(user('OFFICER', 'PSC'))).toContain('/mandates');
    expect(paths(user('DEPARTMENT_HEAD', 'PSC'))).toContain('/mandates');
    expect(paths(user('OFFICER', 'MPA'))).not.toContain('/mandates');
    expect(paths(user('DEPARTMENT_HEAD', 'CUSTOMS'))).not.toContain('/mandates');
    expect(paths(user('ENTERPRISE_MEMBER'))).not.toContain('/mandates');
    expect(paths(user('INSTITUTION_USER'))).not.toContain('/mandates');
  });

  it('opens by role otherwise', () => {
    expect(paths(user('OFFICER', 'MPA'))).toEqual(
      expect.arrayContaining(['/workbench', '/bookings']),
    );
    expect(paths(user('ENTERPRISE_MEMBER'))).not.toContain('/members');
  });
});
