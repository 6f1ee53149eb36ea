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
import { ApiProblems } from '../common/openapi/api-problems.decorator';
import { HealthCheckDto, HealthIndicatorDto } from './dto/health-check.dto';
import { QueueHealthIndicator } from './queue-health.indicator';

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
  @ApiOperation({ summary: 'Liveness: the process is up and serving' })
  @ApiOkResponse({ type: HealthCheckDto })
  checkLiveness(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** Answers 503 with the same shape (not problem+json) so probes and people see which part is down. */
  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: PostgreSQL, Redis and (in worker processes) queue consumers are connected',
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
