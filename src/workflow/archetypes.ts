import type { ImpliedPermissionSeed, WorkflowSeed } from '../catalogue/data/catalogue-seed.types';
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

const ACCEPTANCE_WORKING_DAYS = 5;

/** Acceptance: take the application in, refuse it, or ask once for everything missing. */
const acceptance = (acceptTo: string): HumanStage => ({
  code: 'acceptance',
  name: '受理',
  nameEn: 'Acceptance',
  kind: 'HUMAN',
  role: 'OFFICER',
  actions: { accept: acceptTo, reject: 'REJECTED', request_supplement: SUPPLEMENT },
  maxSupplementNotices: 1,
  workingDays: ACCEPTANCE_WORKING_DAYS,
  workingDaysBasis:
    '《中华人民共和国行政许可法》第三十二条（申请材料不齐全的，当场或者五日内一次告知需要补正的全部内容）、第八十二条（期限以工作日计算）',
});

/** Licence (most basic services): check, accept, review, optional inspection, decide, issue. */
function licence(inspection: boolean, context: ArchetypeContext): WorkflowDefinition {
  const afterDecision = context.issuesCertificate ? 'issuance' : 'COMPLETED';
  const stages: Stage[] = [
    completenessCheck('acceptance'),
    acceptance('review'),
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

/**
 * Filing (备案): complete materials are recorded by one officer and the receipt issued at once;
 * there is no review, inspection or decision to wait for.
 */
function filing(context: ArchetypeContext): WorkflowDefinition {
  return {
    archetype: 'FILING',
    initialStage: 'completeness_check',
    stages: [
      completenessCheck('record'),
      {
        code: 'record',
        name: '备案登记',
        nameEn: 'Record the filing',
        kind: 'HUMAN',
        role: 'OFFICER',
        actions: {
          record: context.issuesCertificate ? 'issuance' : 'COMPLETED',
          reject: 'REJECTED',
          request_supplement: SUPPLEMENT,
        },
        maxSupplementNotices: 1,
      },
      ...(context.issuesCertificate ? [issuance()] : []),
    ],
  };
}

/**
 * A national approval handled through the park: the park checks the dossier and files it on
 * the enterprise's behalf, then records the national authority's answer. With implied
 * permission, silence past the limit counts as approval.
 */
function nationalProxy(
  implied: ImpliedPermissionSeed | undefined,
  context: ArchetypeContext,
): WorkflowDefinition {
  return {
    archetype: 'NATIONAL_PROXY',
    initialStage: 'completeness_check',
    stages: [
      completenessCheck('guidance'),
      {
        code: 'guidance',
        name: '辅导预审与代办申报',
        nameEn: 'Guidance and filing on behalf',
        kind: 'HUMAN',
        role: 'OFFICER',
        actions: { accept: 'national_review', reject: 'REJECTED', request_supplement: SUPPLEMENT },
        maxSupplementNotices: 1,
        workingDays: ACCEPTANCE_WORKING_DAYS,
        workingDaysBasis:
          '园区服务承诺：代办事项预审同受理时限，五个工作日（参照《中华人民共和国行政许可法》第三十二条）',
      },
      {
        code: 'national_review',
        name: '国家审批结果登记',
        nameEn: "National authority's answer",
        kind: 'HUMAN',
        role: 'OFFICER',
        actions: {
          approve: context.issuesCertificate ? 'issuance' : 'COMPLETED',
          deny: 'DENIED',
          request_supplement: SUPPLEMENT,
        },
        ...(implied
          ? {
              implied: {
                action: 'approve' as const,
                days: implied.days,
                dayKind: implied.dayKind,
                basis: implied.basis,
              },
            }
          : {}),
      },
      ...(context.issuesCertificate ? [issuance()] : []),
    ],
  };
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

/**
 * Value-added service: route, handle, and the enterprise confirms the result; a service that
 * hands over a document issues it once the result is confirmed.
 */
function valueAdded(autoConfirmWorkingDays: number, context: ArchetypeContext): WorkflowDefinition {
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
        events: { confirm: context.issuesCertificate ? 'issuance' : 'COMPLETED' },
        autoConfirmAfterWorkingDays: autoConfirmWorkingDays,
      },
      ...(context.issuesCertificate ? [issuance()] : []),
    ],
  };
}

/** Expands a catalogue entry's workflow choice into the definition stored with the version. */
export function buildWorkflow(seed: WorkflowSeed, context: ArchetypeContext): WorkflowDefinition {
  switch (seed.archetype) {
    case 'LICENCE':
      return licence(seed.inspection, context);
    case 'FILING':
      return filing(context);
    case 'NATIONAL_PROXY':
      return nationalProxy(seed.impliedPermission, context);
    case 'SPECIAL_BIOLOGICS_IMPORT':
      return specialBiologicsImport();
    case 'CLINICAL_TRIAL_DOCKING':
      return clinicalTrialDocking();
    case 'VALUE_ADDED':
      return valueAdded(seed.autoConfirmWorkingDays, context);
  }
}
