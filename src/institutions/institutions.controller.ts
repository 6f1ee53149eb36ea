import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { UserPrincipal } from '../common/auth/principal';
import { Created } from '../common/http/created.decorator';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import { ApiAuthProblems } from '../common/openapi/api-problems.decorator';
import { Page } from '../common/pagination/page';
import { UserDto } from '../users/dto/user.dto';
import { NewOrganisationUserDto } from '../users/dto/organisation-user.dto';
import {
  InstitutionDto,
  InstitutionListQuery,
  InstitutionPageDto,
  NewInstitutionDto,
  UpdateInstitutionDto,
} from './dto/institution.dto';
import { InstitutionsService } from './institutions.service';

const uuid = () => new ParseUUIDPipe();
const READERS = [
  'ADMIN',
  'OFFICER',
  'DEPARTMENT_HEAD',
  'ENTERPRISE_ADMIN',
  'ENTERPRISE_MEMBER',
  'INSTITUTION_USER',
] as const;

@ApiTags('trial institutions')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('institutions')
export class InstitutionsController {
  constructor(private readonly institutions: InstitutionsService) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Clinical-trial institutions by code, with their current load',
    description: 'An institution user sees its own institution only.',
  })
  @ApiOkResponse({ type: InstitutionPageDto })
  @ApiAuthProblems(400)
  listInstitutions(
    @CurrentPrincipal() principal: UserPrincipal,
    @Query() query: InstitutionListQuery,
  ): Promise<Page<InstitutionDto>> {
    return this.institutions.list(principal, query);
  }

  @Post()
  @Idempotent()
  @Created(InstitutionDto, (institution) => `/api/v1/institutions/${institution.id}`)
  @ApiOperation({ summary: 'Register a clinical-trial institution (park admin)' })
  @ApiAuthProblems(400, 409)
  createInstitution(
    @CurrentPrincipal() admin: UserPrincipal,
    @Body() body: NewInstitutionDto,
  ): Promise<InstitutionDto> {
    return this.institutions.create(admin, body);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A clinical-trial institution (an institution user: its own only)' })
  @ApiOkResponse({ type: InstitutionDto })
  @ApiAuthProblems(400, 404)
  getInstitution(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
  ): Promise<InstitutionDto> {
    return this.institutions.get(principal, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Change an institution's specialties, GCP wards, indications, capacity or active flag",
  })
  @ApiOkResponse({ type: InstitutionDto })
  @ApiAuthProblems(400, 404, 409)
  updateInstitution(
    @CurrentPrincipal() admin: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: UpdateInstitutionDto,
  ): Promise<InstitutionDto> {
    return this.institutions.update(admin, id, body);
  }

  @Post(':id/users')
  @Idempotent()
  @Created(UserDto, (user) => `/api/v1/users/${user.id}`)
  @ApiOperation({ summary: 'Add a user (INSTITUTION_USER) of the institution' })
  @ApiAuthProblems(400, 404, 409)
  addInstitutionUser(
    @CurrentPrincipal() admin: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: NewOrganisationUserDto,
  ): Promise<UserDto> {
    return this.institutions.addUser(admin, id, body);
  }
}
