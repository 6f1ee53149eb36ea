import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicationReader } from '../applications/application-reader.service';
import { ApplicationWorkflow } from '../applications/application-workflow.service';
import { Application } from '../applications/application.entity';
import { actorOf, departmentOf, UserPrincipal } from '../common/auth/principal';
import { visibilityScope } from '../common/auth/visibility-scope';
import { Clock } from '../common/clock/clock';
import { newestFirstPage, newestFirstPosition, Page } from '../common/pagination/page';
import { DomainError } from '../common/problem/domain-error';
import { isUniqueViolation } from '../database/postgres-errors';
import { EventType } from '../events/event-types';
import { EventsService } from '../events/events.service';
import {
  HandoverCloseDto,
  HandoverDto,
  HandoverListQuery,
  HandoverProgressDto,
  HandoverRatingDto,
  HandoverReasonDto,
  HandoverStatus,
  NewHandoverDto,
  ProviderMatchDto,
} from './dto/handover.dto';

/** Applications still being worked on: what a provider may take on, and what counts as its load. */
const OPEN_STATUSES: readonly string[] = ['IN_PROGRESS', 'SUPPLEMENT_REQUIRED'];

/** The stage of the value-added workflow at which a request is handled, and may be handed on. */
const HANDLING_STAGE = 'handling';

interface HandoverRow {
  id: string;
  application_id: string;
  provider_id: string;
  enterprise_id: string;
  department_code: string;
  status: HandoverStatus;
  note: string;
  percent: number;
  progress: HandoverDto['progress'];
  decline_reason: string | null;
  summary: string | null;
  rating: number | null;
  rating_comment: string | null;
  accepted_at: Date | null;
  closed_at: Date | null;
  version: number;
  created_at: Date;
  number: string;
  service_code: string;
  enterprise_name: string;
  provider_name: string;
  provider_kind: HandoverDto['provider']['kind'];
}

interface MatchRow {
  provider_id: string;
  name: string;
  kind: ProviderMatchDto['kind'];
  score: string;
  matched_capabilities: string[];
  rating: string | null;
  rating_count: number;
  load: number;
  capacity: number;
}

const HANDOVER_SELECT = `SELECT h.*, a.number, a.service_code, e.name AS enterprise_name,
    p.name AS provider_name, p.kind AS provider_kind
  FROM provider_handovers h JOIN applications a ON a.id = h.application_id
  JOIN enterprises e ON e.id = h.enterprise_id JOIN service_providers p ON p.id = h.provider_id`;

/**
 * Listed providers of the request's service, best first: 3 for each of their capabilities the
 * request's form names, the mean rating (3 before any), less up to 3 as they fill up. Those that
 * declined this request are out. One statement: $1 service, $2 form text, $3 application, $4 one
 * provider or null for all.
 */
const RANKING = `
  SELECT p.id AS provider_id, p.name, p.kind, p.capacity, p.rating_count,
         ROUND(p.rating_sum::numeric / NULLIF(p.rating_count, 0), 1) AS rating,
         m.matched_capabilities, l.load,
         ROUND(3 * cardinality(m.matched_capabilities)
           + COALESCE(p.rating_sum::numeric / NULLIF(p.rating_count, 0), 3)
           - 2 * LEAST(l.load::numeric / p.capacity, 1.5), 2) AS score
  FROM provider_services s JOIN service_providers p ON p.id = s.provider_id
  CROSS JOIN LATERAL (
    SELECT ARRAY(SELECT c FROM unnest(p.capabilities) c WHERE strpos(lower($2), lower(c)) > 0 ORDER BY c)
      AS matched_capabilities
  ) m
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS load FROM provider_handovers h JOIN applications a ON a.id = h.application_id
    WHERE h.provider_id = p.id AND h.status IN ('OFFERED', 'ACCEPTED')
      AND a.status IN ('IN_PROGRESS', 'SUPPLEMENT_REQUIRED')
  ) l
  WHERE s.service_code = $1 AND p.status = 'LISTED' AND ($4::uuid IS NULL OR p.id = $4)
    AND NOT EXISTS (
      SELECT 1 FROM provider_handovers d
      WHERE d.application_id = $3 AND d.provider_id = p.id AND d.status = 'DECLINED'
    )
  ORDER BY score DESC, l.load, p.name, p.id
  LIMIT 20`;

/**
 * A value-added request handed by the park's officer to a listed provider, who accepts or
 * declines, reports progress and closes it (which completes the officer's handling); the
 * enterprise then rates the provider. Each step is an event on the application's timeline.
 */
@Injectable()
export class HandoversService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: ApplicationReader,
    private readonly workflow: ApplicationWorkflow,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  async matches(principal: UserPrincipal, applicationId: string): Promise<ProviderMatchDto[]> {
    const application = await this.reader.findVisible(
      this.dataSource.manager,
      principal,
      applicationId,
    );
    await this.assertHandedOn(application);
    return (await this.rank(this.dataSource.manager, application, null)).map(matchDto);
  }

  /** The officer of the request's department hands it to one listed provider of its service. */
  async handOver(
    principal: UserPrincipal,
    applicationId: string,
    input: NewHandoverDto,
  ): Promise<HandoverDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const application = await this.reader.findVisible(manager, principal, applicationId, {
        lock: true,
      });
      if (application.departmentCode !== departmentOf(principal))
        throw new DomainError('forbidden', "Only the request's department hands it to a provider");
      await this.assertHandedOn(application);
      const [match] = await this.rank(manager, application, input.providerId);
      if (!match)
        throw DomainError.invalidField(
          'providerId',
          'is not a listed provider of this service that has not declined it',
        );
      let handover: { id: string };
      try {
        [handover] = await manager.query(
          `INSERT INTO provider_handovers (application_id, provider_id, enterprise_id, department_code, status,
             note, handed_by, match_score, created_at, updated_at)
           VALUES ($1, $2, $3, $4, 'OFFERED', $5, $6, $7, $8, $8) RETURNING id`,
          [
            application.id,
            match.provider_id,
            application.enterpriseId,
            application.departmentCode,
            input.note ?? '',
            principal.id,
            match.score,
            this.clock.now(),
          ],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'provider_handovers_live'))
          throw new DomainError('conflict', 'The request is already with a provider');
        throw error;
      }
      await this.recordEvent(manager, 'application.handed_to_provider', application, principal, {
        handoverId: handover.id,
        providerId: match.provider_id,
        providerName: match.name,
        score: Number(match.score),
        note: input.note ?? '',
      });
      return handover.id;
    });
    return this.get(principal, id);
  }

  async list(principal: UserPrincipal, query: HandoverListQuery): Promise<Page<HandoverDto>> {
    const after = newestFirstPosition(query);
    const scope = scopeOf(principal);
    const rows: HandoverRow[] = await this.dataSource.query(
      `${HANDOVER_SELECT}
       WHERE ${scope.sql} AND ($2::text IS NULL OR h.status = $2)
         AND ($3::uuid IS NULL OR h.application_id = $3)
         AND ($4::timestamptz IS NULL OR (h.created_at, h.id) < ($4, $5::uuid))
       ORDER BY h.created_at DESC, h.id DESC LIMIT $6`,
      [
        scope.value,
        query.status ?? null,
        query.applicationId ?? null,
        after.createdAt,
        after.id,
        query.limit + 1,
      ],
    );
    const page = newestFirstPage(rows, query, (row) => ({ createdAt: row.created_at, id: row.id }));
    return { data: page.data.map(handoverDto), nextCursor: page.nextCursor };
  }

  async get(principal: UserPrincipal, id: string): Promise<HandoverDto> {
    return handoverDto(await this.findVisible(this.dataSource.manager, principal, id));
  }

  /** The provider takes the request on, while the enterprise still wants it (else 409). */
  accept(principal: UserPrincipal, id: string, input: { expectedVersion?: number }) {
    return this.providerActs(
      principal,
      id,
      input,
      'OFFERED',
      async (manager, _handover, now, application) => {
        if (!OPEN_STATUSES.includes(application.status))
          throw new DomainError(
            'conflict',
            `The request is ${application.status}; it cannot be taken on`,
          );
        await manager.query(
          `UPDATE provider_handovers SET status = 'ACCEPTED', accepted_at = $2, updated_at = $2, version = version + 1
         WHERE id = $1`,
          [id, now],
        );
        return { type: 'application.provider_accepted', data: {} };
      },
    );
  }

  /** The provider declines; the request stays with the officer, who may hand it to another. */
  decline(principal: UserPrincipal, id: string, input: HandoverReasonDto) {
    return this.providerActs(principal, id, input, 'OFFERED', async (manager, _handover, now) => {
      await manager.query(
        `UPDATE provider_handovers SET status = 'DECLINED', decline_reason = $2, updated_at = $3, version = version + 1
         WHERE id = $1`,
        [id, input.reason, now],
      );
      return { type: 'application.provider_declined', data: { reason: input.reason } };
    });
  }

  progress(principal: UserPrincipal, id: string, input: HandoverProgressDto) {
    return this.providerActs(principal, id, input, 'ACCEPTED', async (manager, _handover, now) => {
      const entry = {
        at: now.toISOString(),
        by: principal.id,
        note: input.note,
        percent: input.percent,
      };
      await manager.query(
        `UPDATE provider_handovers SET progress = progress || $2::jsonb, percent = $3, updated_at = $4,
           version = version + 1 WHERE id = $1`,
        [id, JSON.stringify([entry]), input.percent, now],
      );
      return {
        type: 'application.provider_progress',
        data: { note: input.note, percent: input.percent },
      };
    });
  }

  /**
   * The provider closes its work: the officer's handling task is done with it, and the request
   * moves on to the enterprise's confirmation, as when an officer completes it.
   */
  close(principal: UserPrincipal, id: string, input: HandoverCloseDto) {
    return this.providerActs(
      principal,
      id,
      input,
      'ACCEPTED',
      async (manager, handover, now, application) => {
        await manager.query(
          `UPDATE provider_handovers SET status = 'CLOSED', summary = $2, percent = 100, closed_at = $3,
             updated_at = $3, version = version + 1 WHERE id = $1`,
          [id, input.summary, now],
        );
        if (application.stage === HANDLING_STAGE)
          await this.workflow.completeStageFor(
            manager,
            application,
            {
              stage: HANDLING_STAGE,
              action: 'complete',
              comment: input.summary,
              completedBy: principal.id,
            },
            {
              actor: actorOf(principal),
              now,
              eventData: { handoverId: handover.id, providerId: handover.provider_id },
            },
          );
        return { type: 'application.provider_closed', data: { summary: input.summary } };
      },
    );
  }

  /** The enterprise rates the provider once its work is closed; the provider's mean follows. */
  async rate(principal: UserPrincipal, id: string, input: HandoverRatingDto): Promise<HandoverDto> {
    await this.dataSource.transaction(async (manager) => {
      // Only enterprise users reach here (the route's roles): they see their enterprise's only.
      const handover = await this.findVisible(manager, principal, id, true);
      if (handover.status !== 'CLOSED')
        throw new DomainError('conflict', `The handover is ${handover.status}, not CLOSED`);
      if (handover.rating !== null)
        throw new DomainError('conflict', 'The enterprise has rated this handover already');
      const now = this.clock.now();
      await manager.query(
        `WITH rated AS (
           UPDATE provider_handovers SET rating = $2, rating_comment = $3, rated_at = $4, updated_at = $4,
             version = version + 1 WHERE id = $1 RETURNING provider_id
         )
         UPDATE service_providers SET rating_sum = rating_sum + $2, rating_count = rating_count + 1
         WHERE id = (SELECT provider_id FROM rated)`,
        [id, input.score, input.comment ?? null, now],
      );
      await this.events.record(manager, {
        type: 'application.provider_rated',
        subjectType: 'application',
        subjectId: handover.application_id,
        enterpriseId: handover.enterprise_id,
        actor: actorOf(principal),
        data: {
          handoverId: id,
          providerId: handover.provider_id,
          score: input.score,
          comment: input.comment ?? null,
        },
      });
    });
    return this.get(principal, id);
  }

  /**
   * A provider user acts on a handover to its own provider, in the given status; the
   * application is locked first (the order every path that touches it takes).
   */
  private async providerActs(
    principal: UserPrincipal,
    id: string,
    input: { expectedVersion?: number },
    from: HandoverStatus,
    act: (
      manager: EntityManager,
      handover: HandoverRow,
      now: Date,
      application: Application,
    ) => Promise<{ type: EventType; data: Record<string, unknown> }>,
  ): Promise<HandoverDto> {
    await this.dataSource.transaction(async (manager) => {
      const { application_id: applicationId } = await this.findVisible(manager, principal, id);
      const application = (await this.workflow.lock(manager, applicationId))!;
      // Only provider users reach here (the route's roles): they see their provider's only.
      const handover = await this.findVisible(manager, principal, id, true);
      if (input.expectedVersion !== undefined && input.expectedVersion !== handover.version)
        throw new DomainError(
          'version-conflict',
          `The handover is at version ${handover.version}, not ${input.expectedVersion}`,
        );
      if (handover.status !== from)
        throw new DomainError('conflict', `The handover is ${handover.status}, not ${from}`);
      const now = this.clock.now();
      const event = await act(manager, handover, now, application);
      await this.recordEvent(manager, event.type, application, principal, {
        handoverId: id,
        providerId: handover.provider_id,
        providerName: handover.provider_name,
        departmentCode: handover.department_code,
        ...event.data,
      });
    });
    return this.get(principal, id);
  }

  /** Value-added requests being handled may be handed on; anything else is 409. */
  private async assertHandedOn(application: Application): Promise<void> {
    const definition = await this.workflow.definitionOf(application);
    if (definition.workflow.archetype !== 'VALUE_ADDED')
      throw new DomainError('conflict', 'Only value-added requests are handed to providers');
    if (application.stage !== HANDLING_STAGE || application.status !== 'IN_PROGRESS')
      throw new DomainError(
        'conflict',
        `The request is at ${application.stage ?? application.status}, not being handled`,
      );
  }

  private rank(
    manager: EntityManager,
    application: Application,
    providerId: string | null,
  ): Promise<MatchRow[]> {
    return manager.query(RANKING, [
      application.serviceCode,
      JSON.stringify(application.form ?? {}),
      application.id,
      providerId,
    ]);
  }

  private async findVisible(
    manager: EntityManager,
    principal: UserPrincipal,
    id: string,
    lock = false,
  ): Promise<HandoverRow> {
    const scope = scopeOf(principal);
    const [row]: HandoverRow[] = await manager.query(
      `${HANDOVER_SELECT} WHERE h.id = $2 AND ${scope.sql} ${lock ? 'FOR UPDATE OF h' : ''}`,
      [scope.value, id],
    );
    if (!row) throw DomainError.notFound('Handover');
    return row;
  }

  private recordEvent(
    manager: EntityManager,
    type: EventType,
    application: Application,
    principal: UserPrincipal,
    data: Record<string, unknown>,
  ): Promise<string> {
    return this.events.record(manager, {
      type,
      subjectType: 'application',
      subjectId: application.id,
      enterpriseId: application.enterpriseId,
      actor: actorOf(principal),
      data,
    });
  }
}

/** Handovers are seen by the provider's users, the enterprise's, the department's officers. */
const scopeOf = (principal: UserPrincipal) =>
  visibilityScope(principal, {
    organisation: 'h.provider_id',
    organisationId: principal.providerId,
    enterprise: 'h.enterprise_id',
    department: 'h.department_code',
  });

function matchDto(row: MatchRow): ProviderMatchDto {
  return {
    providerId: row.provider_id,
    name: row.name,
    kind: row.kind,
    score: Number(row.score),
    matchedCapabilities: row.matched_capabilities,
    rating: row.rating === null ? null : Number(row.rating),
    ratingCount: row.rating_count,
    load: row.load,
    capacity: row.capacity,
  };
}

function handoverDto(row: HandoverRow): HandoverDto {
  return {
    id: row.id,
    applicationId: row.application_id,
    applicationNumber: row.number,
    serviceCode: row.service_code,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    departmentCode: row.department_code,
    provider: { id: row.provider_id, name: row.provider_name, kind: row.provider_kind },
    status: row.status,
    note: row.note,
    percent: row.percent,
    progress: row.progress,
    declineReason: row.decline_reason,
    summary: row.summary,
    rating: row.rating,
    ratingComment: row.rating_comment,
    acceptedAt: row.accepted_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}
