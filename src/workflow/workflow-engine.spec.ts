import { buildWorkflow } from './archetypes';
import { advance, initialState, WorkflowRefusal, WorkflowState } from './workflow-engine';
import { WorkflowDefinition } from './workflow.types';

const licence = buildWorkflow(
  { archetype: 'LICENCE', inspection: true },
  { issuesCertificate: true },
);
const biologics = buildWorkflow(
  { archetype: 'SPECIAL_BIOLOGICS_IMPORT' },
  { issuesCertificate: true },
);
const docking = buildWorkflow(
  { archetype: 'CLINICAL_TRIAL_DOCKING' },
  { issuesCertificate: false },
);
const valueAdded = buildWorkflow(
  { archetype: 'VALUE_ADDED', autoConfirmWorkingDays: 5 },
  { issuesCertificate: false },
);

function refusal(run: () => unknown): WorkflowRefusal {
  try {
    run();
  } catch (error) {
    if (error instanceof WorkflowRefusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Runs inputs in order and returns every step's state, effects and events. */
function journey(
  definition: WorkflowDefinition,
  inputs: Parameters<typeof advance>[2][],
  start: WorkflowState = initialState(),
) {
  let state = start;
  return inputs.map((input) => {
    const step = advance(definition, state, input);
    state = step.state;
    return step;
  });
}

describe('workflow engine', () => {
  it("takes a licence from submission through inspection and a head's decision to issuance", () => {
    const steps = journey(licence, [
      { kind: 'submit' },
      { kind: 'automated', stage: 'completeness_check', outcome: 'complete' },
      { kind: 'human', stage: 'acceptance', action: 'accept', actorRole: 'OFFICER' },
      { kind: 'human', stage: 'review', action: 'refer_inspection', actorRole: 'OFFICER' },
      { kind: 'human', stage: 'inspection', action: 'record_inspection', actorRole: 'OFFICER' },
      { kind: 'human', stage: 'decision', action: 'approve', actorRole: 'DEPARTMENT_HEAD' },
      { kind: 'automated', stage: 'issuance', outcome: 'issued' },
    ]);
    expect(steps.map((step) => [step.state.stage, step.state.status])).toEqual([
      ['completeness_check', 'IN_PROGRESS'],
      ['acceptance', 'IN_PROGRESS'],
      ['review', 'IN_PROGRESS'],
      ['inspection', 'IN_PROGRESS'],
      ['decision', 'IN_PROGRESS'],
      ['issuance', 'APPROVED'],
      ['issuance', 'COMPLETED'],
    ]);
    expect(steps[0].effects).toEqual([
      { type: 'run_stage', stage: 'completeness_check', handler: 'completeness_check' },
    ]);
    expect(steps[1].effects).toEqual([
      {
        type: 'open_task',
        stage: 'acceptance',
        role: 'OFFICER',
        departmentCode: null,
        workingDays: 5,
      },
    ]);
    expect(steps[4].effects).toEqual([
      { type: 'open_task', stage: 'decision', role: 'DEPARTMENT_HEAD', departmentCode: null },
    ]);
    expect(steps[5].events.map((event) => event.type)).toEqual([
      'application.stage_changed',
      'application.approved',
    ]);
    expect(steps[6].effects).toEqual([{ type: 'finish', outcome: 'COMPLETED' }]);
    expect(steps[6].events.map((event) => event.type)).toEqual(['application.completed']);
  });

  it('allows one supplement notice at acceptance and returns to the stage that asked', () => {
    const [, , asked, answered] = journey(licence, [
      { kind: 'submit' },
      { kind: 'automated', stage: 'completeness_check', outcome: 'complete' },
      { kind: 'human', stage: 'acceptance', action: 'request_supplement', actorRole: 'OFFICER' },
      { kind: 'supplemented' },
    ]);
    expect(asked.state).toMatchObject({
      stage: 'acceptance',
      status: 'SUPPLEMENT_REQUIRED',
      supplementNotices: { acceptance: 1 },
    });
    expect(asked.effects).toEqual([
      { type: 'await_enterprise', stage: 'acceptance', reason: 'supplement' },
      { type: 'pause_clocks', reason: 'SUPPLEMENT' },
    ]);
    expect(answered.state).toMatchObject({ stage: 'acceptance', status: 'IN_PROGRESS' });
    expect(answered.effects).toEqual([
      { type: 'resume_clocks' },
      {
        type: 'open_task',
        stage: 'acceptance',
        role: 'OFFICER',
        departmentCode: null,
        workingDays: 5,
      },
    ]);

    const second = refusal(() =>
      advance(licence, answered.state, {
        kind: 'human',
        stage: 'acceptance',
        action: 'request_supplement',
        actorRole: 'OFFICER',
      }),
    );
    expect(second.code).toBe('supplement-limit');
    expect(second.allowedActions).toEqual(['accept', 'reject']);

    const atReview = advance(licence, answered.state, {
      kind: 'human',
      stage: 'acceptance',
      action: 'accept',
      actorRole: 'OFFICER',
    });
    const reviewAsks = advance(licence, atReview.state, {
      kind: 'human',
      stage: 'review',
      action: 'request_supplement',
      actorRole: 'OFFICER',
    });
    expect(reviewAsks.state.status).toBe('SUPPLEMENT_REQUIRED');
  });

  it('sends an incomplete filing back to the enterprise from the completeness check', () => {
    const [, incomplete, answered] = journey(licence, [
      { kind: 'submit' },
      { kind: 'automated', stage: 'completeness_check', outcome: 'incomplete' },
      { kind: 'supplemented' },
    ]);
    expect(incomplete.state.status).toBe('SUPPLEMENT_REQUIRED');
    expect(answered.effects).toContainEqual({
      type: 'run_stage',
      stage: 'completeness_check',
      handler: 'completeness_check',
    });
  });

  it('lists the allowed actions when an action does not fit the stage', () => {
    const [, atAcceptance] = journey(licence, [
      { kind: 'submit' },
      { kind: 'automated', stage: 'completeness_check', outcome: 'complete' },
    ]);
    const wrong = refusal(() =>
      advance(licence, atAcceptance.state, {
        kind: 'human',
        stage: 'acceptance',
        action: 'approve',
        actorRole: 'OFFICER',
      }),
    );
    expect(wrong.code).toBe('action-not-allowed');
    expect(wrong.allowedActions).toEqual(['accept', 'reject', 'request_supplement']);
  });

  it('needs a department head at the decision, and lets heads act on officer stages', () => {
    const steps = journey(licence, [
      { kind: 'submit' },
      { kind: 'automated', stage: 'completeness_check', outcome: 'complete' },
      { kind: 'human', stage: 'acceptance', action: 'accept', actorRole: 'DEPARTMENT_HEAD' },
      { kind: 'human', stage: 'review', action: 'deny', actorRole: 'OFFICER' },
    ]);
    const atDecision = steps[3].state;
    expect(
      refusal(() =>
        advance(licence, atDecision, {
          kind: 'human',
          stage: 'decision',
          action: 'deny',
          actorRole: 'OFFICER',
        }),
      ).code,
    ).toBe('role-not-allowed');
    const denied = advance(licence, atDecision, {
      kind: 'human',
      stage: 'decision',
      action: 'deny',
      actorRole: 'DEPARTMENT_HEAD',
    });
    expect(denied.state.status).toBe('DENIED');
    expect(denied.events.map((event) => event.type)).toEqual(['application.denied']);
  });

  it('ignores stale automated results: a second delivery of the same job is refused', () => {
    const [submitted, checked] = journey(licence, [
      { kind: 'submit' },
      { kind: 'automated', stage: 'completeness_check', outcome: 'complete' },
    ]);
    expect(submitted.state.stage).toBe('completeness_check');
    expect(
      refusal(() =>
        advance(licence, checked.state, {
          kind: 'automated',
          stage: 'completeness_check',
          outcome: 'complete',
        }),
      ).code,
    ).toBe('wrong-state');
  });

  it('sends risk class A through the biosafety evaluation and fast-tracks class D to the decision', () => {
    const classA = journey(biologics, [
      { kind: 'submit' },
      { kind: 'automated', stage: 'completeness_check', outcome: 'complete' },
      {
        kind: 'automated',
        stage: 'risk_screening',
        outcome: 'screened',
        facts: { riskClass: 'A' },
      },
      { kind: 'human', stage: 'customs_review', action: 'approve', actorRole: 'OFFICER' },
      { kind: 'human', stage: 'biosafety_evaluation', action: 'approve', actorRole: 'OFFICER' },
    ]);
    expect(classA.map((step) => step.state.stage)).toEqual([
      'completeness_check',
      'risk_screening',
      'customs_review',
      'biosafety_evaluation',
      'decision',
    ]);
    const classC = journey(biologics, [
      { kind: 'submit' },
      { kind: 'automated', stage: 'completeness_check', outcome: 'complete' },
      {
        kind: 'automated',
        stage: 'risk_screening',
        outcome: 'screened',
        facts: { riskClass: 'C' },
      },
      { kind: 'human', stage: 'customs_review', action: 'approve', actorRole: 'OFFICER' },
    ]);
    expect(classC[3].state.stage).toBe('decision');
    const classD = journey(biologics, [
      { kind: 'submit' },
      { kind: 'automated', stage: 'completeness_check', outcome: 'complete' },
      {
        kind: 'automated',
        stage: 'risk_screening',
        outcome: 'fast_track',
        facts: { riskClass: 'D' },
      },
    ]);
    expect(classD[2].state).toMatchObject({ stage: 'decision', facts: { riskClass: 'D' } });
  });

  it('re-matches a clinical trial when the hospital declines', () => {
    const steps = journey(docking, [
      { kind: 'submit' },
      { kind: 'automated', stage: 'matching', outcome: 'matched' },
      { kind: 'human', stage: 'hospital_review', action: 'decline', actorRole: 'OFFICER' },
      { kind: 'automated', stage: 'matching', outcome: 'matched' },
      { kind: 'human', stage: 'hospital_review', action: 'accept', actorRole: 'OFFICER' },
      { kind: 'human', stage: 'ethics_scheduling', action: 'schedule', actorRole: 'OFFICER' },
      { kind: 'human', stage: 'agreement', action: 'record_agreement', actorRole: 'OFFICER' },
    ]);
    expect(steps[2].effects).toEqual([
      { type: 'run_stage', stage: 'matching', handler: 'institution_matching' },
    ]);
    expect(steps[6].state.status).toBe('COMPLETED');
    const unmatched = advance(docking, steps[2].state, {
      kind: 'automated',
      stage: 'matching',
      outcome: 'unmatched',
    });
    expect(unmatched.state.status).toBe('DENIED');
  });

  it('waits for the enterprise to confirm a value-added result', () => {
    const steps = journey(valueAdded, [
      { kind: 'submit' },
      { kind: 'automated', stage: 'routing', outcome: 'routed' },
      { kind: 'human', stage: 'handling', action: 'complete', actorRole: 'OFFICER' },
      { kind: 'enterprise', stage: 'confirmation', event: 'confirm' },
    ]);
    expect(steps[2].effects).toEqual([
      {
        type: 'await_enterprise',
        stage: 'confirmation',
        reason: 'confirmation',
        autoConfirmAfterWorkingDays: 5,
      },
    ]);
    expect(steps[3].state.status).toBe('COMPLETED');
  });

  it('withdraws while undecided, never after approval', () => {
    const [, waiting] = journey(licence, [
      { kind: 'submit' },
      { kind: 'automated', stage: 'completeness_check', outcome: 'incomplete' },
    ]);
    const withdrawn = advance(licence, waiting.state, { kind: 'withdraw' });
    expect(withdrawn.state.status).toBe('WITHDRAWN');
    expect(withdrawn.effects).toEqual([
      { type: 'resume_clocks' },
      { type: 'close_open_tasks' },
      { type: 'finish', outcome: 'WITHDRAWN' },
    ]);
    const approved: WorkflowState = {
      stage: 'issuance',
      status: 'APPROVED',
      facts: {},
      supplementNotices: {},
    };
    expect(refusal(() => advance(licence, approved, { kind: 'withdraw' })).code).toBe(
      'wrong-state',
    );
    expect(refusal(() => advance(licence, withdrawn.state, { kind: 'submit' })).code).toBe(
      'wrong-state',
    );
  });
});
