/**
 * Workflows are data: a list of stages stored with each service version. This file is the
 * vocabulary they are written in; the engine and the validator are pure functions over it.
 */

/** What an officer may do at a human stage (API.md's one vocabulary). */
export const HUMAN_ACTIONS = [
  'accept',
  'record',
  'reject',
  'request_supplement',
  'approve',
  'deny',
  'refer_inspection',
  'record_inspection',
  'decline',
  'complete',
  'schedule',
  'record_agreement',
] as const;
export type HumanAction = (typeof HUMAN_ACTIONS)[number];

/** Automated stages, each with the outcomes its handler can report. */
export const AUTOMATED_HANDLERS = {
  completeness_check: ['complete', 'incomplete'],
  risk_screening: ['screened', 'fast_track'],
  institution_matching: ['matched', 'unmatched'],
  routing: ['routed'],
  certificate_issuance: ['issued'],
} as const;
export type AutomatedHandler = keyof typeof AUTOMATED_HANDLERS;
export type AutomatedOutcome<H extends AutomatedHandler = AutomatedHandler> =
  (typeof AUTOMATED_HANDLERS)[H][number];

/** What the enterprise does at a waiting stage. */
export const ENTERPRISE_EVENTS = ['confirm'] as const;
export type EnterpriseEvent = (typeof ENTERPRISE_EVENTS)[number];

/** Where an application ends. */
export const TERMINAL_OUTCOMES = ['COMPLETED', 'DENIED', 'REJECTED'] as const;
export type TerminalOutcome = (typeof TERMINAL_OUTCOMES)[number];

/** Wait for the enterprise to supplement, then return to the stage that asked. */
export const SUPPLEMENT = 'SUPPLEMENT';

export const RESERVED_TARGETS: readonly string[] = [...TERMINAL_OUTCOMES, SUPPLEMENT];

/** A transition chosen by a fact the workflow learned (e.g. the risk class from screening). */
export interface SwitchTarget {
  switch: string;
  cases: Record<string, string>;
  default: string;
}

/** A stage code, a terminal outcome, SUPPLEMENT, or a switch over a fact. */
export type Target = string | SwitchTarget;

export type StageRole = 'OFFICER' | 'DEPARTMENT_HEAD';

interface StageBase {
  code: string;
  name: string;
  nameEn: string;
  /** Application status while at this stage; IN_PROGRESS unless said (issuance runs APPROVED). */
  status?: 'APPROVED';
}

export interface AutomatedStage extends StageBase {
  kind: 'AUTOMATED';
  handler: AutomatedHandler;
  outcomes: Record<string, Target>;
}

export interface HumanStage extends StageBase {
  kind: 'HUMAN';
  role: StageRole;
  /** Department whose queue gets the task; the service's own department when absent. */
  departmentCode?: string;
  actions: Partial<Record<HumanAction, Target>>;
  /** How many supplement notices this stage may send (the acceptance stage: one, by law). */
  maxSupplementNotices?: number;
  /**
   * The stage's own clock: its task is due this many working days after it opens (never
   * after the application's promised deadline). Without it the task follows the promise.
   */
  workingDays?: number;
  /** Where the stage clock comes from. */
  workingDaysBasis?: string;
  /** Implied permission (默示许可): the action the stage takes by itself once the time runs out. */
  implied?: ImpliedAction;
}

export interface ImpliedAction {
  action: HumanAction;
  days: number;
  dayKind: 'CALENDAR' | 'WORKING';
  basis: string;
}

export interface WaitStage extends StageBase {
  kind: 'WAIT';
  events: Record<EnterpriseEvent, Target>;
  /** The enterprise is taken to have confirmed after this many working days. */
  autoConfirmAfterWorkingDays?: number;
}

export type Stage = AutomatedStage | HumanStage | WaitStage;

export type Archetype =
  | 'LICENCE'
  | 'FILING'
  | 'SPECIAL_BIOLOGICS_IMPORT'
  | 'CLINICAL_TRIAL_DOCKING'
  | 'VALUE_ADDED'
  | 'NATIONAL_PROXY';

export interface WorkflowDefinition {
  archetype: Archetype;
  initialStage: string;
  stages: Stage[];
}
