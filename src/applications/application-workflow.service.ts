import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CatalogueService } from '../catalogue/catalogue.service';
import type { ServiceDefinition } from '../catalogue/service-definition';
import { Actor } from '../common/auth/principal';
import { DomainError } from '../common/problem/domain-error';
import { EventsService, NewEvent } from '../events/events.service';
import { OutboxJob } from '../queues/queues';
import { OutboxService } from '../outbox/outbox.service';
import { SlaService } from '../sla/sla.service';
import {
  advance,
  WorkflowEffect,
  WorkflowInput,
  WorkflowRefusal,
  FINISHED_STATUSES,
} from '../workflow/workflow-engine';
import type { HumanAction, ImpliedAction } from '../workflow/workflow.types';
import { Application, SupplementRequest } from './application.entity';
import { findRow } from '../database/hydrate';
import { updateReturning } from '../database/update-returning';

const DECIDED: readonly string[] = ['APPROVED', 'DENIED', 'REJECTED'];
/** The first of these an application reaches is its decision, for the statistics. */
const DECISIONS: readonly string[] = ['APPROVED', 'DENIED', 'REJECTED', 'COMPLETED'];
const OUTCOME_EVENTS: readonly string[] = [
  'application.approved',
  'application.denied',
  'application.rejected',
  'application.completed',
];

export interface TransitionContext {
  actor: Actor;
  now: Date;
  /** Added to every event the transition records (e.g. the task, the comment, a result). */
  eventData?: Record<string, unknown>;
  /** The itemised request when the transition asks for supplements. */
  supplementRequest?: Omit<SupplementRequest, 'stage' | 'requestedAt' | 'notice'>;
  outcomeReason?: string;
}

/** The application moved on since it was read: the caller reads it again. */
export const applicationChanged = () =>
  new DomainError('version-conflict', 'The application changed meanwhile; read it again');

/** Maps a refusal of the pure engine to the API's problem types. */
export function refusalToProblem(refusal: WorkflowRefusal): DomainError {
  switch (refusal.code) {
    case 'action-not-allowed':
    case 'supplement-limit':
      return new DomainError('unprocessable', refusal.message, {
        allowedActions: refusal.allowedActions,
      });
    case 'role-not-allowed':
      return new DomainError('forbidden', refusal.message);
    case 'wrong-state':
      return new DomainError('conflict', refusal.message);
  }
}

/**
 * Applies the workflow engine to an application inside the caller's transaction: a
 * conditional UPDATE of the state (same id, version and stage, or nothing), then the effects
 * (tasks, automated stages through the outbox, clocks) and one event per change.
 */
@Injectable()
export class ApplicationWorkflow {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly events: EventsService,
    private readonly outbox: OutboxService,
    private readonly sla: SlaService,
  ) {}

  definitionOf(application: Application): Promise<ServiceDefinition> {
    return this.catalogue.publishedDefinition(
      application.serviceCode!,
      application.serviceVersion!,
    );
  }

  /** Locks the application row for the rest of the transaction. */
  async lock(manager: EntityManager, applicationId: string): Promise<Application | null> {
    return findRow(manager, Application, applicationId, { lock: true });
  }

  /**
   * A human stage finished by someone other than its officer — a provider closing its work, a
   * hospital deciding on a docking, a placement starting: the stage's open task is done with the
   * action, and the application moves on as if the stage's officer had taken it.
   */
  async completeStageFor(
    manager: EntityManager,
    application: Application,
    step: { stage: string; action: HumanAction; comment: string | null; completedBy: string },
    context: TransitionContext,
  ): Promise<Application> {
    await manager.query(
      `UPDATE tasks SET status = 'DONE', action = $2, comment = $3, completed_by = $4, completed_at = $5,
         version = version + 1
       WHERE application_id = $1 AND stage = $6 AND status IN ('OPEN', 'CLAIMED')`,
      [application.id, step.action, step.comment, step.completedBy, context.now, step.stage],
    );
    return this.transition(
      manager,
      application,
      { kind: 'human', stage: step.stage, action: step.action, actorRole: 'OFFICER' },
      context,
    );
  }

  async transition(
    manager: EntityManager,
    application: Application,
    input: WorkflowInput,
    context: TransitionContext,
  ): Promise<Application> {
    const definition = await this.definitionOf(application);
    let step;
    try {
      step = advance(
        definition.workflow,
        {
          stage: application.stage ?? '',
          status: application.status,
          facts: application.facts,
          supplementNotices: application.supplementNotices,
        },
        input,
      );
    } catch (error) {
      throw error instanceof WorkflowRefusal ? refusalToProblem(error) : error;
    }
    const { state } = step;
    const asksSupplement =
      state.status === 'SUPPLEMENT_REQUIRED' && application.status !== 'SUPPLEMENT_REQUIRED';
    const supplementRequest: SupplementRequest | null = asksSupplement
      ? {
          stage: state.stage,
          items: context.supplementRequest?.items ?? [],
          requestedAt: context.now.toISOString(),
          notice: state.supplementNotices[state.stage] ?? 1,
        }
      : state.status === 'SUPPLEMENT_REQUIRED'
        ? application.supplementRequest
        : null;
    const humanStage = definition.workflow.stages.find((stage) => stage.code === state.stage);
    const departmentCode =
      (humanStage?.kind === 'HUMAN' ? humanStage.departmentCode : undefined) ??
      definition.departmentCode;

    const updated = await updateReturning<{ version: number }>(
      manager,
      `UPDATE applications SET status = $4, stage = $5, facts = $6, supplement_notices = $7, supplement_request = $8,
         department_code = $9, version = version + 1, updated_at = $10,
         decided_at = CASE WHEN $11 AND decided_at IS NULL THEN $10 ELSE decided_at END,
         finished_at = CASE WHEN $12 THEN $10 ELSE finished_at END,
         outcome_reason = COALESCE($13, outcome_reason)
       WHERE id = $1 AND version = $2 AND stage IS NOT DISTINCT FROM $3
       RETURNING version`,
      [
        application.id,
        application.version,
        application.stage,
        state.status,
        state.stage,
        state.facts,
        state.supplementNotices,
        supplementRequest,
        departmentCode,
        context.now,
        DECIDED.includes(state.status),
        FINISHED_STATUSES.includes(state.status),
        context.outcomeReason ?? null,
      ],
    );
    if (updated.length === 0) {
      throw applicationChanged();
    }
    const before = { stage: application.stage, status: application.status };
    const decision = await this.recordDecision(manager, application, state.status, context.now);
    Object.assign(application, {
      status: state.status,
      stage: state.stage,
      facts: state.facts,
      supplementNotices: state.supplementNotices,
      supplementRequest,
      departmentCode,
      version: updated[0].version,
    });

    // Events and jobs of the transition are written together, in one statement at the end.
    const events: NewEvent[] = [];
    const jobs: OutboxJob[] = [];
    for (const effect of step.effects) {
      switch (effect.type) {
        case 'open_task':
          events.push(
            await this.openTask(
              manager,
              application,
              effect,
              effect.departmentCode ?? definition.departmentCode,
              context,
            ),
          );
          break;
        case 'run_stage':
          jobs.push({
            name: 'stage.run',
            data: {
              applicationId: application.id,
              stage: effect.stage,
              version: application.version,
            },
          });
          break;
        case 'await_enterprise':
          if (effect.reason === 'confirmation')
            await this.awaitConfirmation(
              manager,
              application,
              effect.autoConfirmAfterWorkingDays,
              context.now,
            );
          break;
        case 'pause_clocks':
          await this.sla.pause(manager, application, effect.reason, context.actor, context.now);
          break;
        case 'resume_clocks':
          await this.sla.resume(manager, application, context.actor, context.now);
          break;
        case 'close_open_tasks':
          await manager.query(
            `UPDATE tasks SET status = 'CANCELLED', completed_at = $2 WHERE application_id = $1 AND status IN ('OPEN', 'CLAIMED')`,
            [application.id, context.now],
          );
          break;
        case 'finish':
          break;
      }
    }

    for (const event of step.events) {
      events.push({
        type: event.type,
        subjectType: 'application',
        subjectId: application.id,
        enterpriseId: application.enterpriseId,
        actor: context.actor,
        data: {
          ...event.data,
          fromStatus: before.status,
          status: application.status,
          serviceCode: application.serviceCode,
          ...(event.type === 'application.supplement_requested'
            ? { items: supplementRequest?.items ?? [] }
            : {}),
          serviceDepartmentCode: definition.departmentCode,
          ...(decision && OUTCOME_EVENTS.includes(event.type) ? { decision } : {}),
          ...context.eventData,
        },
      });
    }
    await this.events.recordAll(manager, events, jobs);
    return application;
  }

  /**
   * Stamps the working days to the first decision (clock stops excluded, as the statutory
   * clock counts them) and whether it came within the promise.
   */
  private async recordDecision(
    manager: EntityManager,
    application: Application,
    status: string,
    now: Date,
  ): Promise<{ workingDays: number; onTime: boolean } | null> {
    if (!DECISIONS.includes(status) || application.decisionWorkingDays !== null) return null;
    const sla = await this.sla.view(application, now);
    if (!sla) return null;
    const decision = {
      workingDays: (sla.statutory ?? sla.promised).workingDaysUsed,
      onTime: now <= sla.promised.deadline,
    };
    application.decisionWorkingDays = decision.workingDays;
    await manager.query(
      `UPDATE applications SET decision_working_days = $2, decided_on_time = $3 WHERE id = $1`,
      [application.id, decision.workingDays, decision.onTime],
    );
    return decision;
  }

  /**
   * Opens the stage's task. A stage with its own clock is due that many working days from now
   * (never after the application's promise); otherwise the task follows the promise. An
   * implied action gets its timer.
   */
  private async openTask(
    manager: EntityManager,
    application: Application,
    effect: Extract<WorkflowEffect, { type: 'open_task' }>,
    departmentCode: string,
    context: TransitionContext,
  ): Promise<NewEvent> {
    const { stage, role } = effect;
    const stageDeadline = effect.workingDays
      ? await this.sla.workingDaysAfter(context.now, effect.workingDays)
      : null;
    const [task] = await manager.query(
      `INSERT INTO tasks (application_id, stage, department_code, role, status, stage_deadline, due_at, sla_state, created_at)
       VALUES ($1, $2, $3, $4, 'OPEN', $5::timestamptz, LEAST($5::timestamptz, $6::timestamptz), $7, $8) RETURNING id`,
      [
        application.id,
        stage,
        departmentCode,
        role,
        stageDeadline,
        application.promisedDeadline,
        application.slaState,
        context.now,
      ],
    );
    if (effect.implied)
      await this.startImpliedTimer(manager, application, effect.implied, context.now);
    return {
      type: 'task.created',
      subjectType: 'application',
      subjectId: application.id,
      enterpriseId: application.enterpriseId,
      actor: context.actor,
      data: { taskId: task.id, stage, departmentCode, role },
    };
  }

  /**
   * Implied permission: once the days run out with no answer, a timer (and the sweep behind
   * it) takes the stage's implied action.
   */
  private async startImpliedTimer(
    manager: EntityManager,
    application: Application,
    implied: ImpliedAction,
    now: Date,
  ): Promise<void> {
    const due =
      implied.dayKind === 'WORKING'
        ? await this.sla.workingDaysAfter(now, implied.days)
        : new Date(now.getTime() + implied.days * 86_400_000);
    await this.startStageTimer(
      manager,
      application,
      'impliedActionDueAt',
      'stage.implied',
      due,
      now,
    );
  }

  /** The enterprise has N working days to confirm; then a timer (and the sweep) confirms for it. */
  private async awaitConfirmation(
    manager: EntityManager,
    application: Application,
    days: number | undefined,
    now: Date,
  ): Promise<void> {
    if (!days) return;
    const due = await this.sla.workingDaysAfter(now, days);
    await this.startStageTimer(
      manager,
      application,
      'confirmationDueAt',
      'confirmation.auto',
      due,
      now,
    );
  }

  /** Keeps the instant a stage timer falls due in the facts and queues its job. */
  private async startStageTimer(
    manager: EntityManager,
    application: Application,
    fact: 'confirmationDueAt' | 'impliedActionDueAt',
    job: 'confirmation.auto' | 'stage.implied',
    due: Date,
    now: Date,
  ): Promise<void> {
    application.facts = { ...application.facts, [fact]: due.toISOString() };
    await manager.query(`UPDATE applications SET facts = $2 WHERE id = $1`, [
      application.id,
      application.facts,
    ]);
    await this.outbox.enqueue(manager, {
      name: job,
      data: {
        applicationId: application.id,
        stage: application.stage!,
        version: application.version,
      },
      // Beyond a week the sweep takes over.
      delayMs: Math.min(Math.max(0, due.getTime() - now.getTime() + 1), 7 * 86_400_000),
    });
  }
}
