import {
  HUMAN_ACTIONS,
  ImpliedAction,
  HumanAction,
  HumanStage,
  Stage,
  StageRole,
  SUPPLEMENT,
  Target,
  TerminalOutcome,
  TERMINAL_OUTCOMES,
  WorkflowDefinition,
} from './workflow.types';

export const APPLICATION_STATUSES = [
  'DRAFT',
  'IN_PROGRESS',
  'SUPPLEMENT_REQUIRED',
  'APPROVED',
  'DENIED',
  'REJECTED',
  'WITHDRAWN',
  'COMPLETED',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const FINISHED_STATUSES: readonly ApplicationStatus[] = [
  'DENIED',
  'REJECTED',
  'WITHDRAWN',
  'COMPLETED',
];

export interface WorkflowState {
  /** The current stage; while waiting for a supplement, the stage that asked. */
  stage: string;
  status: ApplicationStatus;
  /** What automated stages learned (e.g. riskClass), used by switch transitions. */
  facts: Record<string, string>;
  /** Supplement notices sent per stage. */
  supplementNotices: Record<string, number>;
}

export type WorkflowInput =
  | { kind: 'submit' }
  | { kind: 'human'; stage: string; action: HumanAction; actorRole: StageRole }
  | { kind: 'automated'; stage: string; outcome: string; facts?: Record<string, string> }
  | { kind: 'enterprise'; stage: string; event: 'confirm' }
  | { kind: 'supplemented' }
  | { kind: 'withdraw' };

export type WorkflowEffect =
  | {
      type: 'open_task';
      stage: string;
      role: StageRole;
      departmentCode: string | null;
      /** The stage's own clock, in working days from opening. */
      workingDays?: number;
      implied?: ImpliedAction;
    }
  | { type: 'run_stage'; stage: string; handler: string }
  | {
      type: 'await_enterprise';
      stage: string;
      reason: 'supplement' | 'confirmation';
      autoConfirmAfterWorkingDays?: number;
    }
  | { type: 'pause_clocks'; reason: 'SUPPLEMENT' }
  | { type: 'resume_clocks' }
  | { type: 'close_open_tasks' }
  | { type: 'finish'; outcome: TerminalOutcome | 'WITHDRAWN' };

export type WorkflowEventType =
  | 'application.submitted'
  | 'application.stage_changed'
  | 'application.supplement_requested'
  | 'application.supplemented'
  | 'application.approved'
  | 'application.denied'
  | 'application.rejected'
  | 'application.withdrawn'
  | 'application.completed';

export interface WorkflowEvent {
  type: WorkflowEventType;
  data: Record<string, unknown>;
}

export interface WorkflowStep {
  state: WorkflowState;
  effects: WorkflowEffect[];
  events: WorkflowEvent[];
}

export type WorkflowRefusalCode =
  'action-not-allowed' | 'role-not-allowed' | 'supplement-limit' | 'wrong-state';

/** An input the workflow does not accept in the current state. */
export class WorkflowRefusal extends Error {
  constructor(
    readonly code: WorkflowRefusalCode,
    message: string,
    readonly allowedActions: string[] = [],
  ) {
    super(message);
    this.name = 'WorkflowRefusal';
  }
}

const OUTCOME_EVENTS: Record<TerminalOutcome, WorkflowEventType> = {
  COMPLETED: 'application.completed',
  DENIED: 'application.denied',
  REJECTED: 'application.rejected',
};

export function stageOf(definition: WorkflowDefinition, code: string): Stage {
  const stage = definition.stages.find((candidate) => candidate.code === code);
  if (!stage) throw new Error(`Workflow has no stage "${code}"`);
  return stage;
}

/** The actions a human stage offers, in vocabulary order. */
export function allowedActionsAt(definition: WorkflowDefinition, code: string): HumanAction[] {
  const stage = stageOf(definition, code);
  // Vocabulary order, not key order: stored definitions (jsonb) do not keep their key order.
  return stage.kind === 'HUMAN' ? HUMAN_ACTIONS.filter((action) => action in stage.actions) : [];
}

/** May someone in `role` act on a stage that names `stageRole`? Heads may act on officer stages. */
export const roleMayAct = (stageRole: StageRole, role: StageRole) =>
  stageRole === role || role === 'DEPARTMENT_HEAD';

function resolve(target: Target, facts: Record<string, string>): string {
  if (typeof target === 'string') return target;
  return target.cases[facts[target.switch]] ?? target.default;
}

/**
 * The state machine: given a workflow, the current state and an input, the next state, the
 * effects to carry out (tasks, automated runs, clocks) and the events to record. Pure: it
 * reads nothing and writes nothing, so callers apply its result inside one transaction.
 */
export function advance(
  definition: WorkflowDefinition,
  state: WorkflowState,
  input: WorkflowInput,
): WorkflowStep {
  const effects: WorkflowEffect[] = [];
  const events: WorkflowEvent[] = [];
  const step = (next: WorkflowState): WorkflowStep => ({ state: next, effects, events });

  const enter = (from: WorkflowState, target: Target, via: string): WorkflowState => {
    const destination = resolve(target, from.facts);
    if (destination === SUPPLEMENT) {
      const notices = {
        ...from.supplementNotices,
        [from.stage]: (from.supplementNotices[from.stage] ?? 0) + 1,
      };
      effects.push(
        { type: 'await_enterprise', stage: from.stage, reason: 'supplement' },
        { type: 'pause_clocks', reason: 'SUPPLEMENT' },
      );
      events.push({
        type: 'application.supplement_requested',
        data: { stage: from.stage, notice: notices[from.stage] },
      });
      return { ...from, status: 'SUPPLEMENT_REQUIRED', supplementNotices: notices };
    }
    if ((TERMINAL_OUTCOMES as readonly string[]).includes(destination)) {
      const outcome = destination as TerminalOutcome;
      if (outcome === 'COMPLETED' && via === 'approve' && from.status !== 'APPROVED') {
        events.push({ type: 'application.approved', data: { stage: from.stage } });
      }
      effects.push({ type: 'finish', outcome });
      events.push({ type: OUTCOME_EVENTS[outcome], data: { stage: from.stage, via } });
      return { ...from, status: outcome };
    }
    const stage = stageOf(definition, destination);
    const status: ApplicationStatus =
      stage.status ?? (from.status === 'APPROVED' ? 'APPROVED' : 'IN_PROGRESS');
    if (stage.code !== from.stage) {
      events.push({
        type: 'application.stage_changed',
        data: { from: from.stage, to: stage.code, via },
      });
    }
    if (status === 'APPROVED' && from.status !== 'APPROVED') {
      events.push({ type: 'application.approved', data: { stage: from.stage } });
    }
    effects.push(...effectsOnEntering(stage));
    return { ...from, stage: stage.code, status };
  };

  switch (input.kind) {
    case 'submit': {
      if (state.status !== 'DRAFT')
        throw new WorkflowRefusal(
          'wrong-state',
          `Only a draft can be submitted; this one is ${state.status}`,
        );
      const initial = stageOf(definition, definition.initialStage);
      events.push({ type: 'application.submitted', data: { stage: initial.code } });
      effects.push(...effectsOnEntering(initial));
      return step({ ...state, stage: initial.code, status: initial.status ?? 'IN_PROGRESS' });
    }

    case 'human': {
      const stage = currentStage(definition, state, input.stage, 'HUMAN') as HumanStage;
      const target = stage.actions[input.action];
      if (target === undefined) {
        throw new WorkflowRefusal(
          'action-not-allowed',
          `Stage ${stage.code} does not allow "${input.action}"`,
          allowedActionsAt(definition, stage.code),
        );
      }
      if (!roleMayAct(stage.role, input.actorRole)) {
        throw new WorkflowRefusal('role-not-allowed', `Stage ${stage.code} needs a ${stage.role}`);
      }
      if (input.action === 'request_supplement' && stage.maxSupplementNotices !== undefined) {
        const sent = state.supplementNotices[stage.code] ?? 0;
        if (sent >= stage.maxSupplementNotices) {
          throw new WorkflowRefusal(
            'supplement-limit',
            `Stage ${stage.code} may send ${stage.maxSupplementNotices} supplement notice(s) and has sent ${sent}`,
            allowedActionsAt(definition, stage.code).filter(
              (action) => action !== 'request_supplement',
            ),
          );
        }
      }
      return step(enter(state, target, input.action));
    }

    case 'automated': {
      const stage = currentStage(definition, state, input.stage, 'AUTOMATED');
      if (stage.kind !== 'AUTOMATED' || !(input.outcome in stage.outcomes)) {
        throw new WorkflowRefusal(
          'action-not-allowed',
          `Stage ${input.stage} has no outcome "${input.outcome}"`,
        );
      }
      const learned = { ...state, facts: { ...state.facts, ...input.facts } };
      return step(enter(learned, stage.outcomes[input.outcome], input.outcome));
    }

    case 'enterprise': {
      const stage = currentStage(definition, state, input.stage, 'WAIT');
      if (stage.kind !== 'WAIT')
        throw new WorkflowRefusal(
          'wrong-state',
          `Stage ${stage.code} is not waiting for the enterprise`,
        );
      return step(enter(state, stage.events[input.event], input.event));
    }

    case 'supplemented': {
      if (state.status !== 'SUPPLEMENT_REQUIRED') {
        throw new WorkflowRefusal(
          'wrong-state',
          `No supplement was requested; the application is ${state.status}`,
        );
      }
      const stage = stageOf(definition, state.stage);
      effects.push({ type: 'resume_clocks' }, ...effectsOnEntering(stage));
      events.push({ type: 'application.supplemented', data: { stage: stage.code } });
      return step({ ...state, status: stage.status ?? 'IN_PROGRESS' });
    }

    case 'withdraw': {
      if (state.status !== 'IN_PROGRESS' && state.status !== 'SUPPLEMENT_REQUIRED') {
        throw new WorkflowRefusal(
          'wrong-state',
          `An application that is ${state.status} can no longer be withdrawn`,
        );
      }
      if (state.status === 'SUPPLEMENT_REQUIRED') effects.push({ type: 'resume_clocks' });
      effects.push({ type: 'close_open_tasks' }, { type: 'finish', outcome: 'WITHDRAWN' });
      events.push({ type: 'application.withdrawn', data: { stage: state.stage } });
      return step({ ...state, status: 'WITHDRAWN' });
    }
  }
}

function currentStage(
  definition: WorkflowDefinition,
  state: WorkflowState,
  expected: string,
  kind: Stage['kind'],
): Stage {
  const acting = state.status === 'IN_PROGRESS' || state.status === 'APPROVED';
  if (!acting || state.stage !== expected) {
    throw new WorkflowRefusal(
      'wrong-state',
      `The application is ${state.status} at stage ${state.stage}, not in progress at ${expected}`,
    );
  }
  const stage = stageOf(definition, state.stage);
  if (stage.kind !== kind)
    throw new WorkflowRefusal('wrong-state', `Stage ${stage.code} is ${stage.kind}, not ${kind}`);
  return stage;
}

function effectsOnEntering(stage: Stage): WorkflowEffect[] {
  switch (stage.kind) {
    case 'HUMAN':
      return [
        {
          type: 'open_task',
          stage: stage.code,
          role: stage.role,
          departmentCode: stage.departmentCode ?? null,
          ...(stage.workingDays ? { workingDays: stage.workingDays } : {}),
          ...(stage.implied ? { implied: stage.implied } : {}),
        },
      ];
    case 'AUTOMATED':
      return [{ type: 'run_stage', stage: stage.code, handler: stage.handler }];
    case 'WAIT':
      return [
        {
          type: 'await_enterprise',
          stage: stage.code,
          reason: 'confirmation',
          autoConfirmAfterWorkingDays: stage.autoConfirmAfterWorkingDays,
        },
      ];
  }
}

export const initialState = (): WorkflowState => ({
  stage: '',
  status: 'DRAFT',
  facts: {},
  supplementNotices: {},
});
