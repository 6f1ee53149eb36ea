import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray } from 'class-validator';
import { IsCalendarDate } from '../../common/validation/strict-values';

export class WorkingDaysQuery {
  @ApiProperty({
    format: 'date',
    description: 'First day (Asia/Shanghai), inclusive.',
    example: '2026-09-28',
  })
  @IsCalendarDate()
  from: string;

  @ApiProperty({
    format: 'date',
    description: 'Last day, inclusive; at most three years after `from`.',
    example: '2026-10-12',
  })
  @IsCalendarDate()
  to: string;
}

export class WorkingDaysDto {
  @ApiProperty({ format: 'date', example: '2026-09-28' })
  from: string;

  @ApiProperty({ format: 'date', example: '2026-10-12' })
  to: string;

  @ApiProperty({ description: 'Working days in the range, both ends included.', example: 7 })
  count: number;

  @ApiProperty({
    type: [String],
    format: 'date',
    example: [
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
      '2026-10-12',
    ],
  })
  workingDays: string[];

  @ApiProperty({
    type: [Number],
    description:
      'Years in the range without official holiday data: counted as weekends only, and may change.',
    example: [],
  })
  provisionalYears: number[];
}

export class CalendarYearInputDto {
  @ApiProperty({
    type: [String],
    format: 'date',
    description: 'Statutory holidays (days off), as the State Council publishes them.',
    example: [
      '2027-01-01',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
      '2027-02-12',
    ],
  })
  @IsArray()
  @ArrayMaxSize(60)
  @ArrayUnique()
  @IsCalendarDate({
    each: true,
    message: 'each holiday must be a date that exists, like 2027-02-06',
  })
  holidays: string[];

  @ApiProperty({
    type: [String],
    format: 'date',
    description: 'Make-up working days (调休): weekend days that are worked.',
    example: ['2027-02-14'],
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsCalendarDate({
    each: true,
    message: 'each make-up working day must be a date that exists, like 2027-02-14',
  })
  makeUpWorkdays: string[];
}

export class CalendarYearDto extends CalendarYearInputDto {
  @ApiProperty({ example: 2027 })
  year: number;

  @ApiProperty({ description: 'False once official data exists for the year.', example: false })
  provisional: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '`chinese-days` for seeded years, `admin` for published ones.',
    example: 'admin',
  })
  source: string | null;
}
