import type { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainError } from '../problem/domain-error';
import { QueryInteger } from '../validation/strict-values';

export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20, example: 20 })
  @IsOptional()
  @QueryInteger()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({
    description: "Opaque cursor from the previous page's `nextCursor`.",
    example:
      'eyJ0IjoiMjAyNi0xMS0yM1QwODowMDowMC4wMDBaIiwiaSI6IjBmMWUyZDNjLTRiNWEtNjk3OC04ZjllLWQxYzJiM2E0ZjVlNiJ9',
  })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

interface CursorPosition {
  /** created_at of the last row, ISO with milliseconds (tables listed this way store ms). */
  t: string;
  /** id of the last row, the tie-breaker. */
  i: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(cursor: string): CursorPosition {
  try {
    const position = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    ) as CursorPosition;
    if (
      typeof position.t === 'string' &&
      !Number.isNaN(Date.parse(position.t)) &&
      UUID.test(position.i)
    ) {
      return position;
    }
  } catch {
    // fall through to the error below
  }
  throw DomainError.invalidField('cursor', 'is not a cursor this API issued');
}

const encodeCursor = (position: CursorPosition) =>
  Buffer.from(JSON.stringify(position)).toString('base64url');

/** Where a newest-first page continues: strictly after this (created_at, id), or from the top. */
export interface NewestFirstPosition {
  createdAt: string | null;
  id: string | null;
}

/**
 * The position a page's cursor names, for lists queried in SQL as
 * `($n::timestamptz IS NULL OR (created_at, id) < ($n, $m)) ORDER BY created_at DESC, id DESC
 * LIMIT limit + 1`, then cut with newestFirstPage.
 */
export function newestFirstPosition(page: PageQuery): NewestFirstPosition {
  if (!page.cursor) return { createdAt: null, id: null };
  const { t, i } = decodeCursor(page.cursor);
  return { createdAt: t, id: i };
}

/** The page within `rows`, read newest first with one row more than the page holds. */
export function newestFirstPage<T>(
  rows: T[],
  page: PageQuery,
  positionOf: (row: T) => { createdAt: Date; id: string },
): Page<T> {
  const data = rows.slice(0, page.limit);
  const last = data[data.length - 1];
  if (rows.length <= page.limit || !last) return { data, nextCursor: null };
  const { createdAt, id } = positionOf(last);
  return { data, nextCursor: encodeCursor({ t: createdAt.toISOString(), i: id }) };
}

/**
 * Newest first, stable under inserts: the cursor is the (created_at, id) of the last row
 * and the next page continues strictly after it, on an index of the same order.
 */
export async function paginateNewestFirst<
  T extends ObjectLiteral & { id: string; createdAt: Date },
>(query: SelectQueryBuilder<T>, page: PageQuery): Promise<Page<T>> {
  const alias = query.alias;
  const after = newestFirstPosition(page);
  if (after.createdAt !== null) {
    query.andWhere(`(${alias}.created_at, ${alias}.id) < (:cursorTime, :cursorId)`, {
      cursorTime: after.createdAt,
      cursorId: after.id,
    });
  }
  const rows = await query
    .orderBy(`${alias}.created_at`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(page.limit + 1)
    .getMany();
  return newestFirstPage(rows, page, (row) => row);
}

export function mapPage<T, U>(page: Page<T>, map: (item: T) => U): Page<U> {
  return { data: page.data.map(map), nextCursor: page.nextCursor };
}

/** The OpenAPI shape of a page of `item`, named `<Item>Page`. */
export function PageOf<T>(item: ClassType<T>): ClassType<Page<T>> {
  class PageOfItems {
    @ApiProperty({ type: [item] })
    data: T[];

    @ApiProperty({
      type: String,
      nullable: true,
      description: 'Pass as `cursor` to get the next page; null on the last page.',
      example: null,
    })
    nextCursor: string | null;
  }
  Object.defineProperty(PageOfItems, 'name', { value: `${item.name.replace(/Dto$/, '')}Page` });
  return PageOfItems;
}

/**
 * Ascending by a unique text column (catalogue codes); the cursor is the last key.
 */
export async function paginateByKey<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  page: PageQuery,
  column: string & keyof T,
): Promise<Page<T>> {
  const alias = query.alias;
  const after = keyCursorPosition(page);
  if (after !== null) query.andWhere(`${alias}.${column} > :cursorKey`, { cursorKey: after });
  const rows = await query
    .orderBy(`${alias}.${column}`, 'ASC')
    .limit(page.limit + 1)
    .getMany();
  return byKeyPage(rows, page, (row) => row[column] as string);
}

/** The key a page ascending by key continues after, or null from the first. */
export function keyCursorPosition(page: PageQuery): string | null {
  if (!page.cursor) return null;
  let after: unknown;
  try {
    after = JSON.parse(Buffer.from(page.cursor, 'base64url').toString('utf8')).k;
  } catch {
    after = undefined;
  }
  if (typeof after !== 'string')
    throw DomainError.invalidField('cursor', 'is not a cursor this API issued');
  return after;
}

/** The page within `rows`, read ascending by key with one row more than the page holds. */
export function byKeyPage<T>(rows: T[], page: PageQuery, keyOf: (row: T) => string): Page<T> {
  const data = rows.slice(0, page.limit);
  const last = data[data.length - 1];
  return {
    data,
    nextCursor:
      rows.length > page.limit && last
        ? Buffer.from(JSON.stringify({ k: keyOf(last) })).toString('base64url')
        : null,
  };
}
