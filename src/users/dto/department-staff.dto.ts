import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { DEPARTMENT_ROLES } from '../../common/auth/roles';
import { DEPARTMENT_CODE } from './staff.dto';

export class DepartmentParams {
  @ApiProperty({ example: 'MPA', description: 'A department code, as `GET /departments` lists.' })
  @Matches(DEPARTMENT_CODE, { message: 'code must be a department code such as MPA' })
  code: string;
}

/** A colleague a task can be handed to: no more than a head needs to choose. */
export class DepartmentStaffDto {
  @ApiProperty({ format: 'uuid', example: '0f1e2d3c-4b5a-6978-8f9e-d1c2b3a4f5e6' })
  id: string;

  @ApiProperty({ example: '陈静' })
  name: string;

  @ApiProperty({ enum: DEPARTMENT_ROLES, example: 'OFFICER' })
  role: 'OFFICER' | 'DEPARTMENT_HEAD';
}
