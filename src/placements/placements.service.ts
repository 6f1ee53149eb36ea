import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Application } from '../applications/application.entity';
import { ApplicationReader } from '../applications/application-reader.service';
import { ApplicationWorkflow } from '../applications/application-workflow.service';
import { actorOf, departmentOf, UserPrincipal } from '../common/auth/principal';
import { Clock } from '../common/clock/clock';
import { DomainError } from '../common/problem/domain-error';
import { isUniqueViolation } from '../database/postgres-errors';
import { EventType } from '../events/event-types';
import { EventsService } from '../events/events.service';
import {
  NewPlacementDto,
  NewPlacementReviewDto,
  PlacementConfirmDto,
  PlacementDto,
  PlacementExitDto,
  PlacementRenewalDto,
  PlacementSide,
  PlacementStatus,
  PlacementTermDto,
} from './dto/placement.dto';
import { PlacementReader, PlacementRow } from './placement-reader.service';

/** The value-added service whose requests start placements, and the stage that handles them. */
export const PLACEMENT_SERVICE = 'DOCTORS_INTO_ENTERPRISE';
const HANDLING_STAGE = 'handling';

/** The column of the side's confirmation of the term waiting for it. */
const CONFIRMED_AT = {
  HOSPITAL: 'hospital_confirmed_at',
  ENTERPRISE: 'enterprise_confirmed_at',
} as const satisfies Record<PlacementSide, keyof PlacementRow>;

/**
 * A doctor of a trial institution placed with an enterprise, answering its doctors-into-
 * enterprise request: the request's officer proposes a term, duties and hours; the hospital and
 * the enterprise both confirm before it starts (and again for each renewal); the officer reviews
 * it periodically; either side ends it with a reason. Every step is a `placement.*` event,
 * delivered to the enterprise's webhooks.
 */
@Injectable()
export class PlacementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationReader,
    private readonly workflow: ApplicationWorkflow,
    private readonly placements: PlacementReader,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  /** The officer of the request's department proposes a placement of an active doctor. */
  async propose(principal: UserPrincipal, input: NewPlacementDto): Promise<PlacementDto> {
    assertTerm(input);
    const id = await this.dataSource.transaction(async (manager) => {
      const application = await this.applications.findVisible(
        manager,
        principal,
        input.applicationId,
        {
          lock: true,
        },
      );
      if (application.departmentCode !== departmentOf(principal))
        throw new DomainError('forbidden', "Only the request's department proposes a placement");
      if (application.serviceCode !== PLACEMENT_SERVICE)
        throw DomainError.invalidField('applicationId', `is not a ${PLACEMENT_SERVICE} request`);
      if (application.stage !== HANDLING_STAGE || application.status !== 'IN_PROGRESS')
        throw new DomainError(
          'conflict',
          `The request is at ${application.stage ?? application.status}, not being handled`,
        );
      let rows: { id: string; doctor_name: string; institution_id: string }[];
      try {
        rows = await manager.query(
          `INSERT INTO doctor_placements (application_id, doctor_id, institution_id, enterprise_id,
             department_code, status, term_from, term_until, duties, hours_per_week, created_by,
             created_at, updated_at)
           SELECT $1, d.id, d.institution_id, $3, $4, 'PROPOSED', $5, $6, $7, $8, $9, $10, $10
           FROM doctors d WHERE d.id = $2 AND d.active
           RETURNING id, (SELECT name FROM doctors WHERE id = $2) AS doctor_name, institution_id`,
          [
            application.id,
            input.doctorId,
            application.enterpriseId,
            application.departmentCode,
            input.from,
            input.until,
            input.duties,
            input.hoursPerWeek,
            principal.id,
            this.clock.now(),
          ],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'doctor_placements_live'))
          throw new DomainError('conflict', 'The request already has a placement');
        throw error;
      }
      if (rows.length === 0) throw DomainError.invalidField('doctorId', 'is no active doctor');
      const [placement] = rows;
      await this.events.record(manager, {
        type: 'placement.proposed',
        subjectType: 'placement',
        subjectId: placement.id,
        enterpriseId: application.enterpriseId,
        actor: actorOf(principal),
        data: {
          applicationId: application.id,
          doctorId: input.doctorId,
          doctorName: placement.doctor_name,
          institutionId: placement.institution_id,
          term: { from: input.from, until: input.until },
          hoursPerWeek: input.hoursPerWeek,
        },
      });
      return placement.id;
    });
    return this.placements.get(principal, id);
  }

  /**
   * The hospital's user or the enterprise's admin confirms the term waiting for confirmation;
   * the second confirmation starts the placement (or its next term). A placement starting is
   * the outcome of the request's handling: the officer's task is done with it, and the request
   * moves on to the enterprise's confirmation.
   */
  confirm(principal: UserPrincipal, id: string, input: PlacementConfirmDto) {
    const side = sideOf(principal);
    return this.act(
      principal,
      id,
      input,
      ['PROPOSED', 'RENEWING'],
      async (manager, placement, now, application) => {
        if (placement[CONFIRMED_AT[side]])
          throw new DomainError(
            'conflict',
            `The ${side.toLowerCase()} has confirmed this term already`,
          );
        const other = side === 'HOSPITAL' ? 'ENTERPRISE' : 'HOSPITAL';
        const both = placement[CONFIRMED_AT[other]] !== null;
        await manager.query(
          `UPDATE doctor_placements SET ${CONFIRMED_AT[side]} = $2,
           status = CASE WHEN $3 THEN 'ACTIVE' ELSE status END,
           term_from = CASE WHEN $3 THEN COALESCE(next_from, term_from) ELSE term_from END,
           term_until = CASE WHEN $3 THEN COALESCE(next_until, term_until) ELSE term_until END,
           renewals = renewals + CASE WHEN $3 AND status = 'RENEWING' THEN 1 ELSE 0 END,
           next_from = CASE WHEN $3 THEN NULL ELSE next_from END,
           next_until = CASE WHEN $3 THEN NULL ELSE next_until END,
           version = version + 1, updated_at = $2
         WHERE id = $1`,
          [id, now, both],
        );
        const term =
          placement.status === 'RENEWING'
            ? { from: placement.next_from, until: placement.next_until }
            : { from: placement.term_from, until: placement.term_until };
        const events: { type: EventType; data: Record<string, unknown> }[] = [
          { type: 'placement.confirmed', data: { side, term } },
        ];
        if (both)
          events.push({
            type: placement.status === 'RENEWING' ? 'placement.renewed' : 'placement.started',
            data: { term },
          });
        if (both && placement.status === 'PROPOSED' && application?.stage === HANDLING_STAGE)
          await this.workflow.completeStageFor(
            manager,
            application,
            {
              stage: HANDLING_STAGE,
              action: 'complete',
              comment: `${placement.doctor_name}: ${term.from} – ${term.until}`,
              completedBy: principal.id,
            },
            { actor: actorOf(principal), now, eventData: { placementId: id } },
          );
        return events;
      },
      { lockApplication: true },
    );
  }

  /** Either side, or the request's officer, offers a next term; both confirm it again. */
  renew(principal: UserPrincipal, id: string, input: PlacementRenewalDto) {
    assertTerm(input);
    return this.act(principal, id, input, ['ACTIVE'], async (manager, placement, now) => {
      if (input.from <= placement.term_until)
        throw DomainError.invalidField(
          'from',
          `must be after the current term's last day, ${placement.term_until}`,
        );
      await manager.query(
        `UPDATE doctor_placements SET status = 'RENEWING', next_from = $2, next_until = $3,
           hospital_confirmed_at = NULL, enterprise_confirmed_at = NULL, version = version + 1, updated_at = $4
         WHERE id = $1`,
        [id, input.from, input.until, now],
      );
      return [
        {
          type: 'placement.renewal_proposed',
          data: { term: { from: input.from, until: input.until } },
        },
      ];
    });
  }

  /** The officer of the placement's department records a periodic review. */
  review(principal: UserPrincipal, id: string, input: NewPlacementReviewDto) {
    return this.act(principal, id, {}, ['ACTIVE', 'RENEWING'], async (manager, _placement, now) => {
      const [review]: { id: string }[] = await manager.query(
        `WITH review AS (
           INSERT INTO placement_reviews (placement_id, outcome, notes, reviewed_by, created_at)
           VALUES ($1, $2, $3, $4, $5) RETURNING id
         ), bumped AS (UPDATE doctor_placements SET version = version + 1, updated_at = $5 WHERE id = $1)
         SELECT id FROM review`,
        [id, input.outcome, input.notes, principal.id, now],
      );
      return [
        {
          type: 'placement.reviewed',
          data: { reviewId: review.id, outcome: input.outcome, notes: input.notes },
        },
      ];
    });
  }

  /** Either side ends the placement, at any point before it has ended, with a reason. */
  exit(principal: UserPrincipal, id: string, input: PlacementExitDto) {
    const side = sideOf(principal);
    return this.act(
      principal,
      id,
      input,
      ['PROPOSED', 'ACTIVE', 'RENEWING'],
      async (manager, _placement, now) => {
        await manager.query(
          `UPDATE doctor_placements SET status = 'ENDED', ended_by = $2, exit_reason = $3, ended_at = $4,
           next_from = NULL, next_until = NULL, version = version + 1, updated_at = $4
         WHERE id = $1`,
          [id, side, input.reason, now],
        );
        return [{ type: 'placement.ended', data: { side, reason: input.reason } }];
      },
    );
  }

  /** Acts on a placement the principal may see, locked, in one of the given statuses. */
  private async act(
    principal: UserPrincipal,
    id: string,
    input: { expectedVersion?: number },
    from: readonly PlacementStatus[],
    change: (
      manager: EntityManager,
      placement: PlacementRow,
      now: Date,
      application?: Application,
    ) => Promise<{ type: EventType; data: Record<string, unknown> }[]>,
    options: { lockApplication?: boolean } = {},
  ): Promise<PlacementDto> {
    await this.dataSource.transaction(async (manager) => {
      // Application first, then the placement: the order every path that touches both takes.
      const application = options.lockApplication
        ? await this.workflow.lock(
            manager,
            await this.placements.applicationOf(manager, principal, id),
          )
        : undefined;
      const placement = await this.placements.findVisible(manager, principal, id, true);
      if (input.expectedVersion !== undefined && input.expectedVersion !== placement.version)
        throw new DomainError(
          'version-conflict',
          `The placement is at version ${placement.version}, not ${input.expectedVersion}`,
        );
      if (!from.includes(placement.status))
        throw new DomainError(
          'conflict',
          `The placement is ${placement.status}, not ${from.join(' or ')}`,
        );
      const events = await change(manager, placement, this.clock.now(), application ?? undefined);
      await this.events.recordAll(
        manager,
        events.map((event) => ({
          type: event.type,
          subjectType: 'placement',
          subjectId: id,
          enterpriseId: placement.enterprise_id,
          actor: actorOf(principal),
          data: {
            applicationId: placement.application_id,
            doctorId: placement.doctor_id,
            ...event.data,
          },
        })),
      );
    });
    return this.placements.get(principal, id);
  }
}

/** The side a hospital's user or an enterprise's admin speaks for (the routes admit no one else). */
const sideOf = (principal: UserPrincipal): PlacementSide =>
  principal.institutionId ? 'HOSPITAL' : 'ENTERPRISE';

function assertTerm(term: PlacementTermDto): void {
  if (term.until < term.from) throw DomainError.invalidField('until', 'must not be before from');
}
