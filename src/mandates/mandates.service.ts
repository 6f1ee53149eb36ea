import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { actorOf, isAdmin, Principal, UserPrincipal } from '../common/auth/principal';
import { newestFirstPage, newestFirstPosition, Page } from '../common/pagination/page';
import { DomainError } from '../common/problem/domain-error';
import { EventsService } from '../events/events.service';
import {
  MandateDto,
  MandateListQuery,
  MandateStatus,
  NewMandateDto,
  RevokeMandateDto,
} from './dto/mandate.dto';
import {
  holdsMandate,
  mandateCovers,
  mandateInForce,
  mayHoldMandates,
  parkDay,
  SERVICE_CENTRE_DEPARTMENT,
} from './mandate-holders';

/** The longest a mandate may run: three years, as the service centre's agreements do. */
const MAX_DAYS = 3 * 366;

interface MandateRow {
  id: string;
  enterprise_id: string;
  enterprise_name: string;
  holder_kind: MandateDto['holderKind'];
  holder_user_id: string | null;
  holder_provider_id: string | null;
  holder_name: string;
  service_codes: string[] | null;
  valid_from: string;
  valid_until: string;
  can_submit: boolean;
  note: string;
  granted_by: string;
  granted_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  version: number;
}

/** The status on the day bound at $5. */
const STATUS_SQL = `CASE WHEN m.revoked_at IS NOT NULL THEN 'REVOKED' WHEN m.valid_until < $5::date THEN 'EXPIRED'
  WHEN m.valid_from > $5::date THEN 'SCHEDULED' ELSE 'ACTIVE' END`;

const MANDATE_SELECT = `
  SELECT m.id, m.enterprise_id, e.name AS enterprise_name, m.holder_kind, m.holder_user_id,
    m.holder_provider_id, COALESCE(u.name, sp.name, '园区企业服务中心窗口') AS holder_name,
    m.service_codes, m.valid_from::text, m.valid_until::text, m.can_submit, m.note, m.granted_by,
    m.granted_at, m.revoked_at, m.revoked_by, m.revoke_reason, m.version
  FROM mandates m JOIN enterprises e ON e.id = m.enterprise_id
    LEFT JOIN users u ON u.id = m.holder_user_id
    LEFT JOIN service_providers sp ON sp.id = m.holder_provider_id`;

/** A mandate in force that lets the caller act for an enterprise. */
export interface MandateInForce {
  id: string;
  canSubmit: boolean;
}

/**
 * Proxy handling (帮办代办): an enterprise's admin mandates the service centre's window, one of
 * its staff, or a listed provider, and revokes the mandate; holders see what they hold. Every act
 * of a holder checks the mandate in its own transaction or statement (inForce), never a cache.
 */
@Injectable()
export class MandatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  async grant(principal: UserPrincipal, input: NewMandateDto): Promise<MandateDto> {
    const enterpriseId = principal.enterpriseId!;
    const today = parkDay(this.clock.now());
    this.checkPeriod(input, today);
    const holderUserId = input.holderKind === 'USER' ? input.holderUserId! : null;
    const holderProviderId = input.holderKind === 'PROVIDER' ? input.holderProviderId! : null;
    const serviceCodes = input.serviceCodes ?? null;
    // One read checks the holder and the services; one statement writes the mandate and its event.
    const [checks]: { holder: boolean; unknown: string[] }[] = await this.dataSource.query(
      `SELECT
         CASE $1::text
           WHEN 'USER' THEN EXISTS (SELECT 1 FROM users WHERE id = $2 AND active
             AND department_code = '${SERVICE_CENTRE_DEPARTMENT}' AND role IN ('OFFICER', 'DEPARTMENT_HEAD'))
           WHEN 'PROVIDER' THEN EXISTS (SELECT 1 FROM service_providers WHERE id = $3 AND status = 'LISTED')
           ELSE true END AS holder,
         ARRAY(SELECT wanted.code FROM unnest($4::text[]) AS wanted (code)
           WHERE NOT EXISTS (SELECT 1 FROM services s WHERE s.code = wanted.code
             AND s.current_version IS NOT NULL AND s.retired_at IS NULL)) AS unknown`,
      [input.holderKind, holderUserId, holderProviderId, serviceCodes ?? []],
    );
    if (!checks.holder)
      throw input.holderKind === 'USER'
        ? DomainError.invalidField(
            'holderUserId',
            'is not an active officer or head of the park service centre',
          )
        : DomainError.invalidField('holderProviderId', 'is not a listed service provider');
    if (checks.unknown.length > 0)
      throw DomainError.invalidField(
        'serviceCodes',
        `${checks.unknown.join(', ')} ${checks.unknown.length === 1 ? 'is' : 'are'} not a published service`,
      );
    const id = randomUUID();
    const now = this.clock.now();
    await this.events.writeWithEvents(
      this.dataSource.manager,
      {
        ctes: `granted AS (
          INSERT INTO mandates (id, enterprise_id, holder_kind, holder_user_id, holder_provider_id, service_codes,
            valid_from, valid_until, can_submit, note, granted_by, granted_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id
        )`,
        params: [
          id,
          enterpriseId,
          input.holderKind,
          holderUserId,
          holderProviderId,
          serviceCodes,
          input.validFrom,
          input.validUntil,
          input.canSubmit,
          input.note ?? '',
          principal.id,
          now,
        ],
        guard: 'granted',
        select: 'SELECT id FROM granted',
      },
      [
        {
          type: 'mandate.granted',
          subjectType: 'mandate',
          subjectId: id,
          enterpriseId,
          actor: actorOf(principal),
          data: {
            holderKind: input.holderKind,
            holderUserId,
            holderProviderId,
            serviceCodes,
            validFrom: input.validFrom,
            validUntil: input.validUntil,
            canSubmit: input.canSubmit,
          },
        },
      ],
    );
    return this.get(principal, id);
  }

  async list(principal: UserPrincipal, query: MandateListQuery): Promise<Page<MandateDto>> {
    const after = newestFirstPosition(query);
    const today = parkDay(this.clock.now());
    const rows: MandateRow[] = await this.dataSource.query(
      `${MANDATE_SELECT}
       WHERE ${this.scope(principal)}
         AND ($3::uuid IS NULL OR m.enterprise_id = $3)
         AND ($4::text IS NULL OR ${STATUS_SQL} = $4)
         AND ($6::timestamptz IS NULL OR (m.granted_at, m.id) < ($6, $7::uuid))
       ORDER BY m.granted_at DESC, m.id DESC LIMIT $8`,
      [
        ...this.scopeValues(principal),
        query.enterpriseId ?? null,
        query.status ?? null,
        today,
        after.createdAt,
        after.id,
        query.limit + 1,
      ],
    );
    const page = newestFirstPage(rows, query, (row) => ({ createdAt: row.granted_at, id: row.id }));
    return { data: page.data.map((row) => mandateDto(row, today)), nextCursor: page.nextCursor };
  }

  async get(principal: UserPrincipal, id: string): Promise<MandateDto> {
    const row = await this.findVisible(this.dataSource.manager, principal, id);
    return mandateDto(row, parkDay(this.clock.now()));
  }

  /** The enterprise's admin ends a mandate; from the commit on, no act under it passes. */
  async revoke(principal: UserPrincipal, id: string, input: RevokeMandateDto): Promise<MandateDto> {
    const now = this.clock.now();
    const [revoked] = await this.events.writeWithEvents<{ id: string | null }>(
      this.dataSource.manager,
      {
        ctes: `revoked AS (
          UPDATE mandates SET revoked_at = $3, revoked_by = $4, revoke_reason = $5, version = version + 1
          WHERE id = $1 AND enterprise_id = $2 AND revoked_at IS NULL AND ($6::int IS NULL OR version = $6)
          RETURNING id
        )`,
        params: [
          id,
          principal.enterpriseId,
          now,
          principal.id,
          input.reason ?? null,
          input.expectedVersion ?? null,
        ],
        guard: 'revoked',
        select: 'SELECT (SELECT id FROM revoked) AS id',
      },
      [
        {
          type: 'mandate.revoked',
          subjectType: 'mandate',
          subjectId: id,
          enterpriseId: principal.enterpriseId,
          actor: actorOf(principal),
          data: { reason: input.reason ?? null },
        },
      ],
    );
    if (!revoked.id) {
      // Nothing revoked: say why.
      const row = await this.findVisible(this.dataSource.manager, principal, id);
      if (row.revoked_at) throw new DomainError('conflict', 'The mandate is revoked already');
      throw new DomainError(
        'version-conflict',
        `The mandate is at version ${row.version}, not ${input.expectedVersion}`,
      );
    }
    return this.get(principal, id);
  }

  /**
   * The mandate in force that lets the principal act for the enterprise on the service (null:
   * a bundle), the one with the right to submit first; null when there is none. With `lock`,
   * the row is share-locked until the caller's transaction ends, so a revocation waits for the
   * act and no act passes once the revocation committed.
   */
  async inForce(
    manager: EntityManager,
    principal: Principal,
    enterpriseId: string,
    serviceCode: string | null,
    options: { lock?: boolean } = {},
  ): Promise<MandateInForce | null> {
    if (!mayHoldMandates(principal)) return null;
    const [row]: { id: string; can_submit: boolean }[] = await manager.query(
      `SELECT m.id, m.can_submit FROM mandates m
       WHERE m.enterprise_id = $1 AND ${holdsMandate('$2')} AND ${mandateInForce('$3')}
         AND ${mandateCovers('$4::text')}
       ORDER BY m.can_submit DESC, m.granted_at LIMIT 1 ${options.lock ? 'FOR SHARE OF m' : ''}`,
      [enterpriseId, principal.id, parkDay(this.clock.now()), serviceCode],
    );
    return row ? { id: row.id, canSubmit: row.can_submit } : null;
  }

  /** Enterprise users see their enterprise's mandates; holders those they hold; admins all. */
  private scope(principal: UserPrincipal): string {
    if (isAdmin(principal)) return '($1::uuid IS NULL AND $2::uuid IS NULL)';
    return `(m.enterprise_id = $1 OR ${holdsMandate('$2')})`;
  }

  private scopeValues(principal: UserPrincipal): unknown[] {
    if (isAdmin(principal)) return [null, null];
    return [principal.enterpriseId, principal.id];
  }

  private async findVisible(
    manager: EntityManager,
    principal: UserPrincipal,
    id: string,
  ): Promise<MandateRow> {
    const [row]: MandateRow[] = await manager.query(
      `${MANDATE_SELECT} WHERE m.id = $3 AND ${this.scope(principal)}`,
      [...this.scopeValues(principal), id],
    );
    if (!row) throw DomainError.notFound('Mandate');
    return row;
  }

  private checkPeriod(input: NewMandateDto, today: string): void {
    if (input.validUntil < input.validFrom)
      throw DomainError.invalidField('validUntil', 'must not be before validFrom');
    if (input.validUntil < today)
      throw DomainError.invalidField('validUntil', 'must not be in the past');
    const days = (Date.parse(input.validUntil) - Date.parse(input.validFrom)) / 86_400_000;
    if (days > MAX_DAYS)
      throw DomainError.invalidField('validUntil', 'must be at most three years after validFrom');
  }
}

function statusOf(row: MandateRow, today: string): MandateStatus {
  if (row.revoked_at) return 'REVOKED';
  if (row.valid_until < today) return 'EXPIRED';
  if (row.valid_from > today) return 'SCHEDULED';
  return 'ACTIVE';
}

function mandateDto(row: MandateRow, today: string): MandateDto {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    holderKind: row.holder_kind,
    holderUserId: row.holder_user_id,
    holderProviderId: row.holder_provider_id,
    holderName: row.holder_name,
    serviceCodes: row.service_codes,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    canSubmit: row.can_submit,
    note: row.note,
    status: statusOf(row, today),
    grantedBy: row.granted_by,
    grantedAt: row.granted_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokedBy: row.revoked_by,
    revokeReason: row.revoke_reason,
    version: row.version,
  };
}
