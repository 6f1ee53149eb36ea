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
import {
  ApiBearerAuth,
  ApiBody,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles, Scopes } from '../common/auth/auth.decorators';
import { Principal } from '../common/auth/principal';
import { Created } from '../common/http/created.decorator';
import { IfMatchVersion, WithETag } from '../common/http/versioning';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import { ApiAuthProblems } from '../common/openapi/api-problems.decorator';
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
@ApiBearerAuth()
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Get()
  @Roles('OFFICER', 'DEPARTMENT_HEAD', 'ADMIN')
  @ApiOperation({ summary: 'List enterprises (park staff), newest first, with filters' })
  @ApiOkResponse({ type: EnterprisePageDto })
  @ApiAuthProblems(400)
  listEnterprises(@Query() query: EnterpriseListQuery): Promise<Page<EnterpriseDto>> {
    return this.enterprises.listEnterprises(query);
  }

  @Get(':id')
  @Roles('ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER', 'OFFICER', 'DEPARTMENT_HEAD', 'ADMIN')
  @Scopes('applications:read')
  @ApiSecurity('api-key')
  @WithETag()
  @ApiOperation({ summary: 'Read an enterprise profile (your own, or any for park staff)' })
  @ApiOkResponse({
    type: EnterpriseDto,
    headers: { ETag: { description: 'The version, for If-Match' } },
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
  @ApiOperation({ summary: 'Update your enterprise profile' })
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
  @ApiOperation({ summary: "List an enterprise's users" })
  @ApiOkResponse({ type: [UserDto] })
  @ApiAuthProblems(400, 404)
  listMembers(
    @CurrentPrincipal() principal: Principal,
    @Param('id', enterpriseId()) id: string,
  ): Promise<UserDto[]> {
    return this.enterprises.listMembers(principal, id);
  }

  @Post(':id/members')
  @Roles('ENTERPRISE_ADMIN')
  @Created(UserDto, (user) => `/api/v1/enterprises/${user.enterpriseId}/members`)
  @Idempotent()
  @ApiOperation({ summary: 'Add a user to your enterprise (enterprise admins)' })
  @ApiAuthProblems(400, 404, 409)
  addMember(
    @CurrentPrincipal() principal: Principal,
    @Param('id', enterpriseId()) id: string,
    @Body() body: NewMemberDto,
  ): Promise<UserDto> {
    return this.enterprises.addMember(principal, id, body);
  }
}
