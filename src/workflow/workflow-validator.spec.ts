import { ALL_SERVICES } from '../catalogue/data';
import { buildWorkflow } from './archetypes';
import { validateWorkflow } from './workflow-validator';
import { WorkflowDefinition } from './workflow.types';

const licence = () =>
  buildWorkflow({ archetype: 'LICENCE', inspection: true }, { issuesCertificate: true });

describe('validateWorkflow', () => {
  it.each(ALL_SERVICES.map((service) => [service.code, service] as const))(
    'accepts the workflow of %s',
    (_code, service) => {
      const definition = buildWorkflow(service.workflow, {
        issuesCertificate: service.certificate !== null,
      });
      expect(validateWorkflow(definition)).toEqual([]);
    },
  );

  it.each([
    [
      'LICENCE without inspection',
      buildWorkflow({ archetype: 'LICENCE', inspection: false }, { issuesCertificate: false }),
    ],
    [
      'VALUE_ADDED',
      buildWorkflow(
        { archetype: 'VALUE_ADDED', autoConfirmWorkingDays: 5 },
        { issuesCertificate: false },
      ),
    ],
  ])('accepts the %s archetype', (_name, definition) => {
    expect(validateWorkflow(definition)).toEqual([]);
  });

  it('refuses an implied action the stage does not offer, and a stage clock of no days', () => {
    const definition = buildWorkflow(
      {
        archetype: 'NATIONAL_PROXY',
        impliedPermission: {
          days: 60,
          dayKind: 'CALENDAR',
          basis: '《药品注册管理办法》第二十三条',
        },
      },
      { issuesCertificate: false },
    );
    expect(validateWorkflow(definition)).toEqual([]);
    const review = definition.stages.find((stage) => stage.code === 'national_review')!;
    const guidance = definition.stages.find((stage) => stage.code === 'guidance')!;
    if (review.kind !== 'HUMAN' || guidance.kind !== 'HUMAN') throw new Error('human stages');
    review.implied = { ...review.implied!, action: 'record' };
    guidance.workingDays = 0;
    expect(validateWorkflow(definition)).toEqual(
      expect.arrayContaining([
        {
          stage: 'national_review',
          action: 'record',
          message: 'the implied action "record" is not an action of the stage',
        },
        {
          stage: 'guidance',
          message: 'a stage clock counts a whole number of working days, at least 1',
        },
      ]),
    );
  });

  it('names the stage and action of an unknown target', () => {
    const definition = licence();
    const review = definition.stages.find((stage) => stage.code === 'review')!;
    if (review.kind !== 'HUMAN') throw new Error('review is human');
    review.actions.approve = 'final_signoff';
    expect(validateWorkflow(definition)).toContainEqual({
      stage: 'review',
      action: 'approve',
      message: 'leads to unknown stage "final_signoff"',
    });
  });

  it('finds a dead end: stages that loop without reaching an outcome', () => {
    const definition: WorkflowDefinition = {
      archetype: 'LICENCE',
      initialStage: 'acceptance',
      stages: [
        {
          code: 'acceptance',
          name: '受理',
          nameEn: 'Acceptance',
          kind: 'HUMAN',
          role: 'OFFICER',
          actions: { accept: 'review', reject: 'REJECTED' },
        },
        {
          code: 'review',
          name: '审查',
          nameEn: 'Review',
          kind: 'HUMAN',
          role: 'OFFICER',
          actions: { approve: 'recheck' },
        },
        {
          code: 'recheck',
          name: '复核',
          nameEn: 'Recheck',
          kind: 'HUMAN',
          role: 'OFFICER',
          actions: { approve: 'review' },
        },
      ],
    };
    expect(validateWorkflow(definition)).toEqual([
      { stage: 'review', message: 'is a dead end: no path from it reaches an outcome' },
      { stage: 'recheck', message: 'is a dead end: no path from it reaches an outcome' },
    ]);
  });

  it('checks a switch transition in every branch', () => {
    const definition = buildWorkflow(
      { archetype: 'SPECIAL_BIOLOGICS_IMPORT' },
      { issuesCertificate: true },
    );
    const review = definition.stages.find((stage) => stage.code === 'customs_review')!;
    if (review.kind !== 'HUMAN') throw new Error('customs review is human');
    review.actions.approve = {
      switch: 'riskClass',
      cases: { A: 'lab_audit' },
      default: 'decision',
    };
    expect(validateWorkflow(definition)).toEqual([
      { stage: 'customs_review', action: 'approve', message: 'leads to unknown stage "lab_audit"' },
      { stage: 'biosafety_evaluation', message: 'cannot be reached from the initial stage' },
    ]);
  });

  it('requires human stages to name a role and automated stages a handler with every outcome', () => {
    const definition = licence();
    const acceptance = definition.stages.find((stage) => stage.code === 'acceptance')!;
    delete (acceptance as { role?: string }).role;
    const check = definition.stages.find((stage) => stage.code === 'completeness_check')!;
    if (check.kind !== 'AUTOMATED') throw new Error('completeness check is automated');
    delete (check.outcomes as Record<string, unknown>).incomplete;
    const issuance = definition.stages.find((stage) => stage.code === 'issuance')!;
    (issuance as { handler: string }).handler = 'print_certificate';

    const problems = validateWorkflow(definition);
    expect(problems).toContainEqual({
      stage: 'acceptance',
      message: 'a human stage must name the role that acts',
    });
    expect(problems).toContainEqual({
      stage: 'completeness_check',
      action: 'incomplete',
      message: 'handler completeness_check can report "incomplete" but it leads nowhere',
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        stage: 'issuance',
        message: expect.stringMatching(/must name a known handler/),
      }),
    );
  });

  it('rejects unknown actions, duplicate and reserved codes, and a missing initial stage', () => {
    const definition = licence();
    const review = definition.stages.find((stage) => stage.code === 'review')!;
    (review as { actions: Record<string, string> }).actions.escalate = 'decision';
    definition.stages.push({ ...definition.stages[0] });
    definition.stages.push({
      code: 'COMPLETED',
      name: '办结',
      nameEn: 'Done',
      kind: 'WAIT',
      events: { confirm: 'DENIED' },
    });
    const problems = validateWorkflow(definition);
    expect(problems).toContainEqual({
      stage: 'review',
      action: 'escalate',
      message: 'unknown action "escalate"',
    });
    expect(problems).toContainEqual({
      stage: 'completeness_check',
      message: 'duplicate stage code',
    });
    expect(problems).toContainEqual({ stage: 'COMPLETED', message: 'uses a reserved name' });

    expect(validateWorkflow({ ...licence(), initialStage: 'intake' })).toEqual([
      { stage: null, message: 'initial stage "intake" does not exist' },
    ]);
  });
});
