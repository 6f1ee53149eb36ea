import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { UserPrincipal } from '../common/auth/principal';
import { visibilityScope } from '../common/auth/visibility-scope';
import { newestFirstPage, newestFirstPosition, Page } from '../common/pagination/page';
import { DomainError } from '../common/problem/domain-error';
import { DoctorTitle } from './dto/doctor.dto';
import {
  PlacementDto,
  PlacementEventDto,
  PlacementListQuery,
  PlacementReviewDto,
  PlacementSide,
  PlacementStatus,
} from './dto/placement.dto';

export interface PlacementRow {
  id: string;
  application_id: string;
  doctor_id: string;
  institution_id: string;
  enterprise_id: string;
  department_code: string;
  status: PlacementStatus;
  term_from: string;
  term_until: string;
  next_from: string | null;
  next_until: string | null;
  hospital_confirmed_at: Date | null;
  enterprise_confirmed_at: Date | null;
  duties: string;
  hours_per_week: number;
  renewals: number;
  ended_by: PlacementSide | null;
  exit_reason: string | null;
  ended_at: Date | null;
  version: number;
  created_at: Date;
  number: string;
  doctor_name: string;
  doctor_specialty: string;
  doctor_title: DoctorTitle;
  institution_name: string;
  enterprise_name: string;
  reviews: PlacementReviewDto[];
}

const PLACEMENT_SELECT = `SELECT p.id, p.application_id, p.doctor_id, p.institution_id, p.enterprise_id,
    p.department_code, p.status, p.term_from::text, p.term_until::text, p.next_from::text,
    p.next_until::text, p.hospital_confirmed_at, p.enterprise_confirmed_at, p.duties, p.hours_per_week,
    p.renewals, p.ended_by, p.exit_reason, p.ended_at, p.version, p.created_at, a.number,
    d.name AS doctor_name, d.specialty AS doctor_specialty, d.title AS doctor_title,
    i.name AS institution_name, e.name AS enterprise_name,
    ARRAY(
      SELECT json_build_object('id', r.id, 'outcome', r.outcome, 'notes', r.notes,
        'reviewerName', u.name, 'createdAt', r.created_at)
      FROM placement_reviews r JOIN users u ON u.id = r.reviewed_by
      WHERE r.placement_id = p.id ORDER BY r.created_at DESC, r.id DESC
    ) AS reviews
  FROM doctor_placements p JOIN applications a ON a.id = p.application_id
  JOIN doctors d ON d.id = p.doctor_id JOIN trial_institutions i ON i.id = p.institution_id
  JOIN enterprises e ON e.id = p.enterprise_id`;

/** Placements as the hospital's users, the enterprise's and the department's staff read them. */
@Injectable()
export class PlacementReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(principal: UserPrincipal, query: PlacementListQuery): Promise<Page<PlacementDto>> {
    const after = newestFirstPosition(query);
    const scope = scopeOf(principal);
    const rows: PlacementRow[] = await this.dataSource.query(
      `${PLACEMENT_SELECT}
       WHERE ${scope.sql} AND ($2::text IS NULL OR p.status = $2)
         AND ($3::uuid IS NULL OR p.doctor_id = $3) AND ($4::uuid IS NULL OR p.application_id = $4)
         AND ($5::timestamptz IS NULL OR (p.created_at, p.id) < ($5, $6::uuid))
       ORDER BY p.created_at DESC, p.id DESC LIMIT $7`,
      [
        scope.value,
        query.status ?? null,
        query.doctorId ?? null,
        query.applicationId ?? null,
        after.createdAt,
        after.id,
        query.limit + 1,
      ],
    );
    const page = newestFirstPage(rows, query, (row) => ({ createdAt: row.created_at, id: row.id }));
    return { data: page.data.map(toDto), nextCursor: page.nextCursor };
  }

  async get(principal: UserPrincipal, id: string): Promise<PlacementDto> {
    return toDto(await this.findVisible(this.dataSource.manager, principal, id));
  }

  /** The life-cycle history of a placement, oldest first. */
  async history(principal: UserPrincipal, id: string): Promise<PlacementEventDto[]> {
    await this.findVisible(this.dataSource.manager, principal, id);
    const rows: {
      type: string;
      actor_id: string | null;
      data: Record<string, unknown>;
      occurred_at: Date;
    }[] = await this.dataSource.query(
      `SELECT type, actor_id, data, occurred_at FROM events
         WHERE subject_type = 'placement' AND subject_id = $1 ORDER BY seq`,
      [id],
    );
    return rows.map((row) => ({
      type: row.type,
      actorId: row.actor_id,
      data: row.data,
      occurredAt: row.occurred_at.toISOString(),
    }));
  }

  /** The request a placement the principal may see answers, read without the placement's joins. */
  async applicationOf(
    manager: EntityManager,
    principal: UserPrincipal,
    id: string,
  ): Promise<string> {
    const scope = scopeOf(principal);
    const [row]: { application_id: string }[] = await manager.query(
      `SELECT p.application_id FROM doctor_placements p WHERE p.id = $2 AND ${scope.sql}`,
      [scope.value, id],
    );
    if (!row) throw DomainError.notFound('Placement');
    return row.application_id;
  }

  /** The placement if the principal may see it (locked for the caller's change), else 404. */
  async findVisible(
    manager: EntityManager,
    principal: UserPrincipal,
    id: string,
    lock = false,
  ): Promise<PlacementRow> {
    const scope = scopeOf(principal);
    const [row]: PlacementRow[] = await manager.query(
      `${PLACEMENT_SELECT} WHERE p.id = $2 AND ${scope.sql} ${lock ? 'FOR UPDATE OF p' : ''}`,
      [scope.value, id],
    );
    if (!row) throw DomainError.notFound('Placement');
    return row;
  }
}

/** Placements are seen by the hospital's users, the enterprise's, the department's staff. */
const scopeOf = (principal: UserPrincipal) =>
  visibilityScope(principal, {
    organisation: 'p.institution_id',
    organisationId: principal.institutionId,
    enterprise: 'p.enterprise_id',
    department: 'p.department_code',
  });

function toDto(row: PlacementRow): PlacementDto {
  return {
    id: row.id,
    applicationId: row.application_id,
    applicationNumber: row.number,
    doctor: {
      id: row.doctor_id,
      name: row.doctor_name,
      specialty: row.doctor_specialty,
      title: row.doctor_title,
    },
    institutionId: row.institution_id,
    institutionName: row.institution_name,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    departmentCode: row.department_code,
    status: row.status,
    term: { from: row.term_from, until: row.term_until },
    nextTerm:
      row.next_from && row.next_until ? { from: row.next_from, until: row.next_until } : null,
    hospitalConfirmedAt: row.hospital_confirmed_at?.toISOString() ?? null,
    enterpriseConfirmedAt: row.enterprise_confirmed_at?.toISOString() ?? null,
    duties: row.duties,
    hoursPerWeek: row.hours_per_week,
    renewals: row.renewals,
    endedBy: row.ended_by,
    exitReason: row.exit_reason,
    endedAt: row.ended_at?.toISOString() ?? null,
    reviews: row.reviews.map((review) => ({
      ...review,
      createdAt: new Date(review.createdAt).toISOString(),
    })),
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}
