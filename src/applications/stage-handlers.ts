import type { ServiceDefinition } from '../catalogue/service-definition';
import type { Application, SupplementItem } from './application.entity';
import { assessCompleteness, AttachedMaterial } from './completeness';

export interface StageResult {
  outcome: string;
  facts?: Record<string, string>;
  supplementItems?: SupplementItem[];
  eventData?: Record<string, unknown>;
}

export interface TrialInstitution {
  id: string;
  code: string;
  name: string;
  specialties: string[];
  /** Specialties in which the institution has GCP-filed trial wards. */
  gcpSpecialties: string[];
  indications: string[];
  /** Trials it can take at once, and those offered to or accepted by it now. */
  capacity: number;
  load: number;
}

const RISK_ORDER = ['A', 'B', 'C', 'D'];
/** The least the article category implies, whatever was declared (customs special-article classes). */
const CATEGORY_RISK_FLOOR: Record<string, string> = {
  MICROORGANISM: 'B',
  HUMAN_TISSUE: 'C',
  BLOOD_PRODUCT: 'C',
  BIOLOGICAL_PRODUCT: 'D',
};

export function completenessCheck(
  definition: ServiceDefinition,
  application: Application,
  attached: AttachedMaterial[],
): StageResult {
  const report = assessCompleteness(definition, application.form, attached);
  return report.complete
    ? { outcome: 'complete', eventData: { requiredMaterialTypes: report.requiredMaterialTypes } }
    : { outcome: 'incomplete', supplementItems: report.items };
}

/** Class A-D from the declared class and the article category (the stricter wins); D is fast-tracked. */
export function riskScreening(application: Application): StageResult {
  const declared = String(application.form['article.riskClass'] ?? 'A');
  const floor = CATEGORY_RISK_FLOOR[String(application.form['article.category'])] ?? 'A';
  const riskClass =
    RISK_ORDER[
      Math.min(
        RISK_ORDER.indexOf(declared) < 0 ? 0 : RISK_ORDER.indexOf(declared),
        RISK_ORDER.indexOf(floor),
      )
    ];
  return {
    outcome: riskClass === 'D' ? 'fast_track' : 'screened',
    facts: { riskClass },
    eventData: { riskClass, declared, biosafetyEvaluation: riskClass === 'A' || riskClass === 'B' },
  };
}

/**
 * Ranks registered trial institutions for the trial: the specialty must match; GCP-filed wards
 * in it, a matching indication and the enterprise's preference add weight; institutions with
 * room come before full ones, and the less loaded first among equals. Those that declined are out.
 */
export function institutionMatching(
  application: Application,
  institutions: TrialInstitution[],
): StageResult {
  const specialty = String(application.form['clinical.specialty'] ?? '');
  const indication = String(application.form['trial.indication'] ?? '');
  const preferred = (application.form['trial.preferredInstitutions'] as string[] | undefined) ?? [];
  const ranked = institutions
    .filter((institution) => !application.matching.declined.includes(institution.id))
    .filter((institution) => institution.specialties.includes(specialty))
    .map((institution) => ({
      institution,
      full: institution.load >= institution.capacity,
      score:
        2 +
        (institution.gcpSpecialties.includes(specialty) ? 2 : 0) +
        (institution.indications.some((keyword) => indication.includes(keyword)) ? 1 : 0) +
        (preferred.includes(institution.name) ? 1 : 0),
    }))
    .sort(
      (a, b) =>
        Number(a.full) - Number(b.full) ||
        b.score - a.score ||
        a.institution.load / a.institution.capacity - b.institution.load / b.institution.capacity ||
        a.institution.code.localeCompare(b.institution.code),
    );
  if (ranked.length === 0)
    return { outcome: 'unmatched', eventData: { excluded: application.matching.declined } };
  const best = ranked[0];
  return {
    outcome: 'matched',
    facts: { institutionId: best.institution.id },
    eventData: {
      institution: {
        id: best.institution.id,
        code: best.institution.code,
        name: best.institution.name,
        score: best.score,
      },
      ranking: ranked.map(({ institution, score }) => ({
        code: institution.code,
        score,
        load: institution.load,
        capacity: institution.capacity,
      })),
      excluded: application.matching.declined,
    },
  };
}

export const routing = (definition: ServiceDefinition): StageResult => ({
  outcome: 'routed',
  eventData: { departmentCode: definition.departmentCode },
});
