import { once } from 'node:events';
import { AddressInfo, createServer, Server } from 'node:net';
import Redis from 'ioredis';
import type { Logger } from 'typeorm';
import { roundTrips, StatementCountingLogger } from './round-trips';

describe('StatementCountingLogger', () => {
  const delegate = (): jest.Mocked<Logger> => ({
    logQuery: jest.fn(),
    logQueryError: jest.fn(),
    logQuerySlow: jest.fn(),
    logSchemaBuild: jest.fn(),
    logMigration: jest.fn(),
    log: jest.fn(),
  });

  it('counts every statement and still hands it to the logger', () => {
    const inner = delegate();
    const logger = new StatementCountingLogger(inner);
    const before = roundTrips.databaseStatements;
    logger.logQuery('START TRANSACTION');
    logger.logQuery('SELECT 1 WHERE $1', [true]);
    logger.logQuery('COMMIT');
    expect(roundTrips.databaseStatements - before).toBe(3);
    expect(inner.logQuery).toHaveBeenCalledWith('SELECT 1 WHERE $1', [true]);
  });

  it('counts nothing else and passes everything else on', () => {
    const inner = delegate();
    const logger = new StatementCountingLogger(inner);
    const before = roundTrips.databaseStatements;
    logger.logQueryError('boom', 'SELECT 1');
    logger.logQuerySlow(1200, 'SELECT pg_sleep(1.2)');
    logger.logSchemaBuild('schema');
    logger.logMigration('migrated');
    logger.log('warn', 'careful');
    expect(roundTrips.databaseStatements).toBe(before);
    expect(inner.logQueryError).toHaveBeenCalledWith('boom', 'SELECT 1');
    expect(inner.logQuerySlow).toHaveBeenCalledWith(1200, 'SELECT pg_sleep(1.2)');
    expect(inner.logSchemaBuild).toHaveBeenCalledWith('schema');
    expect(inner.logMigration).toHaveBeenCalledWith('migrated');
    expect(inner.log).toHaveBeenCalledWith('warn', 'careful');
  });
});

describe('Redis command count', () => {
  let server: Server;
  let redis: Redis;

  beforeAll(async () => {
    // Answers each command (a RESP array: a line starting with '*') with PONG.
    server = createServer((socket) =>
      socket.on('data', (chunk) => {
        const commands = chunk.toString().match(/(^|\r\n)\*/g)?.length ?? 0;
        socket.write('+PONG\r\n'.repeat(commands));
      }),
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    redis = new Redis({ port, host: '127.0.0.1', lazyConnect: true, enableReadyCheck: false });
    await redis.connect();
  });

  afterAll(async () => {
    redis.disconnect();
    server.close();
    await once(server, 'close');
  });

  it('counts each command an ioredis client sends, pipelined ones too', async () => {
    const before = roundTrips.redisCommands;
    await redis.ping();
    await redis.pipeline().ping().ping().exec();
    expect(roundTrips.redisCommands - before).toBe(3);
  });
});
