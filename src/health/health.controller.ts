import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/auth/auth.decorators';
import { HealthCheckDto, HealthIndicatorDto } from './dto/health-check.dto';
import { QueueHealthIndicator } from './queue-health.indicator';
import { ApiProblemResponses, ApiProblems } from '../common/openapi/api-problems.decorator';

@ApiTags('ops')
@ApiExtraModels(HealthIndicatorDto)
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly queues: QueueHealthIndicator,
  ) {}

  @Get()
  // Rate limits are counted in Redis; liveness must not fail (and restart the process) with it.
  @SkipThrottle()
  @ApiOperation({
    summary: 'Liveness: the process is up and serving',
    description:
      'Answers 200 while the process serves requests; it checks no dependency, so a database outage does not restart the process. Public and not rate-limited: point the liveness probe here.',
  })
  @ApiOkResponse({ type: HealthCheckDto })
  @ApiProblemResponses(400)
  checkLiveness(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** Answers 503 with the same shape (not problem+json) so probes and people see which part is down. */
  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: PostgreSQL, Redis and (in worker processes) queue consumers are connected',
    description:
      'Answers 200 when PostgreSQL and Redis answer (and, in worker processes, the queue consumers are connected), 503 with the same shape naming the part that is down otherwise. Public: point the readiness probe and load balancer here.',
  })
  @ApiOkResponse({ type: HealthCheckDto })
  @ApiServiceUnavailableResponse({
    description: 'A dependency is down; `details` says which.',
    type: HealthCheckDto,
  })
  @ApiProblems()
  async checkReadiness(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.database.pingCheck('postgres', { timeout: 1000 }),
        () => this.queues.isRedisUp(),
        () => this.queues.areWorkersConnected(),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      reply.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }
}
