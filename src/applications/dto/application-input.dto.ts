import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../../common/pagination/page';
import { APPLICATION_STATUSES, ApplicationStatus } from '../../workflow/workflow-engine';
import { CLOCK_STOP_REASONS, ClockStopReason } from '../../sla/sla.service';
import { IsInstant } from '../../common/validation/strict-values';

const CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

export class NewApplicationInput {
  @ApiPropertyOptional({ description: 'File one service.', example: 'SPECIAL_ARTICLE_ENTRY' })
  @IsOptional()
  @Matches(CODE, { message: 'serviceCode must be a service code such as SPECIAL_ARTICLE_ENTRY' })
  serviceCode?: string;

  @ApiPropertyOptional({
    description: 'File a "one thing" bundle with one merged form.',
    example: 'CELL_THERAPY_LAB',
  })
  @IsOptional()
  @Matches(CODE, { message: 'bundleCode must be a bundle code such as CELL_THERAPY_LAB' })
  bundleCode?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Renew a certificate: a draft prefilled from the application that earned it.',
  })
  @IsOptional()
  @IsUUID()
  renewalOf?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { 'project.name': 'PKL-201 CAR-T' },
  })
  @IsOptional()
  @IsObject()
  form?: Record<string, unknown>;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Integrators only: the bound enterprise to file for.',
  })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
}

export class DraftUpdateInput {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The whole form (replaces the previous one).',
    example: { 'project.name': 'PKL-201 CAR-T' },
  })
  @IsObject()
  form: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'The version you read; stale → 409.', example: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class LibraryMaterialReferenceInput {
  @ApiProperty({ example: 'business_licence' })
  @Matches(/^[a-z][a-z0-9_]{1,63}$/, { message: 'materialType must be a material type code' })
  materialType: string;

  @ApiProperty({ format: 'uuid', example: '7d6c5b4a-3f2e-4d1c-9b8a-7f6e5d4c3b2a' })
  @IsUUID()
  libraryMaterialId: string;
}

export class ActionVersionInput {
  @ApiPropertyOptional({ description: 'The version you read; stale → 409.', example: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class SupplementAnswerInput extends ActionVersionInput {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Changed form fields (merged into the form).',
    example: { 'article.quantity': 20 },
  })
  @IsOptional()
  @IsObject()
  form?: Record<string, unknown>;

  @ApiPropertyOptional({ example: '已补充有效期内的实验室备案凭证' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ReasonInput extends ActionVersionInput {
  @ApiProperty({ example: '需组织专家论证，申请延长法定期限' })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  reason: string;
}

export class ClockStopInput {
  @ApiProperty({
    enum: CLOCK_STOP_REASONS.filter((reason) => reason !== 'SUPPLEMENT'),
    example: 'EXPERT_REVIEW',
  })
  @IsIn(CLOCK_STOP_REASONS.filter((reason) => reason !== 'SUPPLEMENT'))
  reasonCode: Exclude<ClockStopReason, 'SUPPLEMENT'>;

  @ApiPropertyOptional({ example: '组织专家评审，预计 5 个工作日' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class RatingInput {
  @ApiProperty({ minimum: 1, maximum: 5, example: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  score: number;

  @ApiPropertyOptional({ example: '办理高效，窗口服务耐心' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ApplicationListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES, example: 'IN_PROGRESS' })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional({ example: 'SPECIAL_ARTICLE_ENTRY' })
  @IsOptional()
  @Matches(CODE, { message: 'service must be a service code' })
  service?: string;

  @ApiPropertyOptional({ example: 'customs_review' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{1,63}$/, { message: 'stage must be a stage code' })
  stage?: string;

  @ApiPropertyOptional({ example: 'CUSTOMS' })
  @IsOptional()
  @Matches(CODE, { message: 'department must be a department code' })
  department?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only.' })
  @IsOptional()
  @IsUUID()
  enterprise?: string;

  @ApiPropertyOptional({ enum: ['ON_TRACK', 'AT_RISK', 'OVERDUE', 'PAUSED'], example: 'AT_RISK' })
  @IsOptional()
  @IsIn(['ON_TRACK', 'AT_RISK', 'OVERDUE', 'PAUSED'])
  sla?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Created at or after.',
    example: '2026-11-01T00:00:00+08:00',
  })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Created before.',
    example: '2026-12-01T00:00:00+08:00',
  })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({
    description: 'Number, enterprise name or credit code.',
    example: 'QT-2026-0001',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q?: string;
}
