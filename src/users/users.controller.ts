import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { actorOf, UserPrincipal } from '../common/auth/principal';
import { Created } from '../common/http/created.decorator';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import { ApiAuthProblems } from '../common/openapi/api-problems.decorator';
import { Page } from '../common/pagination/page';
import { UserDto, UserPageDto } from './dto/user.dto';
import { NewStaffDto, UpdateUserDto, UserListQuery } from './dto/staff.dto';
import { UsersService } from './users.service';

@ApiTags('administration')
@Roles('ADMIN')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({
    summary: 'List users (staff and enterprise users), newest first',
    description:
      'Every user account, park staff and enterprise users alike, newest first; filter by role, department, active flag or a name/email search. Admins only.',
  })
  @ApiOkResponse({ type: UserPageDto })
  @ApiAuthProblems(400)
  listUsers(@Query() query: UserListQuery): Promise<Page<UserDto>> {
    return this.users.listUsers(query);
  }

  @Post()
  @Created(UserDto, (user) => `/api/v1/users/${user.id}`)
  @Idempotent()
  @ApiOperation({
    summary: 'Create a park staff member (officer, department head or admin)',
    description:
      'Creates an officer or department head (with a `departmentCode`) or an admin (without one). Enterprise users are created by their enterprise instead. Admins only; an email already in use is 409.',
  })
  @ApiAuthProblems(400, 409)
  createStaff(
    @CurrentPrincipal() admin: UserPrincipal,
    @Body() body: NewStaffDto,
  ): Promise<UserDto> {
    return this.users.createStaff(actorOf(admin), body);
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Change a user's role, department or active flag",
    description:
      "Changes a user's role, department or active flag. Deactivating ends all the user's sessions at once and releases the tasks they had claimed. Admins only.",
  })
  @ApiOkResponse({ type: UserDto })
  @ApiAuthProblems(400, 404, 409)
  updateUser(
    @CurrentPrincipal() admin: UserPrincipal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserDto> {
    return this.users.updateUser(actorOf(admin), id, body);
  }
}
