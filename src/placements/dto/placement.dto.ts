import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageOf, PageQuery } from '../../common/pagination/page';
import { IsCalendarDate } from '../../common/validation/strict-values';
import { DOCTOR_TITLES, DoctorTitle } from './doctor.dto';

/**
 * PROPOSED: waiting for both sides to confirm the first term; ACTIVE: the doctor works with the
 * enterprise; RENEWING: active, a next term waits for both confirmations; ENDED: exited.
 */
export const PLACEMENT_STATUSES = ['PROPOSED', 'ACTIVE', 'RENEWING', 'ENDED'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];
export const PLACEMENT_SIDES = ['HOSPITAL', 'ENTERPRISE'] as const;
export type PlacementSide = (typeof PLACEMENT_SIDES)[number];
export const REVIEW_OUTCOMES = ['SATISFACTORY', 'NEEDS_IMPROVEMENT', 'UNSATISFACTORY'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export class PlacementTermDto {
  @ApiProperty({ format: 'date', example: '2027-01-04', description: 'First day of the term.' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ format: 'date', example: '2027-06-30', description: 'Last day, inclusive.' })
  @IsCalendarDate()
  until: string;
}

export class NewPlacementDto extends PlacementTermDto {
  @ApiProperty({
    format: 'uuid',
    example: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    description: 'The doctors-into-enterprise request being handled, which the placement answers.',
  })
  @IsUUID()
  applicationId: string;

  @ApiProperty({ format: 'uuid', example: '3c5e7a9b-2d4f-4b6a-8c1e-0f2a4b6c8d0e' })
  @IsUUID()
  doctorId: string;

  @ApiProperty({
    example: '指导 PKL-201 CAR-T 临床前方案设计，参与 I 期临床方案论证',
    minLength: 2,
    maxLength: 1000,
  })
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  duties: string;

  @ApiProperty({ example: 8, minimum: 1, maximum: 40 })
  @IsInt()
  @Min(1)
  @Max(40)
  hoursPerWeek: number;
}

export class PlacementConfirmDto {
  @ApiPropertyOptional({ example: 3, description: 'The version you read; a stale one is 409.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class PlacementExitDto extends PlacementConfirmDto {
  @ApiProperty({
    example: '项目阶段性任务完成，医生回院开展临床工作',
    minLength: 2,
    maxLength: 500,
  })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;
}

export class PlacementRenewalDto extends IntersectionType(PlacementTermDto, PlacementConfirmDto) {}

export class NewPlacementReviewDto {
  @ApiProperty({ enum: REVIEW_OUTCOMES, example: 'SATISFACTORY' })
  @IsIn(REVIEW_OUTCOMES)
  outcome: ReviewOutcome;

  @ApiProperty({
    example: '本季度完成两次方案论证会，企业评价良好',
    minLength: 2,
    maxLength: 2000,
  })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  notes: string;
}

export class PlacementReviewDto {
  @ApiProperty({ format: 'uuid', example: '7d6c5b4a-3e2f-4a1b-9c0d-8e7f6a5b4c3d' })
  id: string;

  @ApiProperty({ enum: REVIEW_OUTCOMES, example: 'SATISFACTORY' })
  outcome: ReviewOutcome;

  @ApiProperty({ example: '本季度完成两次方案论证会，企业评价良好' })
  notes: string;

  @ApiProperty({ example: '王海峰' })
  reviewerName: string;

  @ApiProperty({ format: 'date-time', example: '2027-03-31T08:00:00.000Z' })
  createdAt: string;
}

export class PlacementDoctorDto {
  @ApiProperty({ format: 'uuid', example: '3c5e7a9b-2d4f-4b6a-8c1e-0f2a4b6c8d0e' })
  id: string;

  @ApiProperty({ example: '陈立群' })
  name: string;

  @ApiProperty({ example: 'ONCOLOGY' })
  specialty: string;

  @ApiProperty({ enum: DOCTOR_TITLES, example: 'ASSOCIATE_CHIEF' })
  title: DoctorTitle;
}

export class PlacementDto {
  @ApiProperty({ format: 'uuid', example: '5f4e3d2c-1b0a-4f9e-8d7c-6b5a4f3e2d1c' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' })
  applicationId: string;

  @ApiProperty({ example: 'QT-2026-000123' })
  applicationNumber: string;

  @ApiProperty({ type: PlacementDoctorDto })
  doctor: PlacementDoctorDto;

  @ApiProperty({ format: 'uuid', example: '2a4b6c8d-1e3f-4a5b-9c7d-8e9f0a1b2c3d' })
  institutionId: string;

  @ApiProperty({ example: '浙江大学医学院附属第一医院' })
  institutionName: string;

  @ApiProperty({ format: 'uuid', example: '8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d' })
  enterpriseId: string;

  @ApiProperty({ example: '杭州启明生物医药有限公司' })
  enterpriseName: string;

  @ApiProperty({ example: 'PSC' })
  departmentCode: string;

  @ApiProperty({ enum: PLACEMENT_STATUSES, example: 'ACTIVE' })
  status: PlacementStatus;

  @ApiProperty({ type: PlacementTermDto, description: 'The term agreed (or, PROPOSED, offered).' })
  term: PlacementTermDto;

  @ApiProperty({
    type: PlacementTermDto,
    nullable: true,
    description: 'RENEWING: the next term, waiting for both confirmations; otherwise null.',
  })
  nextTerm: PlacementTermDto | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'When the hospital confirmed the term waiting for confirmation; null until it does.',
    example: '2026-12-20T02:00:00.000Z',
  })
  hospitalConfirmedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  enterpriseConfirmedAt: string | null;

  @ApiProperty({ example: '指导 PKL-201 CAR-T 临床前方案设计' })
  duties: string;

  @ApiProperty({ example: 8 })
  hoursPerWeek: number;

  @ApiProperty({ example: 0, description: 'Terms agreed after the first.' })
  renewals: number;

  @ApiProperty({
    enum: PLACEMENT_SIDES,
    nullable: true,
    description: 'The side that ended the placement; null while it runs.',
    example: 'HOSPITAL',
  })
  endedBy: PlacementSide | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  exitReason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  endedAt: string | null;

  @ApiProperty({ type: [PlacementReviewDto], description: 'Periodic reviews, newest first.' })
  reviews: PlacementReviewDto[];

  @ApiProperty({ example: 2 })
  version: number;

  @ApiProperty({ format: 'date-time', example: '2026-12-18T09:12:44.120Z' })
  createdAt: string;
}

export class PlacementPageDto extends PageOf(PlacementDto) {}

export class PlacementListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PLACEMENT_STATUSES, example: 'ACTIVE' })
  @IsOptional()
  @IsIn(PLACEMENT_STATUSES)
  status?: PlacementStatus;

  @ApiPropertyOptional({ format: 'uuid', example: '3c5e7a9b-2d4f-4b6a-8c1e-0f2a4b6c8d0e' })
  @IsOptional()
  @IsUUID()
  doctorId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' })
  @IsOptional()
  @IsUUID()
  applicationId?: string;
}

export class PlacementEventDto {
  @ApiProperty({ example: 'placement.started' })
  type: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null })
  actorId: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { side: 'ENTERPRISE' } })
  data: Record<string, unknown>;

  @ApiProperty({ format: 'date-time', example: '2026-12-20T02:00:00.000Z' })
  occurredAt: string;
}
