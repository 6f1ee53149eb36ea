import { Body, Controller, Get, HttpCode, Inject, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';

/**
 * The baselines every figure is divided by, served on the same NestJS Fastify adapter as the
 * platform: a hello-world GET, and the least any submit must do — one transaction inserting an
 * application with its form, its event and its outbox row, on a pool of the platform's size.
 */

const POOL = Symbol('pool');

export const BASELINE_SCHEMA = `
  CREATE TABLE IF NOT EXISTS baseline_applications (
    id uuid PRIMARY KEY, enterprise_id uuid NOT NULL, status text NOT NULL, form jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE IF NOT EXISTS baseline_events (
    id uuid PRIMARY KEY, subject_id uuid NOT NULL, type text NOT NULL, data jsonb NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE IF NOT EXISTS baseline_outbox (
    id uuid PRIMARY KEY, job_name text NOT NULL, payload jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now());`;

interface MinimalSubmit {
  enterpriseId: string;
  form: Record<string, unknown>;
}

@Controller()
class BaselineController {
  constructor(@Inject(POOL) private readonly pool: Pool) {}

  @Get('hello')
  hello(): { hello: string } {
    return { hello: 'world' };
  }

  @Post('ideal-submit')
  @HttpCode(201)
  async idealSubmit(@Body() body: MinimalSubmit): Promise<{ id: string }> {
    const id = randomUUID();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query({
        name: 'baseline-application',
        text: `INSERT INTO baseline_applications (id, enterprise_id, status, form) VALUES ($1, $2, 'SUBMITTED', $3)`,
        values: [id, body.enterpriseId, body.form],
      });
      await client.query({
        name: 'baseline-event',
        text: `INSERT INTO baseline_events (id, subject_id, type, data) VALUES ($1, $2, 'application.submitted', $3)`,
        values: [randomUUID(), id, { status: 'SUBMITTED' }],
      });
      await client.query({
        name: 'baseline-outbox',
        text: `INSERT INTO baseline_outbox (id, job_name, payload) VALUES ($1, 'stage.run', $2)`,
        values: [randomUUID(), { applicationId: id }],
      });
      await client.query('COMMIT');
      return { id };
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
}

async function main(): Promise<void> {
  const pool = new Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    application_name: 'parkline-bench-baseline',
  });
  await pool.query(BASELINE_SCHEMA);

  @Module({ controllers: [BaselineController], providers: [{ provide: POOL, useValue: pool }] })
  class BaselineModule {}

  const app = await NestFactory.create<NestFastifyApplication>(
    BaselineModule,
    new FastifyAdapter({ bodyLimit: 1024 * 1024 }),
    { logger: ['error'] },
  );
  await app.listen(Number(process.env.PORT ?? 3900), '127.0.0.1');
}

main().catch((error: Error) => {
  process.stderr.write(`Baseline server failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
