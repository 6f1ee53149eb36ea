import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { addCatalogueKeywords } from '../form-schemas';
import {
  ALL_SERVICES,
  BASIC_SERVICES,
  BUNDLES,
  FIELDS,
  FieldKey,
  FieldSchema,
  JsonSchema,
  KEY_ISSUES,
  MATERIAL_TYPES,
  MaterialTypeSeed,
  ServiceSeed,
  VALUE_ADDED_SERVICES,
  field,
} from './index';
import { definitionFromSeed } from '../catalogue.service';

function newAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return addCatalogueKeywords(ajv);
}

const ajv = newAjv();
const MB = 1024 * 1024;

function propertiesOf(schema: JsonSchema): Record<string, FieldSchema> {
  return schema.properties as Record<string, FieldSchema>;
}

function exampleForm(service: ServiceSeed): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(propertiesOf(service.formSchema)).map(([key, property]) => [
      key,
      structuredClone(property.examples[0]),
    ]),
  );
}

function serviceByCode(code: string): ServiceSeed {
  const service = ALL_SERVICES.find((candidate) => candidate.code === code);
  if (!service) {
    throw new Error(`No service ${code}`);
  }
  return service;
}

function materialOf(service: ServiceSeed, code: string): MaterialTypeSeed {
  const material = service.materials.find((candidate) => candidate.code === code);
  if (!material) {
    throw new Error(`${service.code} has no material ${code}`);
  }
  return material;
}

function isRequiredFor(material: MaterialTypeSeed, form: Record<string, unknown>): boolean {
  if (material.required) {
    return true;
  }
  return material.requiredWhen ? ajv.validate(material.requiredWhen, form) : false;
}

/** Form properties a situation refers to, through nested combinators. */
function referencedKeys(schema: unknown): string[] {
  if (!schema || typeof schema !== 'object') {
    return [];
  }
  const node = schema as Record<string, unknown>;
  const keys = [
    ...Object.keys((node.properties as Record<string, unknown>) ?? {}),
    ...((node.required as string[]) ?? []),
    ...Object.keys((node.dependentRequired as Record<string, unknown>) ?? {}),
  ];
  for (const combinator of ['allOf', 'anyOf', 'oneOf']) {
    for (const branch of (node[combinator] as unknown[]) ?? []) {
      keys.push(...referencedKeys(branch));
    }
  }
  for (const single of ['not', 'if', 'then', 'else']) {
    keys.push(...referencedKeys(node[single]));
  }
  return keys;
}

const EXPECTED_BASIC = [
  ['CONTROLLED_DRUG_PURCHASE', 'MPA'],
  ['PRECURSOR_CHEMICAL_PURCHASE', 'PSB'],
  ['SPECIAL_ARTICLE_ENTRY', 'CUSTOMS'],
  ['RD_IMPORT_WHITELIST', 'COMMERCE'],
  ['PATHOGEN_LAB_FILING', 'HEALTH'],
  ['LAB_ANIMAL_USE', 'SCITECH'],
  ['LAB_ANIMAL_PRODUCTION', 'SCITECH'],
  ['HUMAN_GENETIC_RESOURCES', 'PSC'],
  ['DRUG_MANUFACTURING', 'MPA'],
  ['DEVICE_MANUFACTURING', 'MPA'],
  ['DEVICE_REGISTRATION_II', 'MPA'],
  ['DRUG_REGISTRATION_TESTING', 'MPA'],
  ['DRUG_DEVICE_DISTRIBUTION', 'MSA'],
  ['ENTERPRISE_ESTABLISHMENT', 'MSA'],
  ['HAZARDOUS_CHEMICALS_USE', 'EMB'],
  ['RADIATION_SAFETY', 'EEB'],
  ['EIA_APPROVAL', 'EEB'],
  ['POLLUTANT_DISCHARGE_PERMIT', 'EEB'],
  ['HAZARDOUS_WASTE_TRANSFER', 'EEB'],
  ['FIRE_PROTECTION_REVIEW', 'HCB'],
  ['HIGH_TECH_ENTERPRISE', 'SCITECH'],
  ['PRECURSOR_DRUG_PURCHASE', 'MPA'],
  ['PRECURSOR_CHEMICAL_FILING', 'PSB'],
  ['DRUG_WHOLESALE', 'MPA'],
  ['DEVICE_DISTRIBUTION_FILING', 'MSA'],
  ['CLINICAL_TRIAL_APPLICATION', 'PSC'],
  ['STEM_CELL_RESEARCH_FILING', 'HEALTH'],
];

const FILINGS = [
  'PATHOGEN_LAB_FILING',
  'PRECURSOR_CHEMICAL_FILING',
  'DEVICE_DISTRIBUTION_FILING',
  'STEM_CELL_RESEARCH_FILING',
];
const NATIONAL = ['HUMAN_GENETIC_RESOURCES', 'CLINICAL_TRIAL_APPLICATION'];

const EXPECTED_VALUE_ADDED = [
  ['TALENT_RECRUITMENT', 'HRSS'],
  ['TALENT_RECOGNITION', 'PSC'],
  ['TALENT_APARTMENT', 'PSC'],
  ['CLINICAL_TRIAL_DOCKING', 'PSC'],
  ['REGISTRATION_GUIDANCE', 'PSC'],
  ['SPACE_MATCHING', 'PSC'],
  ['PLATFORM_BOOKING', 'PSC'],
  ['PHARMACOLOGY_SAFETY_EVALUATION', 'PSC'],
  ['ANIMAL_CENTER_BOOKING', 'PSC'],
  ['CRO_CDMO_MATCHING', 'PSC'],
  ['FINANCING_MATCHING', 'PSC'],
  ['POLICY_SUBSIDY', 'PSC'],
  ['IP_SERVICES', 'PSC'],
  ['TECH_TRANSFER', 'PSC'],
  ['DOCTORS_INTO_ENTERPRISE', 'PSC'],
  ['INSTRUMENT_SHARING', 'PSC'],
  ['TESTING_INSPECTION', 'PSC'],
  ['LEGAL_COMPLIANCE', 'PSC'],
  ['CELL_PREPARATION_CENTRE', 'PSC'],
];

describe('service catalogue data', () => {
  describe('services', () => {
    it('has the 27 basic services of the domain, in order, with their departments', () => {
      expect(BASIC_SERVICES).toHaveLength(27);
      expect(BASIC_SERVICES.every((service) => service.category === 'BASIC')).toBe(true);
      expect(BASIC_SERVICES.map((service) => [service.code, service.departmentCode])).toEqual(
        EXPECTED_BASIC,
      );
    });

    it('has the 19 value-added services, in order, with their departments', () => {
      expect(VALUE_ADDED_SERVICES).toHaveLength(19);
      expect(VALUE_ADDED_SERVICES.every((service) => service.category === 'VALUE_ADDED')).toBe(
        true,
      );
      expect(VALUE_ADDED_SERVICES.map((service) => [service.code, service.departmentCode])).toEqual(
        EXPECTED_VALUE_ADDED,
      );
    });

    it('combines both lists in ALL_SERVICES with unique codes', () => {
      expect(ALL_SERVICES).toHaveLength(46);
      const codes = ALL_SERVICES.map((service) => service.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) {
        expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      }
    });

    it.each(ALL_SERVICES.map((service) => [service.code, service] as const))(
      '%s has names, legal basis, time limits and fee',
      (_code, service) => {
        expect(service.name.length).toBeGreaterThan(1);
        expect(service.nameEn.length).toBeGreaterThan(1);
        expect(service.legalBasis).toMatch(/《.+》/);
        expect(Number.isInteger(service.promisedWorkingDays)).toBe(true);
        expect(service.promisedWorkingDays).toBeGreaterThan(0);
        if (service.statutoryWorkingDays !== null) {
          expect(Number.isInteger(service.statutoryWorkingDays)).toBe(true);
          expect(service.promisedWorkingDays).toBeLessThanOrEqual(service.statutoryWorkingDays);
        }
        expect(service.feeCny).toBeGreaterThanOrEqual(0);
        // Every limit cites its basis: the law's article, or the park's own promise.
        expect(service.timeLimitBasis.length).toBeGreaterThan(10);
        if (service.statutoryWorkingDays !== null) expect(service.timeLimitBasis).toMatch(/《.+》/);
        if (service.certificate)
          expect(service.certificate.validityBasis.length).toBeGreaterThan(4);
        for (const issue of service.keyIssues) expect(KEY_ISSUES).toContain(issue);
        for (const path of service.unconfirmed ?? []) expect(path).toMatch(/^[a-zA-Z_.]+$/);
      },
    );

    it('uses the workflow archetype each service belongs to', () => {
      for (const service of BASIC_SERVICES) {
        const expected =
          service.code === 'SPECIAL_ARTICLE_ENTRY'
            ? 'SPECIAL_BIOLOGICS_IMPORT'
            : FILINGS.includes(service.code)
              ? 'FILING'
              : NATIONAL.includes(service.code)
                ? 'NATIONAL_PROXY'
                : 'LICENCE';
        expect([service.code, service.workflow.archetype]).toEqual([service.code, expected]);
      }
      for (const service of VALUE_ADDED_SERVICES) {
        const expected =
          service.code === 'CLINICAL_TRIAL_DOCKING' ? 'CLINICAL_TRIAL_DOCKING' : 'VALUE_ADDED';
        expect([service.code, service.workflow.archetype]).toEqual([service.code, expected]);
        if (service.workflow.archetype === 'VALUE_ADDED') {
          expect(service.workflow.autoConfirmWorkingDays).toBeGreaterThan(0);
        }
        expect(service.feeCny).toBe(0);
        // The park's own services: a promise, no invented statutory limit.
        expect([service.code, service.statutoryWorkingDays]).toEqual([service.code, null]);
      }
    });

    it('records filings at once: no statutory limit, one officer step, a receipt', () => {
      for (const code of FILINGS) {
        const service = serviceByCode(code);
        expect([code, service.statutoryWorkingDays]).toEqual([code, null]);
        const workflow = definitionFromSeed(service).workflow;
        expect(workflow.stages.map((stage) => stage.code)).toEqual([
          'completeness_check',
          'record',
          'issuance',
        ]);
      }
    });

    it('sends each service to the department the law names', () => {
      expect(serviceByCode('DRUG_WHOLESALE').departmentCode).toBe('MPA');
      expect(serviceByCode('PRECURSOR_DRUG_PURCHASE').departmentCode).toBe('MPA');
      const hgr = serviceByCode('HUMAN_GENETIC_RESOURCES');
      expect(hgr.competentAuthority).toBe('国家卫生健康委员会');
      expect(hgr.certificate).toBeNull();
      expect(hgr.description).toMatch(/不作审批决定/);
    });

    it('tags services with the four key issues of the reform, each used', () => {
      for (const issue of KEY_ISSUES) {
        expect([issue, ALL_SERVICES.some((service) => service.keyIssues.includes(issue))]).toEqual([
          issue,
          true,
        ]);
      }
      expect(serviceByCode('SPECIAL_ARTICLE_ENTRY').keyIssues).toEqual(['SPECIAL_ARTICLE_IMPORT']);
    });

    it('lets an IND stand approved by silence after 60 days', () => {
      const workflow = definitionFromSeed(serviceByCode('CLINICAL_TRIAL_APPLICATION')).workflow;
      const review = workflow.stages.find((stage) => stage.code === 'national_review');
      expect(review).toMatchObject({
        kind: 'HUMAN',
        implied: { action: 'approve', days: 60, dayKind: 'CALENDAR' },
      });
    });

    it('runs high-tech enterprise recognition in annual batches', () => {
      const service = serviceByCode('HIGH_TECH_ENTERPRISE');
      expect(service.statutoryWorkingDays).toBeNull();
      expect(service.intakeWindows?.length).toBeGreaterThan(0);
      expect(service.unconfirmed).toContain('intakeWindows');
    });

    it('gives every certificate titles and a sensible validity', () => {
      for (const service of ALL_SERVICES) {
        if (service.category === 'BASIC' && !NATIONAL.includes(service.code)) {
          expect(service.certificate).not.toBeNull();
        }
        // A declared certificate is issued by the workflow.
        const stages = definitionFromSeed(service).workflow.stages.map((stage) => stage.code);
        expect([service.code, stages.includes('issuance')]).toEqual([
          service.code,
          service.certificate !== null,
        ]);
        const certificate = service.certificate;
        if (!certificate) {
          continue;
        }
        expect(certificate.titleZh.length).toBeGreaterThan(1);
        expect(certificate.titleEn.length).toBeGreaterThan(1);
        if (certificate.validityMonths !== null) {
          expect(Number.isInteger(certificate.validityMonths)).toBe(true);
          expect(certificate.validityMonths).toBeGreaterThan(0);
        }
      }
    });

    it('maps issued certificates only to library material types that services ask for', () => {
      const asked = new Set(ALL_SERVICES.flatMap((s) => s.materials.map((m) => m.code)));
      for (const service of ALL_SERVICES) {
        const code = service.certificate?.materialCode;
        if (!code) {
          continue;
        }
        expect(asked.has(code)).toBe(true);
        expect(MATERIAL_TYPES[code as keyof typeof MATERIAL_TYPES].fromLibrary).toBe(true);
      }
    });
  });

  describe('form schemas', () => {
    it.each(ALL_SERVICES.map((service) => [service.code, service] as const))(
      '%s has a strict, compilable object schema whose example form validates',
      (_code, service) => {
        const schema = service.formSchema;
        expect(schema.type).toBe('object');
        expect(schema.additionalProperties).toBe(false);
        const required = schema.required as string[];
        expect(Array.isArray(required)).toBe(true);
        expect(required.length).toBeGreaterThan(0);

        const properties = propertiesOf(schema);
        const keys = Object.keys(properties);
        expect(keys.length).toBeGreaterThanOrEqual(4);
        expect(keys.length).toBeLessThanOrEqual(12);
        for (const key of required) {
          expect(keys).toContain(key);
        }
        for (const [key, property] of Object.entries(properties)) {
          expect([key, typeof property.title]).toEqual([key, 'string']);
          expect([key, typeof property.titleEn]).toEqual([key, 'string']);
          expect(Array.isArray(property.examples)).toBe(true);
          expect(property.examples.length).toBeGreaterThan(0);
        }

        const validate = ajv.compile(schema);
        const valid = validate(exampleForm(service));
        expect(validate.errors ?? []).toEqual([]);
        expect(valid).toBe(true);
        expect(validate({ ...exampleForm(service), unexpected: 'x' })).toBe(false);
      },
    );

    it('takes every form field from the dictionary with its meaning unchanged', () => {
      for (const service of ALL_SERVICES) {
        for (const [key, property] of Object.entries(propertiesOf(service.formSchema))) {
          const entry = FIELDS[key as FieldKey];
          expect([service.code, key, entry !== undefined]).toEqual([service.code, key, true]);
          expect([key, property.title, property.titleEn, property.type]).toEqual([
            key,
            entry.title,
            entry.titleEn,
            entry.type,
          ]);
          if (Array.isArray(entry.enum)) {
            for (const value of property.enum as unknown[]) {
              expect(entry.enum).toContain(value);
            }
          }
        }
      }
    });
  });

  describe('field dictionary', () => {
    const entries = Object.entries(FIELDS) as [FieldKey, FieldSchema][];

    it.each(entries)(
      '%s is a documented JSON Schema property whose examples pass',
      (key, entry) => {
        expect(key).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/);
        expect(entry.title).toMatch(/[\u4e00-\u9fa5]/);
        expect(entry.titleEn.length).toBeGreaterThan(1);
        expect(entry.examples.length).toBeGreaterThan(0);
        if (entry.format !== undefined) {
          expect(['date', 'email', 'uri']).toContain(entry.format);
        }
        const validate = ajv.compile(entry);
        for (const example of entry.examples) {
          expect([key, validate(example), validate.errors ?? []]).toEqual([key, true, []]);
        }
      },
    );

    it('names every choice of every enum in Chinese and in English, and nothing else', () => {
      for (const [key, entry] of entries) {
        const holder = (entry.enum ? entry : (entry.items ?? {})) as JsonSchema;
        if (!holder.enum) continue;
        for (const names of [holder.enumTitles, holder.enumTitlesEn]) {
          expect([key, Object.keys(names ?? {})]).toEqual([key, holder.enum]);
        }
        const titles = holder.enumTitles as Record<string, string>;
        const titlesEn = holder.enumTitlesEn as Record<string, string>;
        for (const value of holder.enum as string[]) {
          expect([key, value, /[\u4e00-\u9fa5]/.test(titles[value])]).toEqual([key, value, true]);
          expect([key, value, /^[\x20-\x7e–°]+$/.test(titlesEn[value])]).toEqual([
            key,
            value,
            true,
          ]);
        }
      }
    });

    it('marks the particulars of natural persons, which certificates leave out', () => {
      const personal = entries.filter(([, entry]) => entry.personal).map(([key]) => key);
      expect(personal).toEqual(
        expect.arrayContaining(['contact.name', 'contact.phone', 'contact.email']),
      );
      expect(personal).not.toContain('article.name');
    });

    it('is used: every entry appears in at least one service form', () => {
      const used = new Set(
        ALL_SERVICES.flatMap((service) => Object.keys(propertiesOf(service.formSchema))),
      );
      expect(Object.keys(FIELDS).filter((key) => !used.has(key))).toEqual([]);
    });

    it('hands out copies that callers cannot use to change the dictionary', () => {
      const copy = field('lab.biosafetyLevel', { enum: ['BSL-1', 'BSL-2'] });
      (copy.examples as unknown[]).push('BSL-9');
      expect(copy.enum).toEqual(['BSL-1', 'BSL-2']);
      expect(FIELDS['lab.biosafetyLevel'].enum).toEqual(['BSL-1', 'BSL-2', 'BSL-3', 'BSL-4']);
      expect(FIELDS['lab.biosafetyLevel'].examples).toEqual(['BSL-2']);
    });

    it('accepts mainland mobile and landline numbers only', () => {
      const validate = ajv.compile(FIELDS['contact.phone']);
      for (const good of ['13812345678', '19900001111', '021-58881234', '075512345678']) {
        expect([good, validate(good)]).toEqual([good, true]);
      }
      for (const bad of ['12812345678', '1381234567', '+8613812345678', '21-5888123']) {
        expect([bad, validate(bad)]).toEqual([bad, false]);
      }
    });
  });

  describe('materials', () => {
    it.each(ALL_SERVICES.map((service) => [service.code, service] as const))(
      '%s has a required material, unique codes and sane files',
      (_code, service) => {
        expect(service.materials.some((material) => material.required)).toBe(true);
        const codes = service.materials.map((material) => material.code);
        expect(new Set(codes).size).toBe(codes.length);
        for (const material of service.materials) {
          expect(material.code).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
          expect(material.name).toMatch(/[\u4e00-\u9fa5]/);
          expect(material.formats.length).toBeGreaterThan(0);
          expect(material.maxBytes).toBeGreaterThanOrEqual(10 * MB);
          expect(material.maxBytes).toBeLessThanOrEqual(50 * MB);
          if (material.requiredWhen !== undefined) {
            expect([material.code, material.required]).toEqual([material.code, false]);
          }
        }
      },
    );

    it('describes the same material code the same way everywhere', () => {
      const seen = new Map<string, Omit<MaterialTypeSeed, 'required' | 'requiredWhen'>>();
      for (const service of ALL_SERVICES) {
        for (const {
          required: _required,
          requiredWhen: _when,
          requiredWhenBasis: _basis,
          ...type
        } of service.materials) {
          const first = seen.get(type.code);
          if (first) {
            expect(type).toEqual(first);
          } else {
            seen.set(type.code, type);
          }
        }
      }
      expect(seen.size).toBeGreaterThan(50);
    });

    it('uses every material type of the dictionary', () => {
      const used = new Set(ALL_SERVICES.flatMap((s) => s.materials.map((m) => m.code)));
      expect(Object.keys(MATERIAL_TYPES).filter((code) => !used.has(code))).toEqual([]);
    });

    it('writes every situation as a compilable schema over the service form', () => {
      let situations = 0;
      for (const service of ALL_SERVICES) {
        const formKeys = Object.keys(propertiesOf(service.formSchema));
        for (const material of service.materials) {
          if (!material.requiredWhen) {
            continue;
          }
          situations += 1;
          // Every situation rule cites its basis.
          expect([
            service.code,
            material.code,
            /《.+》|园区/.test(material.requiredWhenBasis ?? ''),
          ]).toEqual([service.code, material.code, true]);
          const validate = ajv.compile(material.requiredWhen);
          expect(material.requiredWhen.type).toBe('object');
          const referenced = referencedKeys(material.requiredWhen);
          expect(referenced.length).toBeGreaterThan(0);
          for (const key of referenced) {
            expect([service.code, material.code, formKeys.includes(key)]).toEqual([
              service.code,
              material.code,
              true,
            ]);
          }
          expect([service.code, material.code, validate({})]).toEqual([
            service.code,
            material.code,
            false,
          ]);
        }
      }
      expect(situations).toBeGreaterThanOrEqual(30);
    });

    it('requires the biosafety-lab certificate for special articles of risk class A or B only', () => {
      const service = serviceByCode('SPECIAL_ARTICLE_ENTRY');
      const certificate = materialOf(service, 'biosafety_lab_certificate');
      const validateForm = ajv.compile(service.formSchema);
      expect(certificate.required).toBe(false);

      const outcome = (riskClass: string) => {
        const form = { ...exampleForm(service), 'article.riskClass': riskClass };
        expect(validateForm(form)).toBe(true);
        return isRequiredFor(certificate, form);
      };
      expect(outcome('A')).toBe(true);
      expect(outcome('B')).toBe(true);
      expect(outcome('C')).toBe(false);
      expect(outcome('D')).toBe(false);
    });

    it('requires the import approval only for class A microorganisms', () => {
      const service = serviceByCode('SPECIAL_ARTICLE_ENTRY');
      const approval = materialOf(service, 'pathogen_import_approval');
      const form = (category: string, riskClass: string) => ({
        ...exampleForm(service),
        'article.category': category,
        'article.riskClass': riskClass,
      });
      expect(isRequiredFor(approval, form('MICROORGANISM', 'A'))).toBe(true);
      expect(isRequiredFor(approval, form('MICROORGANISM', 'B'))).toBe(false);
      expect(isRequiredFor(approval, form('HUMAN_TISSUE', 'A'))).toBe(false);
    });

    it('requires clinical evaluation data for a class III device, not for class II', () => {
      const service = serviceByCode('DEVICE_MANUFACTURING');
      const data = materialOf(service, 'clinical_evaluation_data');
      const validateForm = ajv.compile(service.formSchema);
      const form = (deviceClass: string) => ({
        ...exampleForm(service),
        'device.class': deviceClass,
      });
      expect(validateForm(form('III'))).toBe(true);
      expect(isRequiredFor(data, form('III'))).toBe(true);
      expect(isRequiredFor(data, form('II'))).toBe(false);
    });

    it('requires clinical evaluation data for class II registration unless exempt', () => {
      const service = serviceByCode('DEVICE_REGISTRATION_II');
      const data = materialOf(service, 'clinical_evaluation_data');
      const form = (path: string) => ({
        ...exampleForm(service),
        'device.clinicalEvaluationPath': path,
      });
      expect(isRequiredFor(data, form('CLINICAL_TRIAL'))).toBe(true);
      expect(isRequiredFor(data, form('SAME_VARIETY_COMPARISON'))).toBe(true);
      expect(isRequiredFor(data, form('EXEMPT'))).toBe(false);
    });

    it('reads array answers: a radioactive-waste plan only when sources are used', () => {
      const service = serviceByCode('RADIATION_SAFETY');
      const plan = materialOf(service, 'radioactive_waste_plan');
      const form = (sourceTypes: string[]) => ({
        ...exampleForm(service),
        'radiation.sourceTypes': sourceTypes,
      });
      expect(isRequiredFor(plan, form(['RAY_DEVICE', 'SEALED_SOURCE']))).toBe(true);
      expect(isRequiredFor(plan, form(['RAY_DEVICE']))).toBe(false);
    });
  });

  describe('bundles', () => {
    it('has the three reference bundles', () => {
      expect(BUNDLES.map((bundle) => bundle.code)).toEqual(
        expect.arrayContaining([
          'CELL_THERAPY_LAB',
          'BIOLOGICS_IMPORT_ANIMAL_STUDIES',
          'DRUG_CANDIDATE_TO_CLINIC',
        ]),
      );
      const codes = BUNDLES.map((bundle) => bundle.code);
      expect(new Set(codes).size).toBe(codes.length);
    });

    it('opens a cell-therapy lab with the four services, animal licence after the lab filing', () => {
      const bundle = BUNDLES.find((candidate) => candidate.code === 'CELL_THERAPY_LAB');
      expect(bundle?.serviceCodes).toEqual([
        'PATHOGEN_LAB_FILING',
        'LAB_ANIMAL_USE',
        'RADIATION_SAFETY',
        'EIA_APPROVAL',
      ]);
      expect(bundle?.prerequisites).toContainEqual({
        serviceCode: 'LAB_ANIMAL_USE',
        requires: 'PATHOGEN_LAB_FILING',
      });
      const issued = serviceByCode('PATHOGEN_LAB_FILING').certificate?.materialCode;
      expect(serviceByCode('LAB_ANIMAL_USE').materials.map((m) => m.code)).toContain(issued);
    });

    it('takes a drug candidate to the clinic once its IND stands, not after registration testing', () => {
      const bundle = BUNDLES.find((candidate) => candidate.code === 'DRUG_CANDIDATE_TO_CLINIC');
      expect(bundle?.prerequisites).toEqual([
        { serviceCode: 'CLINICAL_TRIAL_DOCKING', requires: 'CLINICAL_TRIAL_APPLICATION' },
      ]);
    });

    it.each(BUNDLES.map((bundle) => [bundle.code, bundle] as const))(
      '%s references existing services and acyclic prerequisites inside the bundle',
      (_code, bundle) => {
        expect(bundle.name.length).toBeGreaterThan(1);
        expect(bundle.nameEn.length).toBeGreaterThan(1);
        expect(bundle.description.length).toBeGreaterThan(10);
        expect(bundle.serviceCodes.length).toBeGreaterThanOrEqual(2);
        expect(new Set(bundle.serviceCodes).size).toBe(bundle.serviceCodes.length);
        for (const code of bundle.serviceCodes) {
          expect(serviceByCode(code).code).toBe(code);
        }
        for (const { serviceCode, requires } of bundle.prerequisites) {
          expect(bundle.serviceCodes).toContain(serviceCode);
          expect(bundle.serviceCodes).toContain(requires);
          expect(serviceCode).not.toBe(requires);
        }
        const waitsFor = (code: string, seen: Set<string>): boolean =>
          bundle.prerequisites
            .filter((prerequisite) => prerequisite.serviceCode === code)
            .some(
              ({ requires }) =>
                seen.has(requires) || waitsFor(requires, new Set([...seen, requires])),
            );
        for (const code of bundle.serviceCodes) {
          expect([code, waitsFor(code, new Set([code]))]).toEqual([code, false]);
        }
      },
    );

    it.each(BUNDLES.map((bundle) => [bundle.code, bundle] as const))(
      '%s shares fields and materials so that one merged form and one set of materials make sense',
      (_code, bundle) => {
        const services = bundle.serviceCodes.map(serviceByCode);
        const fieldUse = new Map<string, FieldSchema[]>();
        const materialUse = new Map<string, number>();
        for (const service of services) {
          for (const [key, property] of Object.entries(propertiesOf(service.formSchema))) {
            fieldUse.set(key, [...(fieldUse.get(key) ?? []), property]);
          }
          for (const material of service.materials) {
            materialUse.set(material.code, (materialUse.get(material.code) ?? 0) + 1);
          }
        }
        const sharedFields = [...fieldUse].filter(([, uses]) => uses.length > 1);
        const sharedMaterials = [...materialUse].filter(([, uses]) => uses > 1);
        expect(sharedFields.length).toBeGreaterThanOrEqual(4);
        expect(sharedMaterials.length).toBeGreaterThanOrEqual(2);

        for (const service of services) {
          const keys = Object.keys(propertiesOf(service.formSchema));
          const shared = keys.filter((key) => (fieldUse.get(key)?.length ?? 0) > 1);
          expect([service.code, shared.length >= 3]).toEqual([service.code, true]);
        }

        const merged: Record<string, unknown> = {};
        for (const [key, uses] of fieldUse) {
          merged[key] = structuredClone(uses[0].examples[0]);
        }
        for (const service of services) {
          const validate = ajv.compile(service.formSchema);
          const own = Object.fromEntries(
            Object.keys(propertiesOf(service.formSchema)).map((key) => [key, merged[key]]),
          );
          expect([service.code, validate(own), validate.errors ?? []]).toEqual([
            service.code,
            true,
            [],
          ]);
        }
      },
    );
  });
});
