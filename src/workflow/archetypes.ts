import type { WorkflowSeed } from '../catalogue/data/catalogue-seed.types';
import { HumanStage, Stage, SUPPLEMENT, WorkflowDefinition } from './workflow.types';

export interface ArchetypeContext {
  /** The service issues a certificate or result document on approval. */
  issuesCertificate: boolean;
}

const completenessCheck = (next: string): Stage => ({
  code: 'completeness_check',
  name: '材料完整性检查',
  nameEn: 'Completeness check',
  kind: 'AUTOMATED',
  handler: 'completeness_check',
  outcomes: { complete: next, incomplete: SUPPLEMENT },
});

const decision = (approveTo: string): HumanStage => ({
  code: 'decision',
  name: '审批决定',
  nameEn: 'Decision',
  kind: 'HUMAN',
  role: 'DEPARTMENT_HEAD',
  actions: { approve: approveTo, deny: 'DENIED' },
});

const issuance = (): Stage => ({
  code: 'issuance',
  name: '制证发证',
  nameEn: 'Certificate issuance',
  kind: 'AUTOMATED',
  handler: 'certificate_issuance',
  status: 'APPROVED',
  outcomes: { issued: 'COMPLETED' },
});

/** Licence (most basic services): check, accept, review, optional inspection, decide, issue. */
function licence(inspection: boolean, context: ArchetypeContext): WorkflowDefinition {
  const afterDecision = context.issuesCertificate ? 'issuance' : 'COMPLETED';
  const stages: Stage[] = [
    completenessCheck('acceptance'),
    {
      code: 'acceptance',
      name: '受理',
      nameEn: 'Acceptance',
      kind: 'HUMAN',
      role: 'OFFICER',
      actions: { accept: 'review', reject: 'REJECTED', request_supplement: SUPPLEMENT },
      // Administrative Licensing Law art. 32: everything to supplement is told at once.
      maxSupplementNotices: 1,
    },
    {
      code: 'review',
      name: '审查',
      nameEn: 'Review',
      kind: 'HUMAN',
      role: 'OFFICER',
      actions: {
        approve: 'decision',
        deny: 'decision',
        request_supplement: SUPPLEMENT,
        ...(inspection ? { refer_inspection: 'inspection' } : {}),
      },
    },
    ...(inspection
      ? [
          {
            code: 'inspection',
            name: '现场核查',
            nameEn: 'On-site inspection',
            kind: 'HUMAN',
            role: 'OFFICER',
            actions: { record_inspection: 'decision', request_supplement: SUPPLEMENT },
          } satisfies Stage,
        ]
      : []),
    decision(afterDecision),
    ...(context.issuesCertificate ? [issuance()] : []),
  ];
  return { archetype: 'LICENCE', initialStage: 'completeness_check', stages };
}

/** Special-biologics import: risk class A/B need a biosafety evaluation; class D is fast-tracked to the decision. */
function specialBiologicsImport(): WorkflowDefinition {
  return {
    archetype: 'SPECIAL_BIOLOGICS_IMPORT',
    initialStage: 'completeness_check',
    stages: [
      completenessCheck('risk_screening'),
      {
        code: 'risk_screening',
        name: '风险评估分级',
        nameEn: 'Risk screening',
        kind: 'AUTOMATED',
        handler: 'risk_screening',
        outcomes: { screened: 'customs_review', fast_track: 'decision' },
      },
      {
        code: 'customs_review',
        name: '海关审查',
        nameEn: 'Customs review',
        kind: 'HUMAN',
        role: 'OFFICER',
        actions: {
          approve: {
            switch: 'riskClass',
            cases: { A: 'biosafety_evaluation', B: 'biosafety_evaluation' },
            default: 'decision',
          },
          deny: 'decision',
          reject: 'REJECTED',
          request_supplement: SUPPLEMENT,
        },
        maxSupplementNotices: 1,
      },
      {
        code: 'biosafety_evaluation',
        name: '生物安全评估',
        nameEn: 'Biosafety evaluation',
        kind: 'HUMAN',
        role: 'OFFICER',
        actions: { approve: 'decision', deny: 'decision', request_supplement: SUPPLEMENT },
      },
      decision('issuance'),
      issuance(),
    ],
  };
}

/** Clinical-trial docking: match, hospital review (a decline re-matches), ethics scheduling, agreement. */
function clinicalTrialDocking(): WorkflowDefinition {
  return {
    archetype: 'CLINICAL_TRIAL_DOCKING',
    initialStage: 'matching',
    stages: [
      {
        code: 'matching',
        name: '机构匹配',
        nameEn: 'Institution matching',
        kind: 'AUTOMATED',
        handler: 'institution_matching',
        outcomes: { matched: 'hospital_review', unmatched: 'DENIED' },
      },
      {
        code: 'hospital_review',
        name: '医院评估',
        nameEn: 'Hospital review',
        kind: 'HUMAN',
        role: 'OFFICER',
        actions: {
          accept: 'ethics_scheduling',
          decline: 'matching',
          request_supplement: SUPPLEMENT,
        },
      },
      {
        code: 'ethics_scheduling',
        name: '伦理审查排期',
        nameEn: 'Ethics review scheduling',
        kind: 'HUMAN',
        role: 'OFFICER',
        actions: { schedule: 'agreement' },
      },
      {
        code: 'agreement',
        name: '协议签署',
        nameEn: 'Agreement',
        kind: 'HUMAN',
        role: 'OFFICER',
        actions: { record_agreement: 'COMPLETED' },
      },
    ],
  };
}

/** Value-added service: route, handle, and the enterprise confirms the result. */
function valueAdded(autoConfirmWorkingDays: number): WorkflowDefinition {
  return {
    archetype: 'VALUE_ADDED',
    initialStage: 'routing',
    stages: [
      {
        code: 'routing',
        name: '分派',
        nameEn: 'Routing',
        kind: 'AUTOMATED',
        handler: 'routing',
        outcomes: { routed: 'handling' },
      },
      {
        code: 'handling',
        name: '办理',
        nameEn: 'Handling',
        kind: 'HUMAN',
        role: 'OFFICER',
        actions: { complete: 'confirmation', decline: 'REJECTED', request_supplement: SUPPLEMENT },
      },
      {
        code: 'confirmation',
        name: '企业确认',
        nameEn: 'Enterprise confirmation',
        kind: 'WAIT',
        events: { confirm: 'COMPLETED' },
        autoConfirmAfterWorkingDays: autoConfirmWorkingDays,
      },
    ],
  };
}

/** Expands a catalogue entry's workflow choice into the definition stored with the version. */
export function buildWorkflow(seed: WorkflowSeed, context: ArchetypeContext): WorkflowDefinition {
  switch (seed.archetype) {
    case 'LICENCE':
      return licence(seed.inspection, context);
    case 'SPECIAL_BIOLOGICS_IMPORT':
      return specialBiologicsImport();
    case 'CLINICAL_TRIAL_DOCKING':
      return clinicalTrialDocking();
    case 'VALUE_ADDED':
      return valueAdded(seed.autoConfirmWorkingDays);
  }
}
