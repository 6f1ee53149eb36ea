import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageOf } from '../../common/pagination/page';
import { WEBHOOK_EVENT_TYPES } from '../webhook-events';

export class NewWebhookInput {
  @ApiProperty({ example: 'https://erp.yuanqi-bio.cn/parkline/webhooks' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'url must be an http(s) URL' },
  )
  @MaxLength(2000)
  url: string;

  @ApiProperty({
    enum: WEBHOOK_EVENT_TYPES,
    isArray: true,
    example: ['application.submitted', 'application.approved'],
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events: string[];

  @ApiPropertyOptional({
    description:
      'Shared secret for the HMAC signature (at least 16 characters); generated when absent. Returned once.',
    example: 'whsec_3c5f0e9a7b214d8f9a61e2b4c7d0f5a8',
  })
  @IsOptional()
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  secret?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Integrators: unused (events of all bound enterprises are sent).',
  })
  @IsOptional()
  @IsString()
  enterpriseId?: string;
}

export class WebhookChangeInput {
  @ApiPropertyOptional({ example: 'https://erp.yuanqi-bio.cn/parkline/webhooks/v2' })
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'url must be an http(s) URL' },
  )
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({
    enum: WEBHOOK_EVENT_TYPES,
    isArray: true,
    example: ['application.approved'],
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events?: string[];

  @ApiPropertyOptional({
    description: 'true re-enables a subscription that was disabled after failures.',
    example: true,
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ example: 2 })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid', example: '5c4b3a29-1807-4f6e-9d5c-4b3a29180726' })
  id: string;

  @ApiProperty({ enum: ['ENTERPRISE', 'INTEGRATOR', 'PARK'], example: 'ENTERPRISE' })
  ownerType: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    example: '5b3e0c1a-8d2f-4e6b-9a71-2c4d5e6f7a8b',
  })
  enterpriseId: string | null;

  @ApiProperty({ example: 'https://erp.yuanqi-bio.cn/parkline/webhooks' })
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, example: ['application.submitted'] })
  events: string[];

  @ApiProperty({ example: true })
  active: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, example: null })
  disabledReason: string | null;

  @ApiProperty({ example: 0 })
  consecutiveFailures: number;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-23T06:00:00.000Z' })
  createdAt: string;
}

export class WebhookWithSecretDto extends WebhookDto {
  @ApiProperty({
    description: 'Shown only in this response: store it to verify signatures.',
    example: 'whsec_3c5f0e9a7b214d8f9a61e2b4c7d0f5a8',
  })
  secret: string;
}

export class WebhookPageDto extends PageOf(WebhookDto) {}

export class WebhookAttemptDto {
  @ApiProperty({ example: 1 })
  attempt: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-23T06:00:01.000Z' })
  attemptedAt: string;

  @ApiProperty({ example: 84 })
  durationMs: number;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 500 })
  statusCode: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: null })
  error: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The first 500 characters of the response.',
    example: 'Internal Server Error',
  })
  responseExcerpt: string | null;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid', example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' })
  id: string;

  @ApiProperty({
    format: 'uuid',
    description: 'X-Parkline-Event-Id: the same for every attempt, for deduplication.',
  })
  eventId: string;

  @ApiProperty({ example: 'application.submitted' })
  eventType: string;

  @ApiProperty({ enum: ['PENDING', 'SUCCEEDED', 'FAILED'], example: 'SUCCEEDED' })
  status: string;

  @ApiProperty({ example: 3 })
  attempts: number;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 200 })
  lastStatusCode: number | null;

  @ApiProperty({ type: [WebhookAttemptDto] })
  attemptLog: WebhookAttemptDto[];

  @ApiProperty({ format: 'date-time', example: '2026-11-23T06:00:00.000Z' })
  createdAt: string;
}

export class WebhookDeliveryPageDto extends PageOf(WebhookDeliveryDto) {}
