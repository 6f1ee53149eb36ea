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
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageOf, PageQuery } from '../../common/pagination/page';
import { IsCalendarDate } from '../../common/validation/strict-values';

export const MANDATE_HOLDER_KINDS = ['SERVICE_CENTRE', 'USER', 'PROVIDER'] as const;
export type MandateHolderKind = (typeof MANDATE_HOLDER_KINDS)[number];

export const MANDATE_STATUSES = ['SCHEDULED', 'ACTIVE', 'EXPIRED', 'REVOKED'] as const;
export type MandateStatus = (typeof MANDATE_STATUSES)[number];

export class MandateDto {
  @ApiProperty({ format: 'uuid', example: '5d2c8e4a-7b1f-4c3d-9e6a-2b4c6d8e0f1a' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '0f1e2d3c-4b5a-4978-8f9e-d1c2b3a4f5e6' })
  enterpriseId: string;

  @ApiProperty({ example: '杭州钱塘生物医药有限公司' })
  enterpriseName: string;

  @ApiProperty({
    enum: MANDATE_HOLDER_KINDS,
    example: 'SERVICE_CENTRE',
    description:
      'SERVICE_CENTRE: every officer and head of the park service centre (PSC) window; USER: one ' +
      'of its staff; PROVIDER: the users of a listed service provider.',
  })
  holderKind: MandateHolderKind;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null })
  holderUserId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null })
  holderProviderId: string | null;

  @ApiProperty({ example: '园区企业服务中心窗口' })
  holderName: string;

  @ApiProperty({
    type: [String],
    nullable: true,
    example: ['DRUG_MFG_LICENSE'],
    description: 'The services the holder may act on; null: all of them.',
  })
  serviceCodes: string[] | null;

  @ApiProperty({ format: 'date', example: '2026-12-01', description: 'First day, Asia/Shanghai.' })
  validFrom: string;

  @ApiProperty({ format: 'date', example: '2027-05-31', description: 'Last day, inclusive.' })
  validUntil: string;

  @ApiProperty({
    example: false,
    description:
      'Whether the holder may submit (and withdraw, confirm); otherwise it only prepares.',
  })
  canSubmit: boolean;

  @ApiProperty({ example: '年度药品生产许可证续期材料由窗口代办' })
  note: string;

  @ApiProperty({ enum: MANDATE_STATUSES, example: 'ACTIVE' })
  status: MandateStatus;

  @ApiProperty({ format: 'uuid', example: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d' })
  grantedBy: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T02:00:00.000Z' })
  grantedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  revokedAt: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null })
  revokedBy: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  revokeReason: string | null;

  @ApiProperty({ example: 1 })
  version: number;
}

export class MandatePageDto extends PageOf(MandateDto) {}

export class NewMandateDto {
  @ApiProperty({ enum: MANDATE_HOLDER_KINDS, example: 'SERVICE_CENTRE' })
  @IsIn(MANDATE_HOLDER_KINDS)
  holderKind: MandateHolderKind;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'With USER: an officer or head of the park service centre.',
    example: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
  })
  @ValidateIf((body: NewMandateDto) => body.holderKind === 'USER' || body.holderUserId != null)
  @IsUUID()
  holderUserId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'With PROVIDER: a listed service provider.',
    example: '3c9a7e1b-2d4f-4a6b-8c0d-1e2f3a4b5c6d',
  })
  @ValidateIf(
    (body: NewMandateDto) => body.holderKind === 'PROVIDER' || body.holderProviderId != null,
  )
  @IsUUID()
  holderProviderId?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['DRUG_MFG_LICENSE'],
    description: 'Published services the holder may act on; leave out for all services.',
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^[A-Z][A-Z0-9_-]{1,63}$/, { each: true, message: 'serviceCodes must be service codes' })
  serviceCodes?: string[];

  @ApiProperty({ format: 'date', example: '2026-12-01' })
  @IsCalendarDate()
  validFrom: string;

  @ApiProperty({
    format: 'date',
    example: '2027-05-31',
    description: 'At most 3 years after validFrom.',
  })
  @IsCalendarDate()
  validUntil: string;

  @ApiProperty({ example: false })
  @IsBoolean()
  canSubmit: boolean;

  @ApiPropertyOptional({ example: '年度药品生产许可证续期材料由窗口代办', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class RevokeMandateDto {
  @ApiPropertyOptional({ example: '已由企业自行办理', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({
    description: 'The version you read; a stale one answers 409.',
    example: 1,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class MandateListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: MANDATE_STATUSES, example: 'ACTIVE' })
  @IsOptional()
  @IsIn(MANDATE_STATUSES)
  status?: MandateStatus;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only those of this enterprise (holders and admins).',
    example: '0f1e2d3c-4b5a-4978-8f9e-d1c2b3a4f5e6',
  })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
}
