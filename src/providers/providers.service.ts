import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { NewPersonDto } from '../auth/dto/auth.dto';
import { Actor, actorOf, isStaff, UserPrincipal } from '../common/auth/principal';
import { Clock } from '../common/clock/clock';
import { newestFirstPage, newestFirstPosition, Page } from '../common/pagination/page';
import { DomainError } from '../common/problem/domain-error';
import { escapeLike } from '../database/escape-like';
import { isUniqueViolation } from '../database/postgres-errors';
import { EventsService } from '../events/events.service';
import { UserDto } from '../users/dto/user.dto';
import { UsersService } from '../users/users.service';
import {
  NewProviderDto,
  ProviderApplicationDto,
  ProviderDto,
  ProviderListQuery,
  ProviderStatusChangeDto,
  PROVIDER_TRANSITIONS,
  UpdateProviderDto,
} from './dto/provider.dto';

interface ProviderRow {
  id: string;
  name: string;
  name_en: string | null;
  kind: ProviderDto['kind'];
  credit_code: string;
  description: string;
  address: string;
  contact_name: string;
  contact_phone: string;
  contact_email: string;
  capabilities: string[];
  capacity: number;
  status: ProviderDto['status'];
  status_reason: string | null;
  status_changed_at: Date | null;
  rating_count: number;
  rating_sum: number;
  services: string[];
  version: number;
  created_at: Date;
}

const PROVIDER_SELECT = `SELECT p.*, ARRAY(SELECT s.service_code FROM provider_services s
  WHERE s.provider_id = p.id ORDER BY s.service_code) AS services FROM service_providers p`;

/**
 * The park's register of third-party agencies: they apply (or the park files for them), the
 * park lists, rejects, suspends and delists them, every decision audited with its reason.
 * Staff see the whole register; a provider's own users only their provider.
 */
@Injectable()
export class ProvidersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The public application: the agency, APPLIED, and its first user, who may sign in at once. */
  async apply(
    application: ProviderApplicationDto,
  ): Promise<{ provider: ProviderDto; user: UserDto }> {
    return this.dataSource.transaction(async (manager) => {
      const id = await this.insertProvider(manager, application.provider, {
        type: 'system',
        id: null,
      });
      const user = await this.users.insertUser(manager, {
        ...application.user,
        role: 'PROVIDER_USER',
        providerId: id,
      });
      return { provider: await this.read(manager, id), user: UserDto.from(user) };
    });
  }

  /** The park files the application for an agency; the review follows as for any other. */
  async create(admin: UserPrincipal, provider: NewProviderDto): Promise<ProviderDto> {
    return this.dataSource.transaction(async (manager) => {
      const id = await this.insertProvider(manager, provider, actorOf(admin));
      return this.read(manager, id);
    });
  }

  /**
   * Staff see the whole register; a provider's users their own; enterprises the listed ones,
   * to choose a holder for a mandate.
   */
  async list(principal: UserPrincipal, query: ProviderListQuery): Promise<Page<ProviderDto>> {
    const after = newestFirstPosition(query);
    const enterprise = principal.enterpriseId !== null;
    if (enterprise && query.status && query.status !== 'LISTED')
      return { data: [], nextCursor: null };
    const rows: ProviderRow[] = await this.dataSource.query(
      `${PROVIDER_SELECT}
       WHERE ($1::uuid IS NULL OR p.id = $1) AND ($2::text IS NULL OR p.status = $2)
         AND ($3::text IS NULL OR p.kind = $3)
         AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM provider_services s WHERE s.provider_id = p.id AND s.service_code = $4))
         AND ($5::text IS NULL OR p.name ILIKE $5 OR p.credit_code ILIKE $5)
         AND ($6::timestamptz IS NULL OR (p.created_at, p.id) < ($6, $7::uuid))
       ORDER BY p.created_at DESC, p.id DESC LIMIT $8`,
      [
        isStaff(principal) || enterprise ? null : principal.providerId,
        enterprise ? 'LISTED' : (query.status ?? null),
        query.kind ?? null,
        query.service ?? null,
        query.q ? `%${escapeLike(query.q)}%` : null,
        after.createdAt,
        after.id,
        query.limit + 1,
      ],
    );
    const page = newestFirstPage(rows, query, (row) => ({ createdAt: row.created_at, id: row.id }));
    return { data: page.data.map(toDto), nextCursor: page.nextCursor };
  }

  async get(principal: UserPrincipal, id: string): Promise<ProviderDto> {
    if (!isStaff(principal) && !principal.enterpriseId && principal.providerId !== id)
      throw DomainError.notFound('Provider');
    const provider = await this.read(this.dataSource.manager, id);
    if (principal.enterpriseId && provider.status !== 'LISTED')
      throw DomainError.notFound('Provider');
    return provider;
  }

  async update(admin: UserPrincipal, id: string, change: UpdateProviderDto): Promise<ProviderDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockVersion(manager, id, change.expectedVersion);
      const { services, expectedVersion: _version, ...profile } = change;
      await manager.query(
        `UPDATE service_providers SET
           name = COALESCE($2, name), name_en = COALESCE($3, name_en), kind = COALESCE($4, kind),
           description = COALESCE($5, description), address = COALESCE($6, address),
           contact_name = COALESCE($7, contact_name), contact_phone = COALESCE($8, contact_phone),
           contact_email = COALESCE($9, contact_email), capabilities = COALESCE($10, capabilities),
           capacity = COALESCE($11, capacity), version = version + 1, updated_at = $12
         WHERE id = $1`,
        [
          id,
          profile.name ?? null,
          profile.nameEn ?? null,
          profile.kind ?? null,
          profile.description ?? null,
          profile.address ?? null,
          profile.contactName ?? null,
          profile.contactPhone ?? null,
          profile.contactEmail ?? null,
          profile.capabilities ?? null,
          profile.capacity ?? null,
          this.clock.now(),
        ],
      );
      if (services) await this.replaceServices(manager, id, services);
      await this.audit.record(manager, actorOf(admin), 'provider.updated', target(id), {
        before: { version: before.version },
        change,
      });
      return this.read(manager, id);
    });
  }

  /**
   * Lists, rejects, suspends or delists. Requests offered to a provider that stops being
   * listed go back to the officer (declined with the park's reason); accepted ones go on.
   */
  async changeStatus(
    admin: UserPrincipal,
    id: string,
    change: ProviderStatusChangeDto,
  ): Promise<ProviderDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockVersion(manager, id, change.expectedVersion);
      if (!PROVIDER_TRANSITIONS[before.status].includes(change.status)) {
        throw new DomainError(
          'conflict',
          `A ${before.status} provider cannot become ${change.status}`,
          { allowedStatuses: PROVIDER_TRANSITIONS[before.status] },
        );
      }
      const now = this.clock.now();
      await manager.query(
        `WITH changed AS (
           UPDATE service_providers SET status = $2, status_reason = $3, status_changed_at = $4,
             version = version + 1, updated_at = $4
           WHERE id = $1 RETURNING id
         )
         UPDATE provider_handovers SET status = 'DECLINED', decline_reason = $5, updated_at = $4, version = version + 1
         WHERE provider_id = (SELECT id FROM changed) AND status = 'OFFERED' AND $2 <> 'LISTED'`,
        [id, change.status, change.reason, now, `PROVIDER_${change.status}: ${change.reason}`],
      );
      await this.audit.record(manager, actorOf(admin), 'provider.status_changed', target(id), {
        from: before.status,
        to: change.status,
        reason: change.reason,
      });
      await this.events.record(manager, {
        type: 'provider.status_changed',
        subjectType: 'provider',
        subjectId: id,
        enterpriseId: null,
        actor: actorOf(admin),
        data: { from: before.status, to: change.status, reason: change.reason },
      });
      return this.read(manager, id);
    });
  }

  /** The park adds a user of the provider (the agency's staff who work the handovers). */
  async addUser(admin: UserPrincipal, id: string, person: NewPersonDto): Promise<UserDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockVersion(manager, id);
      const user = await this.users.insertUser(manager, {
        ...person,
        role: 'PROVIDER_USER',
        providerId: id,
      });
      await this.audit.record(
        manager,
        actorOf(admin),
        'user.created',
        {
          type: 'user',
          id: user.id,
        },
        { role: user.role, providerId: id },
      );
      return UserDto.from(user);
    });
  }

  private async insertProvider(
    manager: EntityManager,
    provider: NewProviderDto,
    actor: Actor,
  ): Promise<string> {
    let id: string;
    try {
      [{ id }] = await manager.query(
        `INSERT INTO service_providers (name, name_en, kind, credit_code, description, address,
           contact_name, contact_phone, contact_email, capabilities, capacity, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, COALESCE($11, 5), 'APPLIED', $12, $12) RETURNING id`,
        [
          provider.name,
          provider.nameEn ?? null,
          provider.kind,
          provider.creditCode,
          provider.description ?? '',
          provider.address ?? '',
          provider.contactName,
          provider.contactPhone,
          provider.contactEmail,
          provider.capabilities,
          provider.capacity ?? null,
          this.clock.now(),
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'service_providers_credit_code_key')) {
        throw new DomainError(
          'conflict',
          'A provider with this credit code is already registered',
          {
            errors: [{ field: 'provider.creditCode', message: 'is already registered' }],
          },
        );
      }
      throw error;
    }
    await this.replaceServices(manager, id, provider.services);
    if (actor.type === 'user')
      await this.audit.record(manager, actor, 'provider.created', target(id), {
        name: provider.name,
      });
    await this.events.record(manager, {
      type: 'provider.applied',
      subjectType: 'provider',
      subjectId: id,
      enterpriseId: null,
      actor,
      data: { name: provider.name, kind: provider.kind, services: provider.services },
    });
    return id;
  }

  /** The services must be value-added services of the catalogue (else 400, and nothing changes). */
  private async replaceServices(
    manager: EntityManager,
    id: string,
    services: string[],
  ): Promise<void> {
    const [{ unknown }] = await manager.query(
      `WITH wanted AS (SELECT DISTINCT unnest($2::text[]) AS code),
       known AS (SELECT w.code FROM wanted w JOIN services s ON s.code = w.code AND s.category = 'VALUE_ADDED'),
       cleared AS (
         DELETE FROM provider_services WHERE provider_id = $1 AND service_code NOT IN (SELECT code FROM wanted)
         RETURNING 1
       ), inserted AS (
         INSERT INTO provider_services (provider_id, service_code) SELECT $1, code FROM known
         ON CONFLICT DO NOTHING RETURNING 1
       )
       SELECT ARRAY(SELECT code FROM wanted EXCEPT SELECT code FROM known) AS unknown`,
      [id, services],
    );
    if (unknown.length > 0)
      throw DomainError.invalidField(
        'services',
        `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a value-added service' : 'are not value-added services'}`,
      );
  }

  private async lockVersion(
    manager: EntityManager,
    id: string,
    expectedVersion?: number,
  ): Promise<Pick<ProviderRow, 'status' | 'version'>> {
    const [row] = await manager.query(
      `SELECT status, version FROM service_providers WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw DomainError.notFound('Provider');
    if (expectedVersion !== undefined && expectedVersion !== row.version)
      throw new DomainError(
        'version-conflict',
        `The provider is at version ${row.version}, not ${expectedVersion}`,
      );
    return row;
  }

  private async read(manager: EntityManager, id: string): Promise<ProviderDto> {
    const [row]: ProviderRow[] = await manager.query(`${PROVIDER_SELECT} WHERE p.id = $1`, [id]);
    if (!row) throw DomainError.notFound('Provider');
    return toDto(row);
  }
}

const target = (id: string) => ({ type: 'provider', id });

function toDto(row: ProviderRow): ProviderDto {
  return {
    id: row.id,
    name: row.name,
    nameEn: row.name_en,
    kind: row.kind,
    creditCode: row.credit_code,
    description: row.description,
    address: row.address,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    contactEmail: row.contact_email,
    services: row.services,
    capabilities: row.capabilities,
    capacity: row.capacity,
    status: row.status,
    statusReason: row.status_reason,
    statusChangedAt: row.status_changed_at?.toISOString() ?? null,
    rating: row.rating_count ? Math.round((row.rating_sum / row.rating_count) * 10) / 10 : null,
    ratingCount: row.rating_count,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}
