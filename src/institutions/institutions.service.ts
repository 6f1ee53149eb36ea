import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { NewPersonDto } from '../auth/dto/auth.dto';
import { actorOf, UserPrincipal } from '../common/auth/principal';
import { Clock } from '../common/clock/clock';
import { byKeyPage, keyCursorPosition, Page } from '../common/pagination/page';
import { DomainError } from '../common/problem/domain-error';
import { isUniqueViolation } from '../database/postgres-errors';
import { UserDto } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import {
  InstitutionDto,
  InstitutionListQuery,
  NewInstitutionDto,
  UpdateInstitutionDto,
} from './dto/institution.dto';

interface InstitutionRow {
  id: string;
  code: string;
  name: string;
  name_en: string;
  specialties: string[];
  gcp_specialties: string[];
  indications: string[];
  capacity: number;
  load: number;
  address: string;
  active: boolean;
  version: number;
}

/** With the trials offered to or accepted by each, whose applications are still open. */
const INSTITUTION_SELECT = `SELECT i.*, (
    SELECT count(*)::int FROM institution_dockings d JOIN applications a ON a.id = d.application_id
    WHERE d.institution_id = i.id AND d.status IN ('OFFERED', 'ACCEPTED')
      AND a.status IN ('IN_PROGRESS', 'SUPPLEMENT_REQUIRED')
  ) AS load FROM trial_institutions i`;

/**
 * The clinical-trial institutions (hospitals) the park docks enterprises with: managed by the
 * park's admins, each with its own users. Anyone signed in may read the register (enterprises
 * name preferred hospitals when filing); an institution's users see only their own.
 */
@Injectable()
export class InstitutionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(principal: UserPrincipal, query: InstitutionListQuery): Promise<Page<InstitutionDto>> {
    const rows: InstitutionRow[] = await this.dataSource.query(
      `${INSTITUTION_SELECT}
       WHERE ($1::uuid IS NULL OR i.id = $1) AND ($2::text IS NULL OR $2 = ANY (i.specialties))
         AND ($3::boolean IS NULL OR i.active = $3) AND ($4::text IS NULL OR i.code > $4)
       ORDER BY i.code LIMIT $5`,
      [
        principal.institutionId,
        query.specialty ?? null,
        query.active === undefined ? null : query.active === 'true',
        keyCursorPosition(query),
        query.limit + 1,
      ],
    );
    return byKeyPage(rows.map(toDto), query, (institution) => institution.code);
  }

  async get(principal: UserPrincipal, id: string): Promise<InstitutionDto> {
    if (principal.institutionId && principal.institutionId !== id)
      throw DomainError.notFound('Institution');
    return this.read(this.dataSource.manager, id);
  }

  async create(admin: UserPrincipal, institution: NewInstitutionDto): Promise<InstitutionDto> {
    return this.dataSource.transaction(async (manager) => {
      let id: string;
      try {
        [{ id }] = await manager.query(
          `INSERT INTO trial_institutions (code, name, name_en, specialties, gcp_specialties, indications,
             capacity, address, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7, 10), $8, $9, $9) RETURNING id`,
          [
            institution.code,
            institution.name,
            institution.nameEn,
            institution.specialties,
            institution.gcpSpecialties,
            institution.indications,
            institution.capacity ?? null,
            institution.address ?? '',
            this.clock.now(),
          ],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'trial_institutions_code_key'))
          throw new DomainError('conflict', `An institution with code ${institution.code} exists`, {
            errors: [{ field: 'code', message: 'is already in use' }],
          });
        throw error;
      }
      await this.audit.record(manager, actorOf(admin), 'institution.created', target(id), {
        code: institution.code,
      });
      return this.read(manager, id);
    });
  }

  async update(
    admin: UserPrincipal,
    id: string,
    change: UpdateInstitutionDto,
  ): Promise<InstitutionDto> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `SELECT version FROM trial_institutions WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row) throw DomainError.notFound('Institution');
      if (change.expectedVersion !== undefined && change.expectedVersion !== row.version)
        throw new DomainError(
          'version-conflict',
          `The institution is at version ${row.version}, not ${change.expectedVersion}`,
        );
      await manager.query(
        `UPDATE trial_institutions SET name = COALESCE($2, name), name_en = COALESCE($3, name_en),
           specialties = COALESCE($4, specialties), gcp_specialties = COALESCE($5, gcp_specialties),
           indications = COALESCE($6, indications), capacity = COALESCE($7, capacity),
           address = COALESCE($8, address), active = COALESCE($9, active),
           version = version + 1, updated_at = $10
         WHERE id = $1`,
        [
          id,
          change.name ?? null,
          change.nameEn ?? null,
          change.specialties ?? null,
          change.gcpSpecialties ?? null,
          change.indications ?? null,
          change.capacity ?? null,
          change.address ?? null,
          change.active ?? null,
          this.clock.now(),
        ],
      );
      const { expectedVersion: _version, ...changed } = change;
      await this.audit.record(manager, actorOf(admin), 'institution.updated', target(id), changed);
      return this.read(manager, id);
    });
  }

  /** The park adds a user of the hospital (its GCP office staff, who decide on dockings). */
  async addUser(admin: UserPrincipal, id: string, person: NewPersonDto): Promise<UserDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.read(manager, id);
      const user = await this.users.insertUser(manager, {
        ...person,
        role: 'INSTITUTION_USER',
        institutionId: id,
      });
      await this.audit.record(
        manager,
        actorOf(admin),
        'user.created',
        { type: 'user', id: user.id },
        { role: user.role, institutionId: id },
      );
      return UserDto.from(user);
    });
  }

  private async read(manager: EntityManager, id: string): Promise<InstitutionDto> {
    const [row]: InstitutionRow[] = await manager.query(`${INSTITUTION_SELECT} WHERE i.id = $1`, [
      id,
    ]);
    if (!row) throw DomainError.notFound('Institution');
    return toDto(row);
  }
}

const target = (id: string) => ({ type: 'institution', id });

function toDto(row: InstitutionRow): InstitutionDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    specialties: row.specialties,
    gcpSpecialties: row.gcp_specialties,
    indications: row.indications,
    capacity: row.capacity,
    load: row.load,
    address: row.address,
    active: row.active,
    version: row.version,
  };
}
