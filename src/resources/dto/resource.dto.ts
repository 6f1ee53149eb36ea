import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { DEPARTMENTS } from '../../catalogue/data/departments';
import { PageOf, PageQuery } from '../../common/pagination/page';
import {
  ALL_RESOURCE_CATEGORIES,
  BOOKING_ELIGIBILITIES,
  BookingEligibility,
  LATE_CANCELLATIONS,
  LateCancellation,
  RESOURCE_KINDS,
  ResourceCategory,
  ResourceKind,
  SLOT_MINUTES,
} from '../resource-rules';
import { Resource } from '../resource.entity';

const DEPARTMENT_CODES = DEPARTMENTS.map((department) => department.code);
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The rules and terms of a resource an admin sets; shared by the resource and its inputs. */
export class ResourceTermsDto {
  @ApiProperty({ example: '公共技术平台 · 抗体药物平台' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Antibody drug platform' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameEn?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '抗体发现、细胞株构建与工艺开发，提供 200L 一次性生物反应器。',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiProperty({ example: '杭州医药港 钱塘生物医药产业园 A3 幢 2 层' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  location: string;

  @ApiProperty({
    enum: DEPARTMENT_CODES,
    description: 'The park department whose officers and heads confirm the bookings.',
    example: 'PSC',
  })
  @IsIn(DEPARTMENT_CODES)
  operatorDepartmentCode: string;

  @ApiProperty({
    description: 'Opening time on working days, Asia/Shanghai.',
    pattern: TIME_OF_DAY.source,
    example: '08:30',
  })
  @Matches(TIME_OF_DAY, { message: 'opensAt must be a time of day like 08:30' })
  opensAt: string;

  @ApiProperty({
    description: 'Closing time on working days, Asia/Shanghai.',
    pattern: TIME_OF_DAY.source,
    example: '17:30',
  })
  @Matches(TIME_OF_DAY, { message: 'closesAt must be a time of day like 17:30' })
  closesAt: string;

  @ApiProperty({
    enum: SLOT_MINUTES,
    description: 'Bookings start and end on slots of this length from the opening time.',
    example: 60,
  })
  @IsIn(SLOT_MINUTES)
  slotMinutes: number;

  @ApiProperty({ description: 'Hours a booking must be made ahead.', example: 24 })
  @IsInt()
  @Min(0)
  @Max(720)
  minLeadHours: number;

  @ApiProperty({ description: 'Longest booking, in hours (within one day).', example: 8 })
  @IsInt()
  @Min(1)
  @Max(24)
  maxBookingHours: number;

  @ApiProperty({ description: 'How many days ahead a booking may start.', example: 60 })
  @IsInt()
  @Min(1)
  @Max(365)
  maxAdvanceDays: number;

  @ApiProperty({ enum: BOOKING_ELIGIBILITIES, example: 'VERIFIED_ENTERPRISES' })
  @IsIn(BOOKING_ELIGIBILITIES)
  eligibility: BookingEligibility;

  @ApiProperty({
    description: 'Cancelling is free until this many hours before the start.',
    example: 24,
  })
  @IsInt()
  @Min(0)
  @Max(720)
  freeCancellationHours: number;

  @ApiProperty({
    enum: LATE_CANCELLATIONS,
    description: 'After the free window: REFUSED, or CHARGED the full price.',
    example: 'CHARGED',
  })
  @IsIn(LATE_CANCELLATIONS)
  lateCancellation: LateCancellation;

  @ApiProperty({ description: 'Price per hour and unit, in whole yuan.', example: 380 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  priceCnyPerHour: number;
}

export class NewResourceDto extends ResourceTermsDto {
  @ApiProperty({ description: 'Stable identifier.', example: 'PLT-ANTIBODY' })
  @Matches(/^[A-Z][A-Z0-9_-]{1,63}$/, {
    message: 'code must be 2–64 capital letters, digits, - or _, starting with a letter',
  })
  code: string;

  @ApiProperty({ enum: RESOURCE_KINDS, example: 'PLATFORM' })
  @IsIn(RESOURCE_KINDS)
  kind: ResourceKind;

  @ApiProperty({
    enum: ALL_RESOURCE_CATEGORIES,
    description: 'One of the categories of its kind.',
    example: 'ANTIBODY',
  })
  @IsIn(ALL_RESOURCE_CATEGORIES)
  category: ResourceCategory;

  @ApiProperty({
    description:
      'Units booked independently (desks of an incubator, benches of a lab); each holds one booking at a time.',
    example: 1,
  })
  @IsInt()
  @Min(1)
  @Max(500)
  capacity: number;
}

export class ResourceChangeDto extends PartialType(ResourceTermsDto) {
  @ApiPropertyOptional({ description: 'Inactive resources take no new bookings.', example: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    description:
      'Units booked independently. Fewer units answer 409 while a booking to come holds one of those given up.',
    example: 2,
    minimum: 1,
    maximum: 500,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  capacity?: number;
}

export class ResourceDto extends PickType(NewResourceDto, [
  'code',
  'kind',
  'category',
  'capacity',
]) {
  @ApiProperty({ format: 'uuid', example: '7d4c1b2a-3e5f-4a6b-8c9d-0e1f2a3b4c5d' })
  id: string;

  @ApiProperty({ example: '公共技术平台 · 抗体药物平台' })
  name: string;

  @ApiProperty({ type: String, nullable: true, example: 'Antibody drug platform' })
  nameEn: string | null;

  @ApiProperty({ type: String, nullable: true, example: '抗体发现、细胞株构建与工艺开发。' })
  description: string | null;

  @ApiProperty({ example: '杭州医药港 钱塘生物医药产业园 A3 幢 2 层' })
  location: string;

  @ApiProperty({ enum: DEPARTMENT_CODES, example: 'PSC' })
  operatorDepartmentCode: string;

  @ApiProperty({ example: '08:30' })
  opensAt: string;

  @ApiProperty({ example: '17:30' })
  closesAt: string;

  @ApiProperty({ enum: SLOT_MINUTES, example: 60 })
  slotMinutes: number;

  @ApiProperty({ example: 24 })
  minLeadHours: number;

  @ApiProperty({ example: 8 })
  maxBookingHours: number;

  @ApiProperty({ example: 60 })
  maxAdvanceDays: number;

  @ApiProperty({ enum: BOOKING_ELIGIBILITIES, example: 'VERIFIED_ENTERPRISES' })
  eligibility: BookingEligibility;

  @ApiProperty({ example: 24 })
  freeCancellationHours: number;

  @ApiProperty({ enum: LATE_CANCELLATIONS, example: 'CHARGED' })
  lateCancellation: LateCancellation;

  @ApiProperty({ example: 380 })
  priceCnyPerHour: number;

  @ApiProperty({ example: true })
  active: boolean;

  @ApiProperty({ example: 1 })
  version: number;

  static from(resource: Resource): ResourceDto {
    const { createdAt: _created, updatedAt: _updated, ...shown } = resource;
    return shown;
  }
}

export class ResourcePageDto extends PageOf(ResourceDto) {}

export class ResourceListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: RESOURCE_KINDS, example: 'VENUE' })
  @IsOptional()
  @IsIn(RESOURCE_KINDS)
  kind?: ResourceKind;

  @ApiPropertyOptional({ enum: ALL_RESOURCE_CATEGORIES, example: 'INCUBATOR_DESK' })
  @IsOptional()
  @IsIn(ALL_RESOURCE_CATEGORIES)
  category?: ResourceCategory;

  @ApiPropertyOptional({ enum: DEPARTMENT_CODES, example: 'PSC' })
  @IsOptional()
  @IsIn(DEPARTMENT_CODES)
  department?: string;

  @ApiPropertyOptional({ description: 'Matches the code, name or location.', example: '抗体' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class AvailabilityQuery {
  @ApiProperty({
    format: 'date',
    description: 'First local date (Asia/Shanghai).',
    example: '2026-12-07',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date like 2026-12-07' })
  from: string;

  @ApiProperty({
    format: 'date',
    description: 'Last local date, at most 31 days after from.',
    example: '2026-12-11',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date like 2026-12-11' })
  to: string;
}

export class SlotDto {
  @ApiProperty({ format: 'date-time', example: '2026-12-07T01:00:00.000Z' })
  startsAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-07T02:00:00.000Z' })
  endsAt: string;

  @ApiProperty({ description: 'Units still free for the whole slot.', example: 1 })
  freeUnits: number;
}

export class AvailabilityDayDto {
  @ApiProperty({ format: 'date', example: '2026-12-07' })
  date: string;

  @ApiProperty({ example: '08:30' })
  opensAt: string;

  @ApiProperty({ example: '17:30' })
  closesAt: string;

  @ApiProperty({ type: [SlotDto] })
  slots: SlotDto[];
}

export class AvailabilityDto {
  @ApiProperty({ format: 'uuid', example: '7d4c1b2a-3e5f-4a6b-8c9d-0e1f2a3b4c5d' })
  resourceId: string;

  @ApiProperty({ example: 1 })
  capacity: number;

  @ApiProperty({
    type: [AvailabilityDayDto],
    description: 'Working days of the range only; weekends and holidays take no bookings.',
  })
  days: AvailabilityDayDto[];
}
