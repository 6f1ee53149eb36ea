import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { UserPrincipal } from '../common/auth/principal';
import { ApiAuthProblems } from '../common/openapi/api-problems.decorator';
import { DepartmentParams, DepartmentStaffDto } from './dto/department-staff.dto';
import { UsersService } from './users.service';

@ApiTags('administration')
@Controller('departments/:code/staff')
export class DepartmentStaffController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('ADMIN', 'DEPARTMENT_HEAD')
  @ApiOperation({
    summary: "List a department's active officers and heads, by name",
    description:
      'Whom a task of the department can be handed to. A department head lists their own ' +
      'department only.',
  })
  @ApiOkResponse({ type: [DepartmentStaffDto] })
  @ApiAuthProblems(400, 404)
  listDepartmentStaff(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param() { code }: DepartmentParams,
  ): Promise<DepartmentStaffDto[]> {
    return this.users.listDepartmentStaff(principal, code);
  }
}
