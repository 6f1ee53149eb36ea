import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { DEPARTMENTS } from '../../catalogue/data/departments';
import { RESOURCE_KINDS, ResourceKind } from '../resource-rules';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class UtilisationQuery {
  @ApiProperty({ description: 'First month, YYYY-MM.', example: '2026-09' })
  @Matches(MONTH, { message: 'from must be a month like 2026-09' })
  from: string;

  @ApiProperty({ description: 'Last month, at most 24 after from.', example: '2026-11' })
  @Matches(MONTH, { message: 'to must be a month like 2026-11' })
  to: string;

  @ApiPropertyOptional({
    enum: DEPARTMENTS.map((department) => department.code),
    description: 'Operating department; heads see only their own.',
    example: 'PSC',
  })
  @IsOptional()
  @IsIn(DEPARTMENTS.map((department) => department.code))
  department?: string;

  @ApiPropertyOptional({ enum: RESOURCE_KINDS, example: 'INSTRUMENT' })
  @IsOptional()
  @IsIn(RESOURCE_KINDS)
  kind?: ResourceKind;
}

export class UtilisationMonthDto {
  @ApiProperty({ example: '2026-10' })
  month: string;

  @ApiProperty({ description: 'Confirmed bookings that start in the month.', example: 42 })
  bookings: number;

  @ApiProperty({ description: 'Unit-hours of those bookings.', example: 168.5 })
  bookedHours: number;

  @ApiProperty({
    description: 'Unit-hours open: working days × opening hours × capacity.',
    example: 189,
  })
  openHours: number;

  @ApiProperty({ description: 'bookedHours / openHours, 0–1.', example: 0.8915 })
  utilisation: number;

  @ApiProperty({ description: 'Yuan of those bookings.', example: 64030 })
  revenueCny: number;
}

export class ResourceUtilisationDto {
  @ApiProperty({ format: 'uuid', example: '7d4c1b2a-3e5f-4a6b-8c9d-0e1f2a3b4c5d' })
  resourceId: string;

  @ApiProperty({ example: 'INS-FACS-01' })
  code: string;

  @ApiProperty({ example: '流式细胞分选仪 BD FACSAria III' })
  name: string;

  @ApiProperty({ enum: RESOURCE_KINDS, example: 'INSTRUMENT' })
  kind: ResourceKind;

  @ApiProperty({ example: 'PSC' })
  operatorDepartmentCode: string;

  @ApiProperty({ type: [UtilisationMonthDto] })
  months: UtilisationMonthDto[];
}
