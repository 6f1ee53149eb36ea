import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageOf, PageQuery } from '../../common/pagination/page';
import { IsInstant } from '../../common/validation/strict-values';
import { BOOKING_STATUSES, BookingStatus, RESOURCE_KINDS, ResourceKind } from '../resource-rules';

export class NewBookingDto {
  @ApiProperty({ format: 'uuid', example: '7d4c1b2a-3e5f-4a6b-8c9d-0e1f2a3b4c5d' })
  @IsUUID()
  resourceId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The enterprise booking: an integrator names one its key is bound to; users book for their own.',
    example: '5b3e0c1a-9d2f-4e8a-b6c7-1f0e9d8c7b6a',
  })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A particular unit (desk, bench); without it the first free unit is taken.',
    example: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiProperty({
    format: 'date-time',
    description: "On a working day, within opening hours, on the resource's slots.",
    example: '2026-12-08T09:00:00+08:00',
  })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-08T12:00:00+08:00' })
  @IsInstant()
  endsAt: string;

  @ApiProperty({ example: 'PKL-201 CAR-T 细胞株流式检测' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  purpose: string;
}

export class DeclineBookingDto {
  @ApiProperty({ example: '平台当日设备年检，请改约 12 月 10 日之后的时段' })
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  reason: string;
}

export class CancelBookingDto {
  @ApiPropertyOptional({ example: '实验计划调整' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class BookingDto {
  @ApiProperty({ format: 'uuid', example: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '7d4c1b2a-3e5f-4a6b-8c9d-0e1f2a3b4c5d' })
  resourceId: string;

  @ApiProperty({ example: 'INS-FACS-01' })
  resourceCode: string;

  @ApiProperty({ example: '流式细胞分选仪 BD FACSAria III' })
  resourceName: string;

  @ApiProperty({ enum: RESOURCE_KINDS, example: 'INSTRUMENT' })
  resourceKind: ResourceKind;

  @ApiProperty({ example: 'PSC' })
  operatorDepartmentCode: string;

  @ApiProperty({ format: 'uuid', example: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d' })
  unitId: string;

  @ApiProperty({ description: 'The unit number within the resource.', example: 1 })
  unitNumber: number;

  @ApiProperty({ format: 'uuid', example: '5b3e0c1a-8d2f-4e6b-9a71-2c4d5e6f7a8b' })
  enterpriseId: string;

  @ApiProperty({ example: '杭州钱塘启明生物医药有限公司' })
  enterpriseName: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-08T01:00:00.000Z' })
  startsAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-08T04:00:00.000Z' })
  endsAt: string;

  @ApiProperty({ enum: BOOKING_STATUSES, example: 'REQUESTED' })
  status: BookingStatus;

  @ApiProperty({ example: 'PKL-201 CAR-T 细胞株流式检测' })
  purpose: string;

  @ApiProperty({ example: 1140 })
  priceCny: number;

  @ApiProperty({ type: Number, nullable: true, example: null })
  cancellationFeeCny: number | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  decisionReason: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: null })
  decidedAt: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: null })
  cancelledAt: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  cancellationReason: string | null;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ format: 'date-time', example: '2026-12-04T03:20:00.000Z' })
  createdAt: string;
}

export class BookingPageDto extends PageOf(BookingDto) {}

export class BookingListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: BOOKING_STATUSES, example: 'REQUESTED' })
  @IsOptional()
  @IsIn(BOOKING_STATUSES)
  status?: BookingStatus;

  @ApiPropertyOptional({ format: 'uuid', example: '7d4c1b2a-3e5f-4a6b-8c9d-0e1f2a3b4c5d' })
  @IsOptional()
  @IsUUID()
  resource?: string;
}
