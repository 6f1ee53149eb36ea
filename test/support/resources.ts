import { randomBytes } from 'node:crypto';
import { Session } from './factories';
import { TestApp } from './test-app';

/** The terms of a test resource: an instrument of the Park Service Center, bookable at once. */
export const RESOURCE_TERMS = {
  kind: 'INSTRUMENT',
  category: 'FLOW_CYTOMETRY',
  name: '流式细胞分选仪 BD FACSAria III',
  nameEn: 'BD FACSAria III cell sorter',
  location: '杭州医药港 钱塘生物医药产业园 B2 幢 3 层 公共仪器平台',
  operatorDepartmentCode: 'PSC',
  capacity: 1,
  opensAt: '09:00',
  closesAt: '17:00',
  slotMinutes: 60,
  minLeadHours: 0,
  maxBookingHours: 4,
  maxAdvanceDays: 90,
  eligibility: 'VERIFIED_ENTERPRISES',
  freeCancellationHours: 0,
  lateCancellation: 'CHARGED',
  priceCnyPerHour: 380,
};

export async function newResource(
  t: TestApp,
  admin: Session,
  overrides: Partial<Record<keyof typeof RESOURCE_TERMS, unknown>> = {},
): Promise<{ id: string; code: string }> {
  const created = await t
    .http()
    .post('/api/v1/resources')
    .set(admin.auth)
    .send({
      ...RESOURCE_TERMS,
      code: `TST-${randomBytes(4).toString('hex').toUpperCase()}`,
      ...overrides,
    })
    .expect(201);
  return created.body;
}

/** The working days from `afterDays` days from now on, for the next two months. */
export async function upcomingWorkingDays(t: TestApp, afterDays = 2): Promise<string[]> {
  const day = (offset: number) =>
    new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  const days = await t
    .http()
    .get(`/api/v1/calendar/working-days?from=${day(afterDays)}&to=${day(afterDays + 60)}`)
    .expect(200);
  return days.body.workingDays;
}

/** A Shanghai local time on a date, as the API takes it. */
export const at = (date: string, time: string) => `${date}T${time}:00+08:00`;
