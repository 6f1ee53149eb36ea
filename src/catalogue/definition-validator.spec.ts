import { ALL_SERVICES } from './data';
import { definitionFromSeed } from './catalogue.service';
import { validateServiceDefinition } from './definition-validator';

const seeded = (code: string) =>
  definitionFromSeed(ALL_SERVICES.find((service) => service.code === code)!);

describe('validateServiceDefinition', () => {
  it.each(ALL_SERVICES.map((service) => [service.code] as const))(
    'accepts the seeded definition of %s',
    (code) => {
      expect(validateServiceDefinition(seeded(code))).toEqual([]);
    },
  );

  it('refuses a declared certificate that the workflow never issues, and the reverse', () => {
    const guidance = seeded('REGISTRATION_GUIDANCE');
    expect(
      validateServiceDefinition({
        ...guidance,
        certificate: { titleZh: '辅导意见书', titleEn: 'Guidance opinion', validityMonths: null },
      }),
    ).toContainEqual({
      field: 'certificate',
      message: 'is declared but the workflow has no certificate_issuance stage to issue it',
    });
    expect(
      validateServiceDefinition({ ...seeded('LAB_ANIMAL_USE'), certificate: null }),
    ).toContainEqual({
      field: 'certificate',
      message: 'the workflow issues a certificate but the service declares none',
    });
  });

  it('lets a service without a statutory limit promise any number of days, and checks batch windows', () => {
    const hte = seeded('HIGH_TECH_ENTERPRISE');
    expect(validateServiceDefinition({ ...hte, promisedWorkingDays: 300 })).toEqual([]);
    expect(
      validateServiceDefinition({
        ...hte,
        intakeWindows: [{ name: '颠倒', opensOn: '2027-06-01', closesOn: '2027-05-01' }],
      }),
    ).toContainEqual({ field: 'intakeWindows.0', message: 'closes before it opens' });
    expect(
      validateServiceDefinition({ ...seeded('LAB_ANIMAL_USE'), promisedWorkingDays: 21 }),
    ).toContainEqual({
      field: 'promisedWorkingDays',
      message: 'the park cannot promise more than the statutory limit',
    });
  });
});
