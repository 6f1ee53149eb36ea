import type { Application } from './application.entity';
import { institutionMatching, TrialInstitution } from './stage-handlers';

const trial = (form: Record<string, unknown>, declined: string[] = []) =>
  ({ form, matching: { declined } }) as unknown as Application;

const hospital = (code: string, overrides: Partial<TrialInstitution> = {}): TrialInstitution => ({
  id: `id-${code}`,
  code,
  name: code,
  specialties: ['ONCOLOGY'],
  gcpSpecialties: ['ONCOLOGY'],
  indications: [],
  capacity: 10,
  load: 0,
  ...overrides,
});

const rankingOf = (application: Application, institutions: TrialInstitution[]) =>
  (institutionMatching(application, institutions).eventData?.ranking as { code: string }[]).map(
    ({ code }) => code,
  );

describe('institution matching', () => {
  const oncology = trial({ 'clinical.specialty': 'ONCOLOGY', 'trial.indication': '非小细胞肺癌' });

  it('takes only institutions of the specialty, GCP-filed ones first, then the indication', () => {
    expect(
      rankingOf(oncology, [
        hospital('A_NO_GCP', { gcpSpecialties: [], indications: ['肺癌'] }),
        hospital('B_GCP'),
        hospital('C_GCP_LUNG', { indications: ['肺癌'] }),
        hospital('D_EYES', { specialties: ['OPHTHALMOLOGY'], gcpSpecialties: ['OPHTHALMOLOGY'] }),
      ]),
    ).toEqual(['C_GCP_LUNG', 'B_GCP', 'A_NO_GCP']);
  });

  it('ranks the less loaded first among equals, and full institutions after those with room', () => {
    expect(
      rankingOf(oncology, [
        hospital('A_FULL', { indications: ['肺癌'], load: 10 }),
        hospital('B_BUSY', { load: 8 }),
        hospital('C_QUIET', { load: 1 }),
      ]),
    ).toEqual(['C_QUIET', 'B_BUSY', 'A_FULL']);
  });

  it('leaves out the institutions that declined, and is unmatched when none is left', () => {
    const declined = trial({ 'clinical.specialty': 'ONCOLOGY' }, ['id-A']);
    expect(rankingOf(declined, [hospital('A'), hospital('B')])).toEqual(['B']);
    expect(institutionMatching(declined, [hospital('A')]).outcome).toBe('unmatched');
  });
});
