import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import { PROVIDER_KINDS, ProviderKind } from './provider.dto';

export const HANDOVER_STATUSES = ['OFFERED', 'ACCEPTED', 'DECLINED', 'CLOSED'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

const EXPECTED_VERSION = {
  description: 'The version you read; a stale one answers 409.',
  example: 1,
};

export class ProviderMatchDto {
  @ApiProperty({ format: 'uuid', example: '3c9a7e1b-2d4f-4a6b-8c0d-1e2f3a4b5c6d' })
  providerId: string;

  @ApiProperty({ example: '杭州泰格医药科技股份有限公司' })
  name: string;

  @ApiProperty({ enum: PROVIDER_KINDS, example: 'CRO' })
  kind: ProviderKind;

  @ApiProperty({
    example: 9.4,
    description:
      '3 per capability named in the request, plus the mean rating (3 before any), less up to 3 for the load.',
  })
  score: number;

  @ApiProperty({ type: [String], example: ['抗体', 'IND'] })
  matchedCapabilities: string[];

  @ApiProperty({ type: Number, nullable: true, example: 4.6 })
  rating: number | null;

  @ApiProperty({ example: 12 })
  ratingCount: number;

  @ApiProperty({ example: 3, description: 'Requests offered to or accepted by it now.' })
  load: number;

  @ApiProperty({ example: 8 })
  capacity: number;
}

export class NewHandoverDto {
  @ApiProperty({ format: 'uuid', example: '3c9a7e1b-2d4f-4a6b-8c0d-1e2f3a4b5c6d' })
  @IsUUID()
  providerId: string;

  @ApiPropertyOptional({
    example: '企业需在钱塘生物医药园区内完成 IND 前药学研究，请三个工作日内联系',
    maxLength: 1000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class HandoverReasonDto {
  @ApiProperty({ example: '本季度产能已满，无法按期交付', minLength: 2, maxLength: 500 })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;

  @ApiPropertyOptional(EXPECTED_VERSION)
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class HandoverActionDto {
  @ApiPropertyOptional(EXPECTED_VERSION)
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class HandoverProgressDto extends HandoverActionDto {
  @ApiProperty({ example: '已完成药学资料差距分析，正在准备 pre-IND 会议资料', maxLength: 1000 })
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  note: string;

  @ApiProperty({ example: 40, minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  percent: number;
}

export class HandoverCloseDto extends HandoverActionDto {
  @ApiProperty({
    example: 'pre-IND 沟通交流会资料已提交国家药监局药审中心，服务完成',
    maxLength: 2000,
  })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  summary: string;
}

export class HandoverRatingDto {
  @ApiProperty({ example: 5, minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  score: number;

  @ApiPropertyOptional({ example: '响应及时，资料质量高', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  comment?: string;
}

export class HandoverProgressEntryDto {
  @ApiProperty({ format: 'date-time', example: '2026-11-20T06:30:00.000Z' })
  at: string;

  @ApiProperty({ format: 'uuid', example: '0f1e2d3c-4b5a-6978-8f9e-d1c2b3a4f5e6' })
  by: string;

  @ApiProperty({ example: '已完成药学资料差距分析' })
  note: string;

  @ApiProperty({ example: 40 })
  percent: number;
}

export class HandoverProviderDto {
  @ApiProperty({ format: 'uuid', example: '3c9a7e1b-2d4f-4a6b-8c0d-1e2f3a4b5c6d' })
  id: string;

  @ApiProperty({ example: '杭州泰格医药科技股份有限公司' })
  name: string;

  @ApiProperty({ enum: PROVIDER_KINDS, example: 'CRO' })
  kind: ProviderKind;
}

export class HandoverDto {
  @ApiProperty({ format: 'uuid', example: '7d1c2b3a-4f5e-4a6b-9c8d-0e1f2a3b4c5d' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' })
  applicationId: string;

  @ApiProperty({ example: 'QT-2026-000123' })
  applicationNumber: string;

  @ApiProperty({ example: 'CRO_CDMO_MATCHING' })
  serviceCode: string;

  @ApiProperty({ format: 'uuid', example: '5b3e0c1a-8d2f-4e6b-9a71-2c4d5e6f7a8b' })
  enterpriseId: string;

  @ApiProperty({ example: '杭州启明生物医药有限公司' })
  enterpriseName: string;

  @ApiProperty({ example: 'PSC' })
  departmentCode: string;

  @ApiProperty({ type: HandoverProviderDto })
  provider: HandoverProviderDto;

  @ApiProperty({ enum: HANDOVER_STATUSES, example: 'OFFERED' })
  status: HandoverStatus;

  @ApiProperty({ example: '请三个工作日内联系企业' })
  note: string;

  @ApiProperty({ example: 40 })
  percent: number;

  @ApiProperty({ type: [HandoverProgressEntryDto] })
  progress: HandoverProgressEntryDto[];

  @ApiProperty({ type: String, nullable: true, example: null })
  declineReason: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  summary: string | null;

  @ApiProperty({ type: Number, nullable: true, example: null })
  rating: number | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  ratingComment: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  acceptedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  closedAt: string | null;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-18T09:12:44.120Z' })
  createdAt: string;
}

export class HandoverPageDto extends PageOf(HandoverDto) {}

export class HandoverListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: HANDOVER_STATUSES, example: 'OFFERED' })
  @IsOptional()
  @IsIn(HANDOVER_STATUSES)
  status?: HandoverStatus;

  @ApiPropertyOptional({ format: 'uuid', example: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' })
  @IsOptional()
  @IsUUID()
  applicationId?: string;
}
