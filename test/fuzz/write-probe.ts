import { DataSource } from 'typeorm';
import { filesUnder } from '../support/stored-files';

/** A fingerprint of everything a request could have written: every table's rows and the stored files. */
export interface WriteState {
  tables: Map<string, string>;
  files: number;
}

/**
 * Takes fingerprints of the database (per table: row count and an order-independent hash of the
 * rows) and of the storage folder, to show that a refused request left both as they were.
 */
export class WriteProbe {
  private constructor(
    private readonly dataSource: DataSource,
    private readonly query: string,
    private readonly storageDir: string,
  ) {}

  static async create(dataSource: DataSource, storageDir: string): Promise<WriteProbe> {
    const tables: { schema: string; name: string }[] = await dataSource.query(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
        ORDER BY 1, 2`,
    );
    const query = tables
      .map(
        ({ schema, name }) =>
          `SELECT '${schema}.${name}' AS name, count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)), 0) AS print FROM "${schema}"."${name}" t`,
      )
      .join(' UNION ALL ');
    return new WriteProbe(dataSource, query, storageDir);
  }

  async state(): Promise<WriteState> {
    const rows: { name: string; print: string }[] = await this.dataSource.query(this.query);
    return {
      tables: new Map(rows.map((row) => [row.name, row.print])),
      files: filesUnder(this.storageDir).length,
    };
  }

  /** What differs between two states, as readable lines (none when nothing was written). */
  static changes(before: WriteState, after: WriteState): string[] {
    const changed = [...after.tables]
      .filter(([name, print]) => before.tables.get(name) !== print)
      .map(([name]) => `table ${name} changed`);
    if (before.files !== after.files) changed.push(`stored files ${before.files} → ${after.files}`);
    return changed;
  }
}
