import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { NewPersonDto } from '../../auth/dto/auth.dto';
import { PageOf, PageQuery } from '../../common/pagination/page';
import { NestedObject } from '../../common/validation/nested';
import { PHONE_PATTERN } from '../../enterprises/dto/enterprise-profile.dto';
import { IsCreditCode } from '../../enterprises/dto/is-credit-code.validator';
import { UserDto } from '../../users/dto/user.dto';

export const PROVIDER_KINDS = [
  'CRO',
  'CDMO',
  'TESTING',
  'LEGAL',
  'IP',
  'FINANCING',
  'RECRUITMENT',
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const PROVIDER_STATUSES = [
  'APPLIED',
  'LISTED',
  'REJECTED',
  'SUSPENDED',
  'DELISTED',
] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];

/** What the park may decide from each status; REJECTED and DELISTED are final. */
export const PROVIDER_TRANSITIONS: Record<ProviderStatus, readonly ProviderStatus[]> = {
  APPLIED: ['LISTED', 'REJECTED'],
  LISTED: ['SUSPENDED', 'DELISTED'],
  SUSPENDED: ['LISTED', 'DELISTED'],
  REJECTED: [],
  DELISTED: [],
};

const SERVICE_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/** What a provider says about itself; the park checks it before listing. */
export class ProviderProfileDto {
  @ApiProperty({ example: '杭州泰格医药科技股份有限公司', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'Hangzhou Tigermed Consulting Co., Ltd.', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameEn?: string;

  @ApiProperty({ enum: PROVIDER_KINDS, example: 'CRO' })
  @IsIn(PROVIDER_KINDS)
  kind: ProviderKind;

  @ApiPropertyOptional({
    example: '临床试验全流程服务：方案设计、医学监查、数据管理与统计分析',
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ example: '杭州市滨江区江陵路 88 号', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string;

  @ApiProperty({ example: '陈静', maxLength: 50 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  contactName: string;

  @ApiProperty({ example: '0571-88806688' })
  @Matches(PHONE_PATTERN, { message: 'contactPhone must be a mobile or landline number' })
  contactPhone: string;

  @ApiProperty({ example: 'bd@tigermed.hz.cn', maxLength: 254 })
  @IsEmail({}, { message: 'contactEmail must be an email address' })
  @MaxLength(254)
  contactEmail: string;

  @ApiProperty({
    description: 'Value-added services of the catalogue the provider can deliver.',
    example: ['CRO_CDMO_MATCHING', 'REGISTRATION_GUIDANCE'],
    type: [String],
  })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(30)
  @Matches(SERVICE_CODE, { each: true, message: 'each of services must be a service code' })
  services: string[];

  @ApiProperty({
    description:
      'Keywords of what it does well; a request whose form mentions one ranks the provider higher.',
    example: ['抗体', 'IND', '临床监查', 'I期'],
    type: [String],
  })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(30, { each: true })
  capabilities: string[];

  @ApiPropertyOptional({
    description: 'How many requests it can work on at once; a full provider ranks lower.',
    example: 8,
    minimum: 1,
    maximum: 1000,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  capacity?: number;
}

export class NewProviderDto extends ProviderProfileDto {
  @ApiProperty({
    description: 'Unified social credit code of the agency.',
    example: '91330100MA2H3K7Q42',
  })
  @IsCreditCode()
  creditCode: string;
}

export class UpdateProviderDto extends PartialType(ProviderProfileDto) {
  @ApiPropertyOptional({
    description: 'The version you read; a stale one answers 409.',
    example: 1,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

/** The public application: the agency and the person who will sign in for it. */
export class ProviderApplicationDto {
  @ApiProperty({ type: NewProviderDto })
  @NestedObject(() => NewProviderDto)
  provider: NewProviderDto;

  @ApiProperty({
    type: NewPersonDto,
    description: "The provider's first PROVIDER_USER; signs in at once and sees the review.",
  })
  @NestedObject(() => NewPersonDto)
  user: NewPersonDto;
}

export class ProviderStatusChangeDto {
  @ApiProperty({
    enum: PROVIDER_STATUSES.filter((status) => status !== 'APPLIED'),
    example: 'LISTED',
    description:
      'APPLIED → LISTED or REJECTED; LISTED → SUSPENDED or DELISTED; SUSPENDED → LISTED or DELISTED.',
  })
  @IsIn(PROVIDER_STATUSES.filter((status) => status !== 'APPLIED'))
  status: Exclude<ProviderStatus, 'APPLIED'>;

  @ApiProperty({
    example: '资质审核通过：GCP 培训证书、ISO 9001 认证齐全',
    minLength: 2,
    maxLength: 500,
  })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;

  @ApiPropertyOptional({
    description: 'The version you read; a stale one answers 409.',
    example: 1,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class ProviderDto {
  @ApiProperty({ format: 'uuid', example: '3c9a7e1b-2d4f-4a6b-8c0d-1e2f3a4b5c6d' })
  id: string;

  @ApiProperty({ example: '杭州泰格医药科技股份有限公司' })
  name: string;

  @ApiProperty({ type: String, nullable: true, example: 'Hangzhou Tigermed Consulting Co., Ltd.' })
  nameEn: string | null;

  @ApiProperty({ enum: PROVIDER_KINDS, example: 'CRO' })
  kind: ProviderKind;

  @ApiProperty({ example: '91330100MA2H3K7Q42' })
  creditCode: string;

  @ApiProperty({ example: '临床试验全流程服务：方案设计、医学监查、数据管理与统计分析' })
  description: string;

  @ApiProperty({ example: '杭州市滨江区江陵路 88 号' })
  address: string;

  @ApiProperty({ example: '陈静' })
  contactName: string;

  @ApiProperty({ example: '0571-88806688' })
  contactPhone: string;

  @ApiProperty({ example: 'bd@tigermed.hz.cn' })
  contactEmail: string;

  @ApiProperty({ type: [String], example: ['CRO_CDMO_MATCHING', 'REGISTRATION_GUIDANCE'] })
  services: string[];

  @ApiProperty({ type: [String], example: ['抗体', 'IND', '临床监查'] })
  capabilities: string[];

  @ApiProperty({ example: 8 })
  capacity: number;

  @ApiProperty({ enum: PROVIDER_STATUSES, example: 'LISTED' })
  status: ProviderStatus;

  @ApiProperty({ type: String, nullable: true, example: '资质审核通过' })
  statusReason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  statusChangedAt: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 4.6,
    description: 'Mean of the enterprises’ ratings, 1–5; null before the first.',
  })
  rating: number | null;

  @ApiProperty({ example: 12 })
  ratingCount: number;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-18T09:12:44.120Z' })
  createdAt: string;
}

export class ProviderPageDto extends PageOf(ProviderDto) {}

export class ProviderListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PROVIDER_STATUSES, example: 'LISTED' })
  @IsOptional()
  @IsIn(PROVIDER_STATUSES)
  status?: ProviderStatus;

  @ApiPropertyOptional({ enum: PROVIDER_KINDS, example: 'CRO' })
  @IsOptional()
  @IsIn(PROVIDER_KINDS)
  kind?: ProviderKind;

  @ApiPropertyOptional({ example: 'CRO_CDMO_MATCHING' })
  @IsOptional()
  @Matches(SERVICE_CODE, { message: 'service must be a service code' })
  service?: string;

  @ApiPropertyOptional({ description: 'Matches the name or credit code.', example: '泰格' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class ProviderApplicationResultDto {
  @ApiProperty({ type: ProviderDto })
  provider: ProviderDto;

  @ApiProperty({ type: UserDto })
  user: UserDto;
}
