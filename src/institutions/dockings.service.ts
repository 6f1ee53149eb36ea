import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicationWorkflow } from '../applications/application-workflow.service';
import {
  acceptCurrentMatch,
  declineCurrentMatch,
  HOSPITAL_REVIEW_STAGE,
} from '../applications/institution-match';
import { actorOf, UserPrincipal } from '../common/auth/principal';
import { visibilityScope } from '../common/auth/visibility-scope';
import { Clock } from '../common/clock/clock';
import { newestFirstPage, newestFirstPosition, Page } from '../common/pagination/page';
import { DomainError } from '../common/problem/domain-error';
import { EventsService } from '../events/events.service';
import {
  DockingAcceptDto,
  DockingDeclineDto,
  DockingDto,
  DockingListQuery,
  DockingStatus,
} from './dto/docking.dto';

interface DockingRow {
  id: string;
  application_id: string;
  institution_id: string;
  enterprise_id: string;
  status: DockingStatus;
  score: number;
  reason: string | null;
  decided_at: Date | null;
  created_at: Date;
  number: string;
  form: Record<string, unknown>;
  enterprise_name: string;
  institution_name: string;
}

const DOCKING_SELECT = `SELECT d.*, a.number, a.form, e.name AS enterprise_name, i.name AS institution_name
  FROM institution_dockings d JOIN applications a ON a.id = d.application_id
  JOIN enterprises e ON e.id = d.enterprise_id JOIN trial_institutions i ON i.id = d.institution_id`;

/**
 * A clinical trial offered to the institution that matching ranked first. Its users accept
 * (the trial goes on to ethics review scheduling) or decline (matching runs again without it);
 * the liaison officer's task at the stage closes with their decision, and each is an event on
 * the application's timeline.
 */
@Injectable()
export class DockingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflow: ApplicationWorkflow,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  async list(principal: UserPrincipal, query: DockingListQuery): Promise<Page<DockingDto>> {
    const after = newestFirstPosition(query);
    const scope = scopeOf(principal);
    const rows: DockingRow[] = await this.dataSource.query(
      `${DOCKING_SELECT}
       WHERE ${scope.sql} AND ($2::text IS NULL OR d.status = $2)
         AND ($3::timestamptz IS NULL OR (d.created_at, d.id) < ($3, $4::uuid))
       ORDER BY d.created_at DESC, d.id DESC LIMIT $5`,
      [scope.value, query.status ?? null, after.createdAt, after.id, query.limit + 1],
    );
    const page = newestFirstPage(rows, query, (row) => ({ createdAt: row.created_at, id: row.id }));
    return { data: page.data.map(toDto), nextCursor: page.nextCursor };
  }

  async get(principal: UserPrincipal, id: string): Promise<DockingDto> {
    return toDto(await this.findVisible(this.dataSource.manager, principal, id));
  }

  accept(principal: UserPrincipal, id: string, input: DockingAcceptDto): Promise<DockingDto> {
    return this.decide(principal, id, 'accept', input.comment ?? null);
  }

  decline(principal: UserPrincipal, id: string, input: DockingDeclineDto): Promise<DockingDto> {
    return this.decide(principal, id, 'decline', input.reason);
  }

  private async decide(
    principal: UserPrincipal,
    id: string,
    action: 'accept' | 'decline',
    comment: string | null,
  ): Promise<DockingDto> {
    await this.dataSource.transaction(async (manager) => {
      // Application first, then the docking: the order every path that touches both takes.
      const { application_id: applicationId } = await this.findVisible(manager, principal, id);
      const application = (await this.workflow.lock(manager, applicationId))!;
      // Only institution users reach here (the route's roles): they see their hospital's only.
      const docking = await this.findVisible(manager, principal, id, true);
      if (docking.status !== 'OFFERED' || application.stage !== HOSPITAL_REVIEW_STAGE)
        throw new DomainError('conflict', `The docking is ${docking.status}, not OFFERED`);
      const now = this.clock.now();
      if (action === 'accept') await acceptCurrentMatch(manager, application, principal.id, now);
      else await declineCurrentMatch(manager, application, principal.id, comment!, now);
      await this.events.record(manager, {
        type:
          action === 'accept'
            ? 'application.institution_accepted'
            : 'application.institution_declined',
        subjectType: 'application',
        subjectId: application.id,
        enterpriseId: application.enterpriseId,
        actor: actorOf(principal),
        data: {
          dockingId: id,
          institutionId: docking.institution_id,
          institutionName: docking.institution_name,
          comment,
        },
      });
      await this.workflow.completeStageFor(
        manager,
        application,
        { stage: HOSPITAL_REVIEW_STAGE, action, comment, completedBy: principal.id },
        {
          actor: actorOf(principal),
          now,
          eventData: { dockingId: id, institutionId: docking.institution_id, comment },
          outcomeReason: action === 'decline' ? (comment ?? undefined) : undefined,
        },
      );
    });
    return this.get(principal, id);
  }

  private async findVisible(
    manager: EntityManager,
    principal: UserPrincipal,
    id: string,
    lock = false,
  ): Promise<DockingRow> {
    const scope = scopeOf(principal);
    const [row]: DockingRow[] = await manager.query(
      `${DOCKING_SELECT} WHERE d.id = $2 AND ${scope.sql} ${lock ? 'FOR UPDATE OF d' : ''}`,
      [scope.value, id],
    );
    if (!row) throw DomainError.notFound('Docking');
    return row;
  }
}

/** Dockings are seen by the institution's users, the enterprise's, the department's officers. */
const scopeOf = (principal: UserPrincipal) =>
  visibilityScope(principal, {
    organisation: 'd.institution_id',
    organisationId: principal.institutionId,
    enterprise: 'd.enterprise_id',
    department: 'a.department_code',
  });

function toDto(row: DockingRow): DockingDto {
  const text = (key: string) =>
    typeof row.form[key] === 'string' ? (row.form[key] as string) : null;
  return {
    id: row.id,
    applicationId: row.application_id,
    applicationNumber: row.number,
    enterpriseName: row.enterprise_name,
    institutionId: row.institution_id,
    institutionName: row.institution_name,
    specialty: text('clinical.specialty'),
    indication: text('trial.indication'),
    phase: text('trial.phase'),
    status: row.status,
    score: row.score,
    reason: row.reason,
    decidedAt: row.decided_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
