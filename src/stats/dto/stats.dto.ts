import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsCalendarDate } from '../../common/validation/strict-values';
import { KEY_ISSUES, KeyIssue } from '../../catalogue/service-definition';

export class StatsFilter {
  @ApiPropertyOptional({
    description: 'Department heads always see their own.',
    example: 'CUSTOMS',
  })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,19}$/, { message: 'department must be a department code' })
  department?: string;

  @ApiPropertyOptional({ example: 'SPECIAL_ARTICLE_ENTRY' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'service must be a service code' })
  service?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'First day (Asia/Shanghai), inclusive.',
    example: '2026-01-01',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Last day, inclusive.',
    example: '2026-12-31',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class TimeseriesQuery extends StatsFilter {
  @ApiProperty({ enum: ['submitted', 'completed', 'overdue'], example: 'submitted' })
  @IsIn(['submitted', 'completed', 'overdue'])
  metric: 'submitted' | 'completed' | 'overdue';

  @ApiProperty({ enum: ['day', 'week', 'month'], example: 'week' })
  @IsIn(['day', 'week', 'month'])
  interval: 'day' | 'week' | 'month';
}

export class StatusCountDto {
  @ApiProperty({ example: 'IN_PROGRESS' })
  status: string;

  @ApiProperty({ example: 312 })
  applications: number;
}

export class PerformanceDto {
  @ApiProperty({ description: 'Applications submitted in the period.', example: 1280 })
  submitted: number;

  @ApiProperty({
    description: 'Applications decided in the period (approved, denied, rejected or completed).',
    example: 1164,
  })
  decided: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Working days from submission to decision, clock stops excluded.',
    example: 6,
  })
  medianWorkingDays: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 11 })
  p90WorkingDays: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Share decided within the promised limit, 0–1.',
    example: 0.93,
  })
  onTimeRate: number | null;

  @ApiProperty({ description: 'Open applications past a deadline right now.', example: 4 })
  overdueNow: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Average rating 1–5 in the period.',
    example: 4.6,
  })
  averageRating: number | null;
}

export class ServicePerformanceDto extends PerformanceDto {
  @ApiProperty({ example: 'SPECIAL_ARTICLE_ENTRY' })
  serviceCode: string;

  @ApiProperty({ example: 'CUSTOMS' })
  departmentCode: string;
}

export class DepartmentPerformanceDto extends PerformanceDto {
  @ApiProperty({ example: 'CUSTOMS' })
  departmentCode: string;
}

export class KeyIssuePerformanceDto extends PerformanceDto {
  @ApiProperty({ enum: KEY_ISSUES, example: 'SPECIAL_ARTICLE_IMPORT' })
  keyIssue: KeyIssue;

  @ApiProperty({
    type: [String],
    description: 'The services tagged with it, at their current versions.',
    example: ['SPECIAL_ARTICLE_ENTRY', 'RD_IMPORT_WHITELIST'],
  })
  serviceCodes: string[];
}

export class StatsOverviewDto {
  @ApiProperty({ type: PerformanceDto, description: 'Everything the filter selects.' })
  total: PerformanceDto;

  @ApiProperty({ type: [StatusCountDto], description: 'Submitted applications by current status.' })
  byStatus: StatusCountDto[];

  @ApiProperty({ type: [ServicePerformanceDto] })
  byService: ServicePerformanceDto[];

  @ApiProperty({
    type: [KeyIssuePerformanceDto],
    description:
      "By the park reform's four key issues (professionals, venues, public platforms, import of special articles), in that order; a service may count under several.",
  })
  byKeyIssue: KeyIssuePerformanceDto[];

  @ApiProperty({ type: [DepartmentPerformanceDto] })
  byDepartment: DepartmentPerformanceDto[];
}

export class TimeseriesPointDto {
  @ApiProperty({ format: 'date', example: '2026-11-16' })
  periodStart: string;

  @ApiProperty({ example: 57 })
  value: number;
}
