import { randomInt } from 'node:crypto';
import { Session } from './factories';
import { requestBeingHandled } from './organisations';
import { TestApp } from './test-app';

/** The value-added service whose requests start placements. */
export const PLACEMENT_SERVICE = 'DOCTORS_INTO_ENTERPRISE';

/** A practising licence number no other test uses. */
export const newLicenceNumber = () => `3303${String(randomInt(0, 1e11)).padStart(11, '0')}`;

/** A doctor of the institution user's hospital. */
export async function doctorOf(t: TestApp, hospitalUser: Session, name = '陈立群') {
  const created = await t
    .http()
    .post('/api/v1/doctors')
    .set(hospitalUser.auth)
    .send({
      name,
      specialty: 'ONCOLOGY',
      title: 'ASSOCIATE_CHIEF',
      licenceNumber: newLicenceNumber(),
    })
    .expect(201);
  return created.body as { id: string; institutionId: string };
}

/** A doctors-into-enterprise request of the enterprise, answered by a proposed placement. */
export async function proposedPlacement(
  t: TestApp,
  enterprise: Session,
  officer: Session,
  doctorId: string,
) {
  const applicationId = await requestBeingHandled(t, enterprise, officer, PLACEMENT_SERVICE);
  const created = await t
    .http()
    .post('/api/v1/placements')
    .set(officer.auth)
    .send({
      applicationId,
      doctorId,
      from: '2027-01-04',
      until: '2027-06-30',
      duties: '指导 PKL-201 CAR-T 临床前方案设计，参与 I 期临床方案论证',
      hoursPerWeek: 8,
    })
    .expect(201);
  return created.body as { id: string; applicationId: string; status: string };
}
