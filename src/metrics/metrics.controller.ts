import { Controller, Get, Headers, Header } from '@nestjs/common';
import { ApiSecurity, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../common/auth/auth.decorators';
import { ApiProblems } from '../common/openapi/api-problems.decorator';
import { DomainError } from '../common/problem/domain-error';
import { AppConfig } from '../config/app-config';
import { MetricsService } from './metrics.service';

@ApiTags('ops')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly config: AppConfig,
  ) {}

  /** Guarded by its own token (METRICS_TOKEN) so Prometheus needs no user account. */
  @Get()
  @Public()
  @ApiSecurity('metrics-token')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({
    summary:
      'Prometheus metrics (HTTP latency, queue depths, process); needs METRICS_TOKEN as Bearer',
    description:
      "HTTP latency, queue depths and process metrics in the Prometheus text format, for the scraper. Send the deployment's `METRICS_TOKEN` as a Bearer token; an empty `METRICS_TOKEN` disables the route (401).",
  })
  @ApiOkResponse({
    description: 'Prometheus text format',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  @ApiProblems(401)
  async getMetrics(@Headers('authorization') authorization?: string): Promise<string> {
    const expected = Buffer.from(`Bearer ${this.config.METRICS_TOKEN}`);
    const given = Buffer.from(authorization ?? '');
    if (
      !this.config.METRICS_TOKEN ||
      given.length !== expected.length ||
      !timingSafeEqual(given, expected)
    ) {
      throw new DomainError('unauthenticated', 'Send the metrics token as a Bearer token');
    }
    return this.metrics.registry.metrics();
  }
}
