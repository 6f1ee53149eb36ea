import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { SYSTEM_ACTOR } from '../common/auth/principal';
import { JobPayloads } from '../queues/queues';
import { SlaService } from '../sla/sla.service';
import { ApplicationWorkflow } from './application-workflow.service';

type StageTimerJob = JobPayloads['confirmation.auto'];

const OPEN = `status IN ('IN_PROGRESS', 'SUPPLEMENT_REQUIRED', 'APPROVED')`;

/**
 * What time moves: at-risk and overdue states (delayed jobs at the exact instants, and a sweep
 * behind them), and confirmations the enterprise left unanswered. All idempotent.
 */
@Injectable()
export class ApplicationTimers {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflow: ApplicationWorkflow,
    private readonly sla: SlaService,
    private readonly clock: Clock,
  ) {}

  /** A delayed SLA job: acts only if no pause or resume has voided its generation since. */
  async checkSla(job: JobPayloads['sla.check']): Promise<{ evaluated: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.workflow.lock(manager, job.applicationId);
      if (!application || application.slaGeneration !== job.generation || application.pausedSince)
        return { evaluated: false };
      if (!['IN_PROGRESS', 'SUPPLEMENT_REQUIRED', 'APPROVED'].includes(application.status))
        return { evaluated: false };
      await this.sla.evaluate(manager, application, this.clock.now(), { reschedule: true });
      return { evaluated: true };
    });
  }

  /** The sweep behind the SLA timers: every running application whose next instant has passed. */
  async sweepSla(now: Date): Promise<number> {
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM applications WHERE ${OPEN} AND paused_since IS NULL AND (
         (statutory_state = 'ON_TRACK' AND statutory_at_risk_at <= $1) OR (statutory_state <> 'OVERDUE' AND statutory_deadline < $1)
         OR (promised_state = 'ON_TRACK' AND promised_at_risk_at <= $1) OR (promised_state <> 'OVERDUE' AND promised_deadline < $1))
       ORDER BY statutory_deadline LIMIT 1000`,
      [now],
    );
    for (const { id } of due) {
      await this.dataSource.transaction(async (manager) => {
        const application = await this.workflow.lock(manager, id);
        if (application && !application.pausedSince)
          await this.sla.evaluate(manager, application, now);
      });
    }
    return due.length;
  }

  async autoConfirm(job: JobPayloads['confirmation.auto']): Promise<{ confirmed: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.workflow.lock(manager, job.applicationId);
      if (!application || application.version !== job.version || application.stage !== job.stage)
        return { confirmed: false };
      const due = application.facts.confirmationDueAt;
      if (!due || new Date(due) > this.clock.now()) return { confirmed: false };
      await this.workflow.transition(
        manager,
        application,
        { kind: 'enterprise', stage: job.stage, event: 'confirm' },
        {
          actor: SYSTEM_ACTOR,
          now: this.clock.now(),
          eventData: { automatic: true },
        },
      );
      return { confirmed: true };
    });
  }

  /**
   * Implied permission: the stage's days ran out with no answer, so its implied action is
   * taken for the authority (the open task closes with it).
   */
  async takeImpliedAction(job: JobPayloads['stage.implied']): Promise<{ taken: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.workflow.lock(manager, job.applicationId);
      if (!application || application.version !== job.version || application.stage !== job.stage)
        return { taken: false };
      const due = application.facts.impliedActionDueAt;
      if (!due || new Date(due) > this.clock.now()) return { taken: false };
      const definition = await this.workflow.definitionOf(application);
      const stage = definition.workflow.stages.find((candidate) => candidate.code === job.stage);
      if (stage?.kind !== 'HUMAN' || !stage.implied) return { taken: false };
      const now = this.clock.now();
      const { impliedActionDueAt: _due, ...facts } = application.facts;
      application.facts = facts;
      await manager.query(
        `UPDATE tasks SET status = 'DONE', action = $2, data = $3, completed_at = $4, version = version + 1
         WHERE application_id = $1 AND stage = $5 AND status IN ('OPEN', 'CLAIMED')`,
        [application.id, stage.implied.action, { implied: true }, now, job.stage],
      );
      await this.workflow.transition(
        manager,
        application,
        {
          kind: 'human',
          stage: job.stage,
          action: stage.implied.action,
          actorRole: 'DEPARTMENT_HEAD',
        },
        {
          actor: SYSTEM_ACTOR,
          now,
          eventData: { implied: true, impliedBasis: stage.implied.basis },
        },
      );
      return { taken: true };
    });
  }

  /** The sweep behind confirmation timers. */
  sweepConfirmations(now: Date): Promise<number> {
    return this.sweepStageTimers(now, 'confirmationDueAt', async (job) => {
      return (await this.autoConfirm(job)).confirmed;
    });
  }

  /** The sweep behind implied-action timers. */
  sweepImpliedActions(now: Date): Promise<number> {
    return this.sweepStageTimers(now, 'impliedActionDueAt', async (job) => {
      return (await this.takeImpliedAction(job)).taken;
    });
  }

  /** Runs every stage timer (a due instant kept in the facts) that has passed; counts those that acted. */
  private async sweepStageTimers(
    now: Date,
    fact: 'confirmationDueAt' | 'impliedActionDueAt',
    /** Acts on one application; true when it did. */
    run: (job: StageTimerJob) => Promise<boolean>,
  ): Promise<number> {
    const due: { id: string; stage: string; version: number }[] = await this.dataSource.query(
      `SELECT id, stage, version FROM applications
       WHERE status = 'IN_PROGRESS' AND facts ? $2 AND (facts->>$2)::timestamptz <= $1 LIMIT 1000`,
      [now, fact],
    );
    let acted = 0;
    for (const application of due) {
      const didAct = await run({
        applicationId: application.id,
        stage: application.stage,
        version: application.version,
      });
      if (didAct) acted++;
    }
    return acted;
  }
}
