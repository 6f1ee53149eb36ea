import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageOf, PageQuery } from '../../common/pagination/page';

export const DOCKING_STATUSES = ['OFFERED', 'ACCEPTED', 'DECLINED'] as const;
export type DockingStatus = (typeof DOCKING_STATUSES)[number];

export class DockingDeclineDto {
  @ApiProperty({ example: '本院肿瘤科 I 期病房本季度已满', minLength: 2, maxLength: 500 })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;
}

export class DockingAcceptDto {
  @ApiPropertyOptional({ example: '请于下周联系本院 GCP 办公室安排立项', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  comment?: string;
}

export class DockingDto {
  @ApiProperty({ format: 'uuid', example: '6e5d4c3b-2a1f-4e0d-9c8b-7a6f5e4d3c2b' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' })
  applicationId: string;

  @ApiProperty({ example: 'QT-2026-000123' })
  applicationNumber: string;

  @ApiProperty({ example: '杭州启明生物医药有限公司' })
  enterpriseName: string;

  @ApiProperty({ format: 'uuid', example: '2a4b6c8d-1e3f-4a5b-9c7d-8e9f0a1b2c3d' })
  institutionId: string;

  @ApiProperty({ example: '浙江大学医学院附属第一医院' })
  institutionName: string;

  @ApiProperty({ type: String, nullable: true, example: 'ONCOLOGY' })
  specialty: string | null;

  @ApiProperty({ type: String, nullable: true, example: '非小细胞肺癌' })
  indication: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'I' })
  phase: string | null;

  @ApiProperty({ enum: DOCKING_STATUSES, example: 'OFFERED' })
  status: DockingStatus;

  @ApiProperty({ example: 5, description: 'The match score that ranked the institution first.' })
  score: number;

  @ApiProperty({ type: String, nullable: true, example: null })
  reason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  decidedAt: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-18T09:12:44.120Z' })
  createdAt: string;
}

export class DockingPageDto extends PageOf(DockingDto) {}

export class DockingListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DOCKING_STATUSES, example: 'OFFERED' })
  @IsOptional()
  @IsIn(DOCKING_STATUSES)
  status?: DockingStatus;
}
