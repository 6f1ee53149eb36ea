import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { actorOf, actsForEnterprise, isStaff, Principal } from '../common/auth/principal';
import { assertVersion, ExpectedVersion } from '../common/http/versioning';
import { newestFirstPage, newestFirstPosition, Page, PageQuery } from '../common/pagination/page';
import { DomainError } from '../common/problem/domain-error';
import { isCheckViolation } from '../database/postgres-errors';
import { PipelineHistoryEntryDto, PipelineHistoryQuery } from './dto/history.dto';
import { VerificationInput } from './dto/verification.dto';
import { PipelineChange, PipelineHistoryRow, PipelineItemRow } from './pipeline-item';
import { PipelineKind } from './pipeline-kinds';

/** What a change sets: SQL assignments and the parameters they name from $9 on. */
interface Assignments {
  sql: string[];
  params: unknown[];
}

/**
 * An enterprise keeps its pipeline (drug products and devices); staff verify each item; each
 * change and verification is one statement that also appends the item before and after to
 * the history, which PostgreSQL refuses to change.
 */
@Injectable()
export class PipelineService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list<Row extends PipelineItemRow, Dto>(
    kind: PipelineKind<Row, Dto>,
    principal: Principal,
    enterpriseId: string,
    page: PageQuery,
  ): Promise<Page<Dto>> {
    this.assertVisible(principal, enterpriseId);
    const after = newestFirstPosition(page);
    const rows: Row[] = await this.dataSource.query(
      `SELECT * FROM ${kind.table}
       WHERE enterprise_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) < ($2, $3::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $4`,
      [enterpriseId, after.createdAt, after.id, page.limit + 1],
    );
    if (rows.length === 0) await this.assertEnterpriseExists(enterpriseId);
    const found = newestFirstPage(rows, page, (row) => ({ createdAt: row.created_at, id: row.id }));
    return { data: found.data.map(kind.toDto), nextCursor: found.nextCursor };
  }

  async get<Row extends PipelineItemRow, Dto>(
    kind: PipelineKind<Row, Dto>,
    principal: Principal,
    enterpriseId: string,
    itemId: string,
  ): Promise<Dto> {
    this.assertVisible(principal, enterpriseId);
    const [row] = (await this.dataSource.query(
      `SELECT * FROM ${kind.table} WHERE id = $1 AND enterprise_id = $2`,
      [itemId, enterpriseId],
    )) as Row[];
    if (!row) throw DomainError.notFound(kind.what);
    return kind.toDto(row);
  }

  async create<Row extends PipelineItemRow, Dto>(
    kind: PipelineKind<Row, Dto>,
    principal: Principal,
    enterpriseId: string,
    input: object,
  ): Promise<Dto> {
    this.assertOwn(principal, enterpriseId);
    const { columns, placeholders, params } = this.fieldsOf(kind, input, 5);
    const actor = actorOf(principal);
    const [row] = await this.translated(kind, () =>
      this.dataSource.query(
        `WITH item AS (
           INSERT INTO ${kind.table} (enterprise_id, ${columns.join(', ')})
           VALUES ($1, ${placeholders.join(', ')}) RETURNING *
         ), history AS (
           INSERT INTO pipeline_history (enterprise_id, item_kind, item_id, change, actor_type, actor_id, after)
           SELECT enterprise_id, $2, id, 'CREATED', $3, $4, to_jsonb(item) FROM item
         )
         SELECT * FROM item`,
        [enterpriseId, kind.kind, actor.type, actor.id, ...params],
      ),
    );
    return kind.toDto(row);
  }

  async update<Row extends PipelineItemRow, Dto>(
    kind: PipelineKind<Row, Dto>,
    principal: Principal,
    enterpriseId: string,
    itemId: string,
    change: object & { expectedVersion?: number },
    ifMatch: number | undefined,
  ): Promise<Dto> {
    this.assertOwn(principal, enterpriseId);
    const { expectedVersion, ...fields } = change;
    const { columns, placeholders, params } = this.fieldsOf(kind, fields, 9);
    if (columns.length === 0) {
      // Nothing to change: the item as it is, still subject to the version the caller read.
      const current = await this.get(kind, principal, enterpriseId, itemId);
      const { version } = current as { version: number };
      assertVersion(version, { ifMatch, body: expectedVersion }, kind.what);
      return current;
    }
    for (const field of kind.required) {
      if ((fields as Record<string, unknown>)[field] === null)
        throw DomainError.invalidField(field, 'may not be null');
    }
    return kind.toDto(
      await this.changeItem(kind, principal, enterpriseId, itemId, 'UPDATED', {
        sql: [
          ...columns.map((column, i) => `${column} = ${placeholders[i]}`),
          `verification = 'PENDING'`,
          'verified_by = NULL',
          'verified_at = NULL',
          'verification_note = NULL',
        ],
        params,
        expected: { ifMatch, body: expectedVersion },
      }),
    );
  }

  async verify<Row extends PipelineItemRow, Dto>(
    kind: PipelineKind<Row, Dto>,
    principal: Principal,
    enterpriseId: string,
    itemId: string,
    input: VerificationInput,
  ): Promise<Dto> {
    if (!isStaff(principal)) throw DomainError.notFound(kind.what);
    return kind.toDto(
      await this.changeItem(kind, principal, enterpriseId, itemId, input.decision, {
        sql: [
          'verification = $9',
          'verified_by = $4',
          'verified_at = clock_timestamp()',
          'verification_note = $10',
        ],
        params: [input.decision, input.note?.trim() || null],
        expected: { body: input.expectedVersion },
      }),
    );
  }

  async remove<Row extends PipelineItemRow, Dto>(
    kind: PipelineKind<Row, Dto>,
    principal: Principal,
    enterpriseId: string,
    itemId: string,
    ifMatch: number | undefined,
  ): Promise<void> {
    this.assertOwn(principal, enterpriseId);
    const actor = actorOf(principal);
    const [row] = (await this.dataSource.query(
      `WITH before AS (
         SELECT * FROM ${kind.table} WHERE id = $1 AND enterprise_id = $2 FOR UPDATE
       ), gone AS (
         DELETE FROM ${kind.table} t USING before
         WHERE t.id = before.id AND ($6::int IS NULL OR before.version = $6)
         RETURNING t.id
       ), history AS (
         INSERT INTO pipeline_history (enterprise_id, item_kind, item_id, change, actor_type, actor_id, before)
         SELECT b.enterprise_id, $3, b.id, 'DELETED', $4, $5, to_jsonb(b) FROM before b JOIN gone ON gone.id = b.id
       )
       SELECT before.version AS current_version, gone.id AS gone FROM before LEFT JOIN gone ON true`,
      [itemId, enterpriseId, kind.kind, actor.type, actor.id, ifMatch ?? null],
    )) as { current_version: number; gone: string | null }[];
    if (!row) throw DomainError.notFound(kind.what);
    if (!row.gone) assertVersion(row.current_version, { ifMatch }, kind.what);
  }

  async history(
    principal: Principal,
    enterpriseId: string,
    query: PipelineHistoryQuery,
  ): Promise<Page<PipelineHistoryEntryDto>> {
    this.assertVisible(principal, enterpriseId);
    const after = newestFirstPosition(query);
    const rows: PipelineHistoryRow[] = await this.dataSource.query(
      `SELECT * FROM pipeline_history
       WHERE enterprise_id = $1 AND ($2::uuid IS NULL OR item_id = $2)
         AND ($3::timestamptz IS NULL OR (created_at, id) < ($3, $4::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $5`,
      [enterpriseId, query.itemId ?? null, after.createdAt, after.id, query.limit + 1],
    );
    if (rows.length === 0) await this.assertEnterpriseExists(enterpriseId);
    const found = newestFirstPage(rows, query, (row) => ({
      createdAt: row.created_at,
      id: row.id,
    }));
    return { data: found.data.map(PipelineHistoryEntryDto.from), nextCursor: found.nextCursor };
  }

  /**
   * Applies `set` to the item in one statement that locks it, checks the expected version,
   * bumps it and appends the history entry. Parameters: $1 item, $2 enterprise, $3 kind,
   * $4 actor id, $5 actor type, $6 change, $7 If-Match, $8 expectedVersion, then `set`'s own.
   */
  private async changeItem<Row extends PipelineItemRow>(
    kind: PipelineKind<Row, unknown>,
    principal: Principal,
    enterpriseId: string,
    itemId: string,
    change: PipelineChange,
    set: Assignments & { expected: ExpectedVersion },
  ): Promise<Row> {
    const actor = actorOf(principal);
    const [row] = (await this.translated(kind, () =>
      this.dataSource.query(
        `WITH before AS (
           SELECT * FROM ${kind.table} WHERE id = $1 AND enterprise_id = $2 FOR UPDATE
         ), item AS (
           UPDATE ${kind.table} t
           SET ${set.sql.join(', ')}, version = t.version + 1, updated_at = clock_timestamp()
           FROM before
           WHERE t.id = before.id
             AND ($7::int IS NULL OR before.version = $7) AND ($8::int IS NULL OR before.version = $8)
           RETURNING t.*
         ), history AS (
           INSERT INTO pipeline_history (enterprise_id, item_kind, item_id, change, actor_type, actor_id, before, after)
           SELECT i.enterprise_id, $3, i.id, $6, $5, $4, to_jsonb(b), to_jsonb(i) FROM item i JOIN before b ON b.id = i.id
         )
         SELECT before.version AS current_version, item.* FROM before LEFT JOIN item ON true`,
        [
          itemId,
          enterpriseId,
          kind.kind,
          actor.id,
          actor.type,
          change,
          set.expected.ifMatch ?? null,
          set.expected.body ?? null,
          ...set.params,
        ],
      ),
    )) as (Row & { current_version: number })[];
    if (!row) throw DomainError.notFound(kind.what);
    if (!row.id) {
      assertVersion(row.current_version, set.expected, kind.what);
    }
    return row;
  }

  /** The column of each known field present, its placeholder (numbered from `first`) and value. */
  private fieldsOf(kind: PipelineKind<PipelineItemRow, unknown>, fields: object, first: number) {
    const present = Object.entries(fields).filter(
      ([field, value]) => value !== undefined && Object.hasOwn(kind.columns, field),
    );
    return {
      columns: present.map(([field]) => kind.columns[field]),
      placeholders: present.map((_, i) => `$${first + i}`),
      params: present.map(([, value]) => value as unknown),
    };
  }

  /** A broken rule across fields is the client's mistake: a 400 naming the field. */
  private async translated<T>(
    kind: PipelineKind<PipelineItemRow, unknown>,
    query: () => Promise<T>,
  ): Promise<T> {
    try {
      return await query();
    } catch (error) {
      if (isCheckViolation(error, kind.rule.constraint))
        throw DomainError.invalidField(kind.rule.field, kind.rule.message);
      throw error;
    }
  }

  /** The enterprise's own users and park staff read its pipeline; others get a 404. */
  private assertVisible(principal: Principal, enterpriseId: string): void {
    if (!isStaff(principal) && !actsForEnterprise(principal, enterpriseId))
      throw DomainError.notFound('Enterprise');
  }

  /** Only the enterprise keeps its pipeline; staff verify it but never edit it. */
  private assertOwn(principal: Principal, enterpriseId: string): void {
    if (principal.kind !== 'user' || principal.enterpriseId !== enterpriseId)
      throw DomainError.notFound('Enterprise');
  }

  private async assertEnterpriseExists(enterpriseId: string): Promise<void> {
    const [found] = await this.dataSource.query(`SELECT 1 FROM enterprises WHERE id = $1`, [
      enterpriseId,
    ]);
    if (!found) throw DomainError.notFound('Enterprise');
  }
}
