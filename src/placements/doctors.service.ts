import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { actorOf, isAdmin, UserPrincipal } from '../common/auth/principal';
import { Clock } from '../common/clock/clock';
import { newestFirstPage, newestFirstPosition, Page } from '../common/pagination/page';
import { DomainError } from '../common/problem/domain-error';
import { isUniqueViolation } from '../database/postgres-errors';
import {
  DoctorDto,
  DoctorListQuery,
  DoctorTitle,
  NewDoctorDto,
  UpdateDoctorDto,
} from './dto/doctor.dto';

interface DoctorRow {
  id: string;
  institution_id: string;
  institution_name: string;
  name: string;
  specialty: string;
  title: DoctorTitle;
  licence_number: string;
  active: boolean;
  live_placements: number;
  version: number;
  created_at: Date;
}

const DOCTOR_SELECT = `SELECT d.*, i.name AS institution_name, (
    SELECT count(*)::int FROM doctor_placements p WHERE p.doctor_id = d.id AND p.status <> 'ENDED'
  ) AS live_placements
  FROM doctors d JOIN trial_institutions i ON i.id = d.institution_id`;

/**
 * The doctors of the trial institutions that the park places with enterprises. A hospital's
 * users keep their own hospital's doctors and see no other's; the park's staff read them all
 * (officers choose a doctor for a request), and admins keep any.
 */
@Injectable()
export class DoctorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(principal: UserPrincipal, query: DoctorListQuery): Promise<Page<DoctorDto>> {
    const after = newestFirstPosition(query);
    const rows: DoctorRow[] = await this.dataSource.query(
      `${DOCTOR_SELECT}
       WHERE ($1::uuid IS NULL OR d.institution_id = $1) AND ($2::uuid IS NULL OR d.institution_id = $2)
         AND ($3::text IS NULL OR d.specialty = $3)
         AND ($4::timestamptz IS NULL OR (d.created_at, d.id) < ($4, $5::uuid))
       ORDER BY d.created_at DESC, d.id DESC LIMIT $6`,
      [
        principal.institutionId,
        query.institutionId ?? null,
        query.specialty ?? null,
        after.createdAt,
        after.id,
        query.limit + 1,
      ],
    );
    const page = newestFirstPage(rows, query, (row) => ({ createdAt: row.created_at, id: row.id }));
    return { data: page.data.map(toDto), nextCursor: page.nextCursor };
  }

  async get(principal: UserPrincipal, id: string): Promise<DoctorDto> {
    return toDto(await this.findVisible(this.dataSource.manager, principal, id));
  }

  async create(principal: UserPrincipal, doctor: NewDoctorDto): Promise<DoctorDto> {
    const institutionId = principal.institutionId ?? doctor.institutionId;
    if (!institutionId)
      throw DomainError.invalidField('institutionId', "names the doctor's hospital");
    if (principal.institutionId && doctor.institutionId && doctor.institutionId !== institutionId)
      throw DomainError.invalidField('institutionId', 'must be your own hospital');
    return this.dataSource.transaction(async (manager) => {
      let rows: { id: string }[];
      try {
        rows = await manager.query(
          `INSERT INTO doctors (institution_id, name, specialty, title, licence_number, created_at, updated_at)
           SELECT i.id, $2, $3, $4, $5, $6, $6 FROM trial_institutions i WHERE i.id = $1 RETURNING id`,
          [
            institutionId,
            doctor.name,
            doctor.specialty,
            doctor.title,
            doctor.licenceNumber,
            this.clock.now(),
          ],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'doctors_licence_number_key'))
          throw new DomainError(
            'conflict',
            `A doctor with licence ${doctor.licenceNumber} exists`,
            {
              errors: [{ field: 'licenceNumber', message: 'is already registered' }],
            },
          );
        throw error;
      }
      if (rows.length === 0) throw DomainError.invalidField('institutionId', 'is no institution');
      await this.audit.record(manager, actorOf(principal), 'doctor.created', target(rows[0].id), {
        institutionId,
        licenceNumber: doctor.licenceNumber,
      });
      return toDto(await this.findVisible(manager, principal, rows[0].id));
    });
  }

  async update(principal: UserPrincipal, id: string, change: UpdateDoctorDto): Promise<DoctorDto> {
    return this.dataSource.transaction(async (manager) => {
      const doctor = await this.findVisible(manager, principal, id, true);
      if (change.expectedVersion !== undefined && change.expectedVersion !== doctor.version)
        throw new DomainError(
          'version-conflict',
          `The doctor is at version ${doctor.version}, not ${change.expectedVersion}`,
        );
      await manager.query(
        `UPDATE doctors SET name = COALESCE($2, name), specialty = COALESCE($3, specialty),
           title = COALESCE($4, title), active = COALESCE($5, active), version = version + 1, updated_at = $6
         WHERE id = $1`,
        [
          id,
          change.name ?? null,
          change.specialty ?? null,
          change.title ?? null,
          change.active ?? null,
          this.clock.now(),
        ],
      );
      const { expectedVersion: _version, ...changed } = change;
      await this.audit.record(manager, actorOf(principal), 'doctor.updated', target(id), changed);
      return toDto(await this.findVisible(manager, principal, id));
    });
  }

  /** A doctor the principal may see; a hospital's users see their own hospital's only. */
  async findVisible(
    manager: EntityManager,
    principal: UserPrincipal,
    id: string,
    lock = false,
  ): Promise<DoctorRow> {
    const [row]: DoctorRow[] = await manager.query(
      `${DOCTOR_SELECT} WHERE d.id = $2 AND ($1::uuid IS NULL OR d.institution_id = $1)
       ${lock ? 'FOR UPDATE OF d' : ''}`,
      [isAdmin(principal) ? null : principal.institutionId, id],
    );
    if (!row) throw DomainError.notFound('Doctor');
    return row;
  }
}

const target = (id: string) => ({ type: 'doctor', id });

function toDto(row: DoctorRow): DoctorDto {
  return {
    id: row.id,
    institutionId: row.institution_id,
    institutionName: row.institution_name,
    name: row.name,
    specialty: row.specialty,
    title: row.title,
    licenceNumber: row.licence_number,
    active: row.active,
    livePlacements: row.live_placements,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}
