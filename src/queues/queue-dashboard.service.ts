import { createHash } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { PrincipalResolver } from '../auth/principal-resolver.service';
import { verifyPassword } from '../auth/passwords';
import { sendProblem } from '../common/problem/send-problem';
import { DomainError } from '../common/problem/domain-error';
import { QueueRegistry } from './queues.module';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const BASIC_CACHE_MS = 60_000;

/**
 * Bull's dashboard for admins, at /admin/queues. Browsers sign in with HTTP Basic (an admin's
 * email and password); tools can send an admin's Bearer token.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  private readonly verifiedBasic = new Map<string, number>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly queues: QueueRegistry,
    private readonly resolver: PrincipalResolver,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: this.queues.all().map(({ queue }) => new BullAdapter(queue)),
      serverAdapter,
      options: { uiConfig: { boardTitle: 'Parkline queues' } },
    });
    fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!request.url.startsWith(QUEUE_DASHBOARD_PATH)) return;
      try {
        await this.assertAdmin(request.headers.authorization);
      } catch (error) {
        reply.header('www-authenticate', 'Basic realm="Parkline queues", charset="UTF-8"');
        sendProblem(error, request, reply, console);
        return reply;
      }
    });
    fastify.register(serverAdapter.registerPlugin() as never, { prefix: QUEUE_DASHBOARD_PATH });
  }

  private async assertAdmin(authorization: string | undefined): Promise<void> {
    if (authorization?.startsWith('Bearer ')) {
      const principal = await this.resolver.fromAccessToken(authorization.slice(7));
      if (principal.role === 'ADMIN') return;
      throw new DomainError('forbidden', 'The queue dashboard is for admins');
    }
    if (authorization?.startsWith('Basic ')) {
      const cacheKey = createHash('sha256').update(authorization).digest('hex');
      if ((this.verifiedBasic.get(cacheKey) ?? 0) > Date.now()) return;
      const [email, ...rest] = Buffer.from(authorization.slice(6), 'base64')
        .toString('utf8')
        .split(':');
      const [admin]: { password_hash: string }[] = await this.dataSource.query(
        `SELECT password_hash FROM users WHERE lower(email) = lower($1) AND role = 'ADMIN' AND active`,
        [email],
      );
      if (await verifyPassword(admin?.password_hash, rest.join(':'))) {
        this.verifiedBasic.set(cacheKey, Date.now() + BASIC_CACHE_MS);
        return;
      }
    }
    throw new DomainError('unauthenticated', 'Sign in as an admin to see the queue dashboard');
  }
}
