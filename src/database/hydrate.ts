import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * An entity from a row of `SELECT *`, converted as TypeORM's own reads convert it, without
 * building the query through TypeORM: for the hottest reads, where that cost more CPU than
 * the round trip.
 */
export function hydrate<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
): T {
  const metadata = manager.connection.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns)
    column.setEntityValue(
      entity,
      manager.connection.driver.prepareHydratedValue(row[column.databaseName], column),
    );
  return entity;
}

/** The row with this primary key as an entity, optionally locked for the transaction. */
export async function findRow<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  id: string,
  options: { lock?: boolean } = {},
): Promise<T | null> {
  const metadata = manager.connection.getMetadata(target);
  const [row]: Record<string, unknown>[] = await manager.query(
    `SELECT * FROM ${metadata.tablePath} WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row ? hydrate(manager, target, row) : null;
}
