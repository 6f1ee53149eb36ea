import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({
    summary: 'Register a clinical-trial institution (park admin)',
    description:
      'A park admin registers a hospital that runs clinical trials, with its specialties, GCP wards, indications and capacity, so that dockings can be matched to it. A code already in use is 409.',
  })
  @ApiAuthProblems(400, 409)
  createInstitution(
    @CurrentPrincipal() admin: UserPrincipal,
    @Body() body: NewInstitutionDto,
  ): Promise<InstitutionDto> {
    return this.institutions.create(admin, body);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'A clinical-trial institution (an institution user: its own only)',
    description:
      'One clinical-trial institution with its specialties, GCP wards, indications, capacity and current load. An institution user sees its own institution only; another is 404.',
  })
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
    description:
      "A park admin changes an institution's specialties, GCP wards, indications, capacity or active flag; an inactive institution is offered no new trials.",
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
  @ApiOperation({
    summary: 'Add a user (INSTITUTION_USER) of the institution',
    description:
      'A park admin creates a user (role `INSTITUTION_USER`) bound to the institution, who answers its dockings and keeps its doctors. An email already in use is 409.',
  })
  @ApiAuthProblems(400, 404, 409)
  addInstitutionUser(
    @CurrentPrincipal() admin: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: NewOrganisationUserDto,
  ): Promise<UserDto> {
    return this.institutions.addUser(admin, id, body);
  }
}
