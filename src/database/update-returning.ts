import type { EntityManager } from 'typeorm';

/**
 * Runs an UPDATE or DELETE ... RETURNING and gives back its rows. (TypeORM's query() answers
 * these with [rows, affectedCount] instead of the rows themselves.)
 */
export async function updateReturning<T>(
  manager: Pick<EntityManager, 'query'>,
  sql: string,
  parameters: unknown[],
): Promise<T[]> {
  const [rows] = (await manager.query(sql, parameters)) as [T[], number];
  return rows;
}
