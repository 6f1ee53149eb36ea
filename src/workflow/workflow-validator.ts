import {
  AUTOMATED_HANDLERS,
  ENTERPRISE_EVENTS,
  HUMAN_ACTIONS,
  RESERVED_TARGETS,
  Stage,
  SUPPLEMENT,
  Target,
  TERMINAL_OUTCOMES,
  WorkflowDefinition,
} from './workflow.types';

export interface WorkflowProblem {
  stage: string | null;
  /** The action, outcome or event whose transition is at fault. */
  action?: string;
  message: string;
}

/** Every transition of a stage: [action/outcome/event name, target]. */
export function transitionsOf(stage: Stage): [string, Target][] {
  switch (stage.kind) {
    case 'AUTOMATED':
      return Object.entries(stage.outcomes);
    case 'HUMAN':
      return Object.entries(stage.actions) as [string, Target][];
    case 'WAIT':
      return Object.entries(stage.events);
  }
}

/** Every concrete destination a target can lead to. */
export function destinationsOf(target: Target): string[] {
  return typeof target === 'string'
    ? [target]
    : [...new Set([...Object.values(target.cases), target.default])];
}

function checkStageShape(stage: Stage, problems: WorkflowProblem[]): void {
  const at = (message: string, action?: string) =>
    problems.push(
      action === undefined
        ? { stage: stage.code, message }
        : { stage: stage.code, action, message },
    );
  if (!/^[a-z][a-z0-9_]*$/.test(stage.code))
    at(`stage code "${stage.code}" must be lower_snake_case`);
  if (!stage.name || !stage.nameEn) at('needs a name in Chinese and English');
  switch (stage.kind) {
    case 'HUMAN': {
      if (stage.role !== 'OFFICER' && stage.role !== 'DEPARTMENT_HEAD')
        at('a human stage must name the role that acts');
      const actions = Object.keys(stage.actions);
      if (actions.length === 0) at('a human stage needs at least one action');
      for (const action of actions) {
        if (!(HUMAN_ACTIONS as readonly string[]).includes(action))
          at(`unknown action "${action}"`, action);
      }
      if (stage.maxSupplementNotices !== undefined && !stage.actions.request_supplement) {
        at('limits supplement notices but does not allow request_supplement');
      }
      if (
        stage.workingDays !== undefined &&
        (!Number.isInteger(stage.workingDays) || stage.workingDays < 1)
      )
        at('a stage clock counts a whole number of working days, at least 1');
      if (stage.implied !== undefined) {
        const { action, days, dayKind } = stage.implied;
        if (!(action in stage.actions))
          at(`the implied action "${action}" is not an action of the stage`, action);
        if (action === 'request_supplement')
          at('an implied action cannot ask for supplements', action);
        if (!Number.isInteger(days) || days < 1)
          at('an implied action waits a whole number of days, at least 1');
        if (dayKind !== 'CALENDAR' && dayKind !== 'WORKING')
          at('an implied action counts CALENDAR or WORKING days');
      }
      break;
    }
    case 'AUTOMATED': {
      const expected: readonly string[] = AUTOMATED_HANDLERS[stage.handler] ?? [];
      if (!(stage.handler in AUTOMATED_HANDLERS)) {
        at(
          `an automated stage must name a known handler (${Object.keys(AUTOMATED_HANDLERS).join(', ')})`,
        );
        break;
      }
      for (const outcome of expected) {
        if (!(outcome in stage.outcomes))
          at(`handler ${stage.handler} can report "${outcome}" but it leads nowhere`, outcome);
      }
      for (const outcome of Object.keys(stage.outcomes)) {
        if (!expected.includes(outcome))
          at(`handler ${stage.handler} never reports "${outcome}"`, outcome);
      }
      break;
    }
    case 'WAIT':
      for (const event of ENTERPRISE_EVENTS) {
        if (!(event in stage.events)) at(`a waiting stage must say where "${event}" leads`, event);
      }
      break;
    default:
      problems.push({
        stage: (stage as Stage).code ?? null,
        message: `unknown stage kind "${(stage as { kind: string }).kind}"`,
      });
  }
}

/**
 * Checks a workflow before it may be published: known vocabulary, every transition targets an
 * existing stage or outcome, every stage is reachable and can still reach an outcome.
 */
export function validateWorkflow(definition: WorkflowDefinition): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const stages = new Map<string, Stage>();
  for (const stage of definition.stages ?? []) {
    if (stages.has(stage.code))
      problems.push({ stage: stage.code, message: 'duplicate stage code' });
    if (RESERVED_TARGETS.includes(stage.code))
      problems.push({ stage: stage.code, message: 'uses a reserved name' });
    stages.set(stage.code, stage);
    checkStageShape(stage, problems);
  }
  if (!stages.has(definition.initialStage)) {
    problems.push({
      stage: null,
      message: `initial stage "${definition.initialStage}" does not exist`,
    });
    return problems;
  }

  for (const stage of stages.values()) {
    for (const [action, target] of transitionsOf(stage)) {
      for (const destination of destinationsOf(target)) {
        if (destination === SUPPLEMENT && stage.kind === 'WAIT') {
          problems.push({
            stage: stage.code,
            action,
            message: 'a waiting stage cannot ask for supplements',
          });
        } else if (!stages.has(destination) && !RESERVED_TARGETS.includes(destination)) {
          problems.push({
            stage: stage.code,
            action,
            message: `leads to unknown stage "${destination}"`,
          });
        }
      }
    }
  }

  const edges = (code: string) =>
    transitionsOf(stages.get(code)!)
      .flatMap(([, target]) => destinationsOf(target))
      .filter((destination) => stages.has(destination));

  const reachable = new Set<string>([definition.initialStage]);
  for (const queue = [definition.initialStage]; queue.length > 0;) {
    for (const next of edges(queue.pop()!)) {
      if (!reachable.has(next)) {
        reachable.add(next);
        queue.push(next);
      }
    }
  }
  for (const code of stages.keys()) {
    if (!reachable.has(code))
      problems.push({ stage: code, message: 'cannot be reached from the initial stage' });
  }

  // Stages that can end: those with a transition to an outcome, then everything leading to them.
  const canEnd = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const stage of stages.values()) {
      if (canEnd.has(stage.code)) continue;
      const ends = transitionsOf(stage).some(([, target]) =>
        destinationsOf(target).some(
          (destination) =>
            (TERMINAL_OUTCOMES as readonly string[]).includes(destination) ||
            canEnd.has(destination),
        ),
      );
      if (ends) {
        canEnd.add(stage.code);
        changed = true;
      }
    }
  }
  for (const code of stages.keys()) {
    if (!canEnd.has(code))
      problems.push({ stage: code, message: 'is a dead end: no path from it reaches an outcome' });
  }
  return problems;
}
