import { randomBytes, randomInt } from 'node:crypto';
import { creditCodeCheckCharacter } from '../../src/enterprises/credit-code';
import { TEST_ADMIN, TestApp } from './test-app';

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A unified social credit code with a correct check character, unique enough for a test run. */
export function newCreditCode(): string {
  const body = `91320594${Array.from({ length: 9 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')}`;
  return body + creditCodeCheckCharacter(body);
}

export const uniqueEmail = (who: string) => `${who}.${randomBytes(4).toString('hex')}@example.cn`;

export interface Session {
  accessToken: string;
  refreshToken: string;
  userId: string;
  auth: { Authorization: string };
}

export interface RegisteredEnterprise extends Session {
  enterpriseId: string;
  email: string;
  password: string;
}

export function registrationBody(
  overrides: { name?: string; sector?: string; zone?: string } = {},
) {
  return {
    enterprise: {
      name: overrides.name ?? `杭州钱塘测试生物 ${randomBytes(3).toString('hex')} 有限公司`,
      creditCode: newCreditCode(),
      sector: overrides.sector ?? 'ANTIBODY_PROTEIN',
      zone: overrides.zone ?? 'HMP-CORE',
    },
    admin: { email: uniqueEmail('admin'), password: 'Enterprise-Pass-2026', name: '王芳' },
  };
}

export async function registerEnterprise(
  t: TestApp,
  overrides: { name?: string; sector?: string; zone?: string } = {},
): Promise<RegisteredEnterprise> {
  const body = registrationBody(overrides);
  const response = await t.http().post('/api/v1/auth/register').send(body).expect(201);
  return {
    enterpriseId: response.body.enterprise.id,
    userId: response.body.user.id,
    email: body.admin.email,
    password: body.admin.password,
    accessToken: response.body.accessToken,
    refreshToken: response.body.refreshToken,
    auth: { Authorization: `Bearer ${response.body.accessToken}` },
  };
}

export async function login(t: TestApp, email: string, password: string): Promise<Session> {
  const response = await t.http().post('/api/v1/auth/login').send({ email, password }).expect(200);
  const me = await t
    .http()
    .get('/api/v1/me')
    .set('Authorization', `Bearer ${response.body.accessToken}`)
    .expect(200);
  return {
    accessToken: response.body.accessToken,
    refreshToken: response.body.refreshToken,
    userId: me.body.user.id,
    auth: { Authorization: `Bearer ${response.body.accessToken}` },
  };
}

export const loginAdmin = (t: TestApp) => login(t, TEST_ADMIN.email, TEST_ADMIN.password);

/** A staff member's session, with what signs them in (the browser tests use the console's page). */
export type StaffSession = Session & { email: string; password: string };

export async function newStaff(
  t: TestApp,
  admin: Session,
  role: 'OFFICER' | 'DEPARTMENT_HEAD' | 'ADMIN',
  departmentCode?: string,
  name = '陈静',
): Promise<StaffSession> {
  const email = uniqueEmail(role.toLowerCase());
  const password = 'Officer-Pass-2026';
  await t
    .http()
    .post('/api/v1/users')
    .set(admin.auth)
    .send({ email, password, name, role, ...(departmentCode ? { departmentCode } : {}) })
    .expect(201);
  return { ...(await login(t, email, password)), email, password };
}
