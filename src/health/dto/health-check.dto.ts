import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

/** One dependency's state, with what its indicator measured. */
export class HealthIndicatorDto {
  @ApiProperty({ enum: ['up', 'down'], example: 'up' })
  status: 'up' | 'down';

  @ApiPropertyOptional({
    example: 'connect ECONNREFUSED 127.0.0.1:6379',
    description: 'Why it is down.',
  })
  message?: string;

  @ApiPropertyOptional({ example: 1, description: 'redis: the round trip of a PING.' })
  latencyMs?: number;

  @ApiPropertyOptional({ example: 1, description: 'workers: the queues consumed.' })
  queues?: number;

  @ApiPropertyOptional({
    type: [String],
    example: ['notifications'],
    description: 'workers: the queues whose Redis connection is down.',
  })
  disconnectedQueues?: string[];

  @ApiPropertyOptional({
    example: 'api',
    description: 'workers, in a process that consumes no queue.',
  })
  role?: string;

  @ApiPropertyOptional({
    example: false,
    description: 'workers, in a process that consumes no queue.',
  })
  consuming?: boolean;
}

const INDICATORS = {
  type: 'object',
  additionalProperties: { $ref: getSchemaPath(HealthIndicatorDto) },
} as const;

const EXAMPLE_INDICATORS = {
  postgres: { status: 'up' },
  redis: { status: 'up', latencyMs: 1 },
  workers: { status: 'up', queues: 1 },
};

/** What the probes answer, up (200) or down (503): which dependency is in which state. */
export class HealthCheckDto {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'], example: 'ok' })
  status: 'ok' | 'error' | 'shutting_down';

  @ApiPropertyOptional({ ...INDICATORS, example: EXAMPLE_INDICATORS, description: 'The ones up.' })
  info?: Record<string, HealthIndicatorDto>;

  @ApiPropertyOptional({ ...INDICATORS, example: {}, description: 'The ones down.' })
  error?: Record<string, HealthIndicatorDto>;

  @ApiProperty({ ...INDICATORS, example: EXAMPLE_INDICATORS, description: 'All of them.' })
  details: Record<string, HealthIndicatorDto>;
}
