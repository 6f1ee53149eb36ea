import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Application } from '../applications/application.entity';
import { CalendarService } from '../calendar/calendar.service';
import { Actor } from '../common/auth/principal';
import { DomainError } from '../common/problem/domain-error';
import { EventsService } from '../events/events.service';
import { OutboxService } from '../outbox/outbox.service';
import { ClockName, computeSla, SlaView } from './sla';
import { updateReturning } from '../database/update-returning';

export const CLOCK_STOP_REASONS = [
  'SUPPLEMENT',
  'EXPERT_REVIEW',
  'TESTING',
  'INSPECTION_SCHEDULING',
  'HEARING',
] as const;
export type ClockStopReason = (typeof CLOCK_STOP_REASONS)[number];

export const STATUTORY_EXTENSION_DAYS = 10;

/** The longest delay a timer job gets (Bull's and Node's timers stay well within range). */
const TIMER_HORIZON_MS = 7 * 86_400_000;

/**
 * The two time limits of an application, kept in stored columns so lists can filter on them:
 * started on submission, paused and resumed with clock stops, extended once, and re-evaluated
 * by delayed jobs at the exact at-risk and deadline instants (backed by a sweep).
 */
@Injectable()
export class SlaService {
  constructor(
    private readonly calendar: CalendarService,
    private readonly events: EventsService,
    private readonly outbox: OutboxService,
  ) {}

  async view(application: Application, now: Date): Promise<SlaView | null> {
    if (!application.submittedAt || application.promisedDays === null) return null;
    return computeSla(
      await this.calendar.calendar(),
      {
        submittedAt: application.submittedAt,
        statutoryDays: application.statutoryDays,
        promisedDays: application.promisedDays,
        extensionDays: application.extensionDays,
        pausedWorkingDays: application.pausedWorkingDays,
        pausedSince: application.pausedSince,
      },
      now,
    );
  }

  /** The end of the n-th working day after `from` (for waiting periods such as confirmation). */
  async workingDaysAfter(from: Date, days: number): Promise<Date> {
    return (await this.calendar.calendar()).deadlineAfter(from, days).deadline;
  }

  /** Starts both clocks at submission. */
  async start(
    manager: EntityManager,
    application: Application,
    limits: { statutory: number | null; promised: number },
    now: Date,
  ): Promise<void> {
    Object.assign(application, {
      submittedAt: now,
      statutoryDays: limits.statutory,
      promisedDays: limits.promised,
    });
    await this.evaluate(manager, application, now, { reschedule: true, starting: true });
  }

  /** Stops both clocks (waiting for a supplement, expert review, testing, ...). */
  async pause(
    manager: EntityManager,
    application: Application,
    reason: ClockStopReason,
    actor: Actor,
    now: Date,
    comment?: string,
  ): Promise<string> {
    if (application.pausedSince)
      throw new DomainError('conflict', 'The clocks are already stopped');
    const [stop] = await manager.query(
      `INSERT INTO clock_stops (application_id, reason_code, comment, started_at, started_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [application.id, reason, comment ?? null, now, actor.id],
    );
    application.pausedSince = now;
    await manager.query(`UPDATE applications SET paused_since = $2 WHERE id = $1`, [
      application.id,
      now,
    ]);
    await this.events.record(manager, {
      type: 'application.clock_stopped',
      subjectType: 'application',
      subjectId: application.id,
      enterpriseId: application.enterpriseId,
      actor,
      data: { clockStopId: stop.id, reasonCode: reason, comment: comment ?? null },
    });
    await this.evaluate(manager, application, now, { reschedule: true });
    return stop.id;
  }

  /** Restarts the clocks; the deadlines move by exactly the working days they stood still. */
  async resume(
    manager: EntityManager,
    application: Application,
    actor: Actor,
    now: Date,
    stopId?: string,
  ): Promise<void> {
    if (!application.pausedSince) throw new DomainError('conflict', 'The clocks are not stopped');
    const calendar = await this.calendar.calendar();
    const days = calendar.workingDaysBetween(application.pausedSince, now);
    const [ended] = await updateReturning<{ id: string; reason_code: string }>(
      manager,
      `UPDATE clock_stops SET ended_at = $2, working_days = $3, ended_by = $4
       WHERE application_id = $1 AND ended_at IS NULL AND ($5::uuid IS NULL OR id = $5) RETURNING id, reason_code`,
      [application.id, now, days, actor.id, stopId ?? null],
    );
    if (!ended) throw DomainError.notFound('Open clock stop');
    application.pausedSince = null;
    application.pausedWorkingDays += days;
    await manager.query(
      `UPDATE applications SET paused_since = NULL, paused_working_days = $2 WHERE id = $1`,
      [application.id, application.pausedWorkingDays],
    );
    await this.events.record(manager, {
      type: 'application.clock_resumed',
      subjectType: 'application',
      subjectId: application.id,
      enterpriseId: application.enterpriseId,
      actor,
      data: { clockStopId: ended.id, reasonCode: ended.reason_code, workingDaysStopped: days },
    });
    await this.evaluate(manager, application, now, { reschedule: true });
  }

  /** A head's one extension of the statutory limit by 10 working days. */
  async extend(
    manager: EntityManager,
    application: Application,
    reason: string,
    actor: Actor,
    now: Date,
  ): Promise<void> {
    if (application.statutoryDays === null)
      throw new DomainError('unprocessable', 'This service has no statutory limit to extend');
    if (application.extensionDays > 0)
      throw new DomainError('unprocessable', 'The statutory limit was already extended once');
    application.extensionDays = STATUTORY_EXTENSION_DAYS;
    await manager.query(
      `UPDATE applications SET extension_days = $2, extension_reason = $3, extended_by = $4 WHERE id = $1`,
      [application.id, STATUTORY_EXTENSION_DAYS, reason, actor.id],
    );
    const before = application.statutoryDeadline;
    await this.evaluate(manager, application, now, { reschedule: true });
    await this.events.record(manager, {
      type: 'application.extended',
      subjectType: 'application',
      subjectId: application.id,
      enterpriseId: application.enterpriseId,
      actor,
      data: {
        reason,
        workingDays: STATUTORY_EXTENSION_DAYS,
        statutoryDeadlineBefore: before?.toISOString() ?? null,
        statutoryDeadline: application.statutoryDeadline?.toISOString() ?? null,
      },
    });
  }

  /**
   * Stores the clocks as of `now` and raises at-risk and overdue events on the way up. With
   * `reschedule`, the previous timers are voided (new generation) and new ones queued.
   */
  async evaluate(
    manager: EntityManager,
    application: Application,
    now: Date,
    /** starting: the clocks start now, written with the deadlines in one update. */
    options: { reschedule?: boolean; starting?: boolean } = {},
  ): Promise<void> {
    const sla = await this.view(application, now);
    if (!sla) return;
    const generation = application.slaGeneration + (options.reschedule ? 1 : 0);
    for (const clock of ['statutory', 'promised'] as ClockName[]) {
      const view = sla[clock];
      if (!view) continue;
      const state = view.state;
      if (state !== 'AT_RISK' && state !== 'OVERDUE') continue;
      // Raised once per clock and kind, however often the clocks are re-evaluated or paused.
      const type = state === 'OVERDUE' ? 'application.overdue' : 'application.at_risk';
      const [raised] = await manager.query(
        `SELECT 1 FROM events WHERE subject_id = $1 AND type = $2 AND data->>'clock' = $3 LIMIT 1`,
        [application.id, type, clock],
      );
      if (raised) continue;
      await this.events.record(manager, {
        type,
        subjectType: 'application',
        subjectId: application.id,
        enterpriseId: application.enterpriseId,
        actor: { type: 'system', id: null },
        data: {
          clock,
          departmentCode: application.departmentCode,
          serviceCode: application.serviceCode,
          deadline: view.deadline.toISOString(),
          workingDaysUsed: view.workingDaysUsed,
        },
      });
      if (state === 'OVERDUE') await this.escalateTasks(manager, application, now);
    }
    // Without a statutory limit its columns stay empty and its state on track.
    const statutoryState = sla.statutory?.state ?? 'ON_TRACK';
    const promisedState = sla.promised.state;
    Object.assign(application, {
      statutoryDeadline: sla.statutory?.deadline ?? null,
      promisedDeadline: sla.promised.deadline,
      statutoryAtRiskAt: sla.statutory?.atRiskAt ?? null,
      promisedAtRiskAt: sla.promised.atRiskAt,
      deadlineProvisional: !!sla.statutory?.provisional || sla.promised.provisional,
      statutoryState,
      promisedState,
      slaState: sla.state,
      slaGeneration: generation,
    });
    await manager.query(
      `UPDATE applications SET statutory_deadline = $2, promised_deadline = $3, statutory_at_risk_at = $4, promised_at_risk_at = $5,
         deadline_provisional = $6, statutory_state = $7, promised_state = $8, sla_state = $9, sla_generation = $10
         ${options.starting ? ', submitted_at = $11, statutory_days = $12, promised_days = $13' : ''}
       WHERE id = $1`,
      [
        application.id,
        application.statutoryDeadline,
        sla.promised.deadline,
        application.statutoryAtRiskAt,
        sla.promised.atRiskAt,
        application.deadlineProvisional,
        statutoryState,
        promisedState,
        sla.state,
        generation,
        ...(options.starting
          ? [application.submittedAt, application.statutoryDays, application.promisedDays]
          : []),
      ],
    );
    // A starting application has no tasks yet.
    if (!options.starting)
      await manager.query(
        `UPDATE tasks SET due_at = LEAST(stage_deadline, $2::timestamptz), sla_state = $3 WHERE application_id = $1 AND kind = 'STAGE' AND status IN ('OPEN', 'CLAIMED')`,
        [application.id, sla.promised.deadline, sla.state],
      );
    if (options.reschedule && !application.pausedSince) {
      const instants = [
        ...(sla.statutory ? [sla.statutory.atRiskAt, sla.statutory.deadline] : []),
        sla.promised.atRiskAt,
        sla.promised.deadline,
      ];
      // Far instants get a check at the horizon, which schedules the next ones from there.
      const delays = [
        ...new Set(
          instants.map((instant) =>
            Math.min(instant.getTime() - now.getTime() + 1, TIMER_HORIZON_MS),
          ),
        ),
      ].filter((delay) => delay > 0);
      await this.outbox.enqueue(
        manager,
        ...delays.map((delayMs) => ({
          name: 'sla.check' as const,
          data: { applicationId: application.id, generation },
          delayMs,
        })),
      );
    }
  }

  /** Overdue work goes to the department head: the live task is flagged and the heads told. */
  private async escalateTasks(
    manager: EntityManager,
    application: Application,
    now: Date,
  ): Promise<void> {
    const escalated = await updateReturning<{ id: string; department_code: string }>(
      manager,
      `UPDATE tasks SET escalated_at = $2 WHERE application_id = $1 AND status IN ('OPEN', 'CLAIMED') AND escalated_at IS NULL
       RETURNING id, department_code`,
      [application.id, now],
    );
    for (const task of escalated) {
      await this.events.record(manager, {
        type: 'task.escalated',
        subjectType: 'application',
        subjectId: application.id,
        enterpriseId: application.enterpriseId,
        actor: { type: 'system', id: null },
        data: { taskId: task.id, departmentCode: task.department_code },
      });
    }
  }
}
