import { subscribe } from 'node:diagnostics_channel';
import type { Logger } from 'typeorm';

/**
 * Round trips this process has made since it started, bumped where they leave it: every
 * process counts, whatever its role and however many data sources and Redis clients it has.
 */
export const roundTrips = { databaseStatements: 0, redisCommands: 0 };

// ioredis publishes each command here as it writes it to the socket: Bull's clients, the rate
// limit store and the health checks alike, including the commands of a pipeline or MULTI.
subscribe('tracing:ioredis:command:start', () => {
  roundTrips.redisCommands += 1;
});

/**
 * TypeORM's query runner tells its logger of every statement it sends, transaction control
 * included; this one counts them and leaves the logging to the logger TypeORM would use.
 */
export class StatementCountingLogger implements Logger {
  constructor(private readonly delegate: Logger) {}

  logQuery(...args: Parameters<Logger['logQuery']>): void {
    roundTrips.databaseStatements += 1;
    this.delegate.logQuery(...args);
  }

  logQueryError(...args: Parameters<Logger['logQueryError']>): void {
    this.delegate.logQueryError(...args);
  }

  logQuerySlow(...args: Parameters<Logger['logQuerySlow']>): void {
    this.delegate.logQuerySlow(...args);
  }

  logSchemaBuild(...args: Parameters<Logger['logSchemaBuild']>): void {
    this.delegate.logSchemaBuild(...args);
  }

  logMigration(...args: Parameters<Logger['logMigration']>): void {
    this.delegate.logMigration(...args);
  }

  log(...args: Parameters<Logger['log']>): void {
    this.delegate.log(...args);
  }
}
