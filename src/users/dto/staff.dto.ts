import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { NewPersonDto } from '../../auth/dto/auth.dto';
import { PageQuery } from '../../common/pagination/page';
import { Role, ROLES } from '../../common/auth/roles';

const STAFF_ROLE_VALUES = ['OFFICER', 'DEPARTMENT_HEAD', 'ADMIN'] as const;
export const DEPARTMENT_CODE = /^[A-Z][A-Z0-9_]{1,19}$/;

export class NewStaffDto extends NewPersonDto {
  @ApiProperty({ enum: STAFF_ROLE_VALUES, example: 'OFFICER' })
  @IsIn(STAFF_ROLE_VALUES)
  role: (typeof STAFF_ROLE_VALUES)[number];

  @ApiPropertyOptional({
    description: 'Required for OFFICER and DEPARTMENT_HEAD; must be absent for ADMIN.',
    example: 'CUSTOMS',
  })
  @ValidateIf((staff: NewStaffDto) => staff.role !== 'ADMIN' || staff.departmentCode !== undefined)
  @Matches(DEPARTMENT_CODE, { message: 'departmentCode must be a department code such as CUSTOMS' })
  departmentCode?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES, example: 'DEPARTMENT_HEAD' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ example: 'CUSTOMS', nullable: true })
  @IsOptional()
  @Matches(DEPARTMENT_CODE, { message: 'departmentCode must be a department code such as CUSTOMS' })
  departmentCode?: string;

  @ApiPropertyOptional({
    description:
      'false deactivates the user: their sessions end at once and they can no longer sign in.',
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    description: 'The version you read; a stale one answers 409.',
    example: 1,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES, example: 'OFFICER' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ example: 'CUSTOMS' })
  @IsOptional()
  @Matches(DEPARTMENT_CODE, { message: 'department must be a department code such as CUSTOMS' })
  department?: string;

  @ApiPropertyOptional({ description: 'Matches name or email.', example: 'wang' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: 'true' })
  @IsOptional()
  @Type(() => String)
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';
}
