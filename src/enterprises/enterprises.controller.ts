import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, Scopes } from '../common/auth/auth.decorators';
import { Principal } from '../common/auth/principal';
import { Created } from '../common/http/created.decorator';
import { IfMatchVersion, WithETag } from '../common/http/versioning';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import { ApiAuthProblems } from '../common/openapi/api-problems.decorator';
import { ETAG_HEADER } from '../common/openapi/etag-header';
import { Page } from '../common/pagination/page';
import { UserDto } from '../users/dto/user.dto';
import { EnterpriseDto, EnterprisePageDto } from './dto/enterprise.dto';
import { UpdateEnterpriseDto } from './dto/enterprise-profile.dto';
import { EnterpriseListQuery } from './dto/enterprise-query.dto';
import { NewMemberDto } from './dto/member.dto';
import { VerifyEnterpriseInput } from './dto/verify-enterprise.dto';
import { EnterprisesService } from './enterprises.service';

const enterpriseId = () => new ParseUUIDPipe();

@ApiTags('enterprises')
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Get()
  @Roles('OFFICER', 'DEPARTMENT_HEAD', 'ADMIN')
  @ApiOperation({
    summary: 'List enterprises (park staff), newest first, with filters',
    description:
      'Park staff list the enterprises of the park, newest first; filter by sector, zone, verification or a search on name and credit code.',
  })
  @ApiOkResponse({ type: EnterprisePageDto })
  @ApiAuthProblems(400)
  listEnterprises(@Query() query: EnterpriseListQuery): Promise<Page<EnterpriseDto>> {
    return this.enterprises.listEnterprises(query);
  }

  @Get(':id')
  @Roles('ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER', 'OFFICER', 'DEPARTMENT_HEAD', 'ADMIN')
  @Scopes('applications:read')
  @WithETag()
  @ApiOperation({
    summary: 'Read an enterprise profile (your own, or any for park staff)',
    description:
      "An enterprise's profile and verification status; the `ETag` is its version. Enterprise users read their own enterprise, park staff any; integrators with a key bound to the enterprise. Another enterprise is 404.",
  })
  @ApiOkResponse({
    type: EnterpriseDto,
    headers: ETAG_HEADER,
  })
  @ApiAuthProblems(400, 404)
  getEnterprise(
    @CurrentPrincipal() principal: Principal,
    @Param('id', enterpriseId()) id: string,
  ): Promise<EnterpriseDto> {
    return this.enterprises.getEnterprise(principal, id);
  }

  @Patch(':id')
  @Roles('ENTERPRISE_ADMIN')
  @WithETag()
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'ETag of the version you read; stale → 412',
  })
  @ApiOperation({
    summary: 'Update your enterprise profile',
    description:
      "The enterprise's admins change its profile. A stale `If-Match` is 412, a stale `expectedVersion` 409.",
  })
  @ApiOkResponse({ type: EnterpriseDto })
  @ApiAuthProblems(400, 404, 409, 412)
  updateEnterprise(
    @CurrentPrincipal() principal: Principal,
    @Param('id', enterpriseId()) id: string,
    @Body() body: UpdateEnterpriseDto,
    @IfMatchVersion() ifMatch: number | undefined,
  ): Promise<EnterpriseDto> {
    return this.enterprises.updateEnterprise(principal, id, body, ifMatch);
  }

  @Post(':id/verify')
  @Roles('OFFICER', 'DEPARTMENT_HEAD', 'ADMIN')
  @HttpCode(200)
  @WithETag()
  @Idempotent()
  @ApiOperation({
    summary: 'Verify an enterprise so it may submit applications (any staff member)',
    description:
      "Any park staff member records that they checked the enterprise's papers (with optional notes); from then on it may submit applications. Verifying again changes nothing.",
  })
  @ApiBody({ type: VerifyEnterpriseInput, required: false })
  @ApiOkResponse({ type: EnterpriseDto })
  @ApiAuthProblems(400, 404)
  verifyEnterprise(
    @CurrentPrincipal() principal: Principal,
    @Param('id', enterpriseId()) id: string,
    @Body() body: VerifyEnterpriseInput,
  ): Promise<EnterpriseDto> {
    return this.enterprises.verifyEnterprise(principal, id, body.notes?.trim() || null);
  }

  @Get(':id/members')
  @Roles('ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER', 'OFFICER', 'DEPARTMENT_HEAD', 'ADMIN')
  @ApiOperation({
    summary: "List an enterprise's users",
    description:
      'The user accounts of an enterprise with their roles. Its own users and park staff; another enterprise is 404.',
  })
  @ApiOkResponse({ type: [UserDto] })
  @ApiAuthProblems(400, 404)
  listEnterpriseMembers(
    @CurrentPrincipal() principal: Principal,
    @Param('id', enterpriseId()) id: string,
  ): Promise<UserDto[]> {
    return this.enterprises.listMembers(principal, id);
  }

  @Post(':id/members')
  @Roles('ENTERPRISE_ADMIN')
  @Created(UserDto, (user) => `/api/v1/enterprises/${user.enterpriseId}/members`)
  @Idempotent()
  @ApiOperation({
    summary: 'Add a user to your enterprise (enterprise admins)',
    description:
      'An enterprise admin creates a user of their enterprise, as `ENTERPRISE_ADMIN` or `ENTERPRISE_MEMBER`, with an initial password. An email already in use is 409.',
  })
  @ApiAuthProblems(400, 404, 409)
  addEnterpriseMember(
    @CurrentPrincipal() principal: Principal,
    @Param('id', enterpriseId()) id: string,
    @Body() body: NewMemberDto,
  ): Promise<UserDto> {
    return this.enterprises.addMember(principal, id, body);
  }
}
