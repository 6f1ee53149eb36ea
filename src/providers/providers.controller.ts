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
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, Roles } from '../common/auth/auth.decorators';
import { UserPrincipal } from '../common/auth/principal';
import { ENTERPRISE_ROLES, PROVIDER_ROLES, STAFF_ROLES } from '../common/auth/roles';
import { Created } from '../common/http/created.decorator';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import { ApiAuthProblems, ApiProblems } from '../common/openapi/api-problems.decorator';
import { Page } from '../common/pagination/page';
import { StrictRateLimit } from '../common/rate-limit/rate-limit.guard';
import { NewOrganisationUserDto } from '../users/dto/organisation-user.dto';
import { UserDto } from '../users/dto/user.dto';
import {
  NewProviderDto,
  ProviderApplicationDto,
  ProviderApplicationResultDto,
  ProviderDto,
  ProviderListQuery,
  ProviderPageDto,
  ProviderStatusChangeDto,
  UpdateProviderDto,
} from './dto/provider.dto';
import { ProvidersService } from './providers.service';

const uuid = () => new ParseUUIDPipe();

/** Who reads the register: park staff, a provider's users (their own), enterprises (listed ones). */
const PROVIDER_READERS = [...STAFF_ROLES, ...PROVIDER_ROLES, ...ENTERPRISE_ROLES];

@ApiTags('service providers')
@Roles('ADMIN')
@Controller()
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Post('provider-applications')
  @Public()
  @StrictRateLimit()
  @Created(ProviderApplicationResultDto, (result) => `/api/v1/providers/${result.provider.id}`)
  @ApiOperation({
    summary: 'Apply to be listed as a service provider (public); the park reviews the application',
    description:
      'Creates the provider (APPLIED) and its first PROVIDER_USER, who may sign in at once and ' +
      'follow the review; nothing is handed to a provider before the park lists it.',
  })
  @ApiProblems(400, 409)
  applyAsProvider(@Body() body: ProviderApplicationDto): Promise<ProviderApplicationResultDto> {
    return this.providers.apply(body);
  }

  @Get('providers')
  @Roles(...PROVIDER_READERS)
  @ApiOperation({
    summary: 'The register of service providers, newest first (a provider user: its own)',
    description:
      'The register of service providers (CROs, CDMOs, agencies, ...) with their status, services, capabilities and capacity, newest first. Park staff see all; a provider user sees its own provider only; enterprise users see the listed ones, to choose a holder for a mandate.',
  })
  @ApiOkResponse({ type: ProviderPageDto })
  @ApiAuthProblems(400)
  listProviders(
    @CurrentPrincipal() principal: UserPrincipal,
    @Query() query: ProviderListQuery,
  ): Promise<Page<ProviderDto>> {
    return this.providers.list(principal, query);
  }

  @Post('providers')
  @Idempotent()
  @Created(ProviderDto, (provider) => `/api/v1/providers/${provider.id}`)
  @ApiOperation({
    summary: 'File the application of a provider for it (park admin)',
    description:
      'A park admin files the listing application on behalf of a provider (status APPLIED), to be reviewed like one the provider filed itself. A credit code already registered is 409.',
  })
  @ApiAuthProblems(400, 409)
  createProvider(
    @CurrentPrincipal() admin: UserPrincipal,
    @Body() body: NewProviderDto,
  ): Promise<ProviderDto> {
    return this.providers.create(admin, body);
  }

  @Get('providers/:id')
  @Roles(...PROVIDER_READERS)
  @ApiOperation({
    summary: 'A provider (a provider user: its own only)',
    description:
      'One provider with its profile, status, services, capabilities, capacity and ratings. A provider user sees its own provider only, enterprise users listed ones only; another is 404.',
  })
  @ApiOkResponse({ type: ProviderDto })
  @ApiAuthProblems(400, 404)
  getProvider(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
  ): Promise<ProviderDto> {
    return this.providers.get(principal, id);
  }

  @Patch('providers/:id')
  @ApiOperation({
    summary: "Change a provider's profile, services, capabilities or capacity",
    description:
      "A park admin changes a provider's profile, the services it offers, its capabilities or its capacity; the status changes through `POST /providers/{id}/status` only.",
  })
  @ApiOkResponse({ type: ProviderDto })
  @ApiAuthProblems(400, 404, 409)
  updateProvider(
    @CurrentPrincipal() admin: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: UpdateProviderDto,
  ): Promise<ProviderDto> {
    return this.providers.update(admin, id, body);
  }

  @Post('providers/:id/status')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({
    summary: 'List, reject, suspend or delist a provider, with the reason (audited)',
    description:
      'Requests offered to a provider that stops being listed go back to their officer, declined ' +
      'with the reason; accepted ones go on. A wrong transition is 409 with `allowedStatuses`.',
  })
  @ApiOkResponse({ type: ProviderDto })
  @ApiAuthProblems(400, 404, 409)
  changeProviderStatus(
    @CurrentPrincipal() admin: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: ProviderStatusChangeDto,
  ): Promise<ProviderDto> {
    return this.providers.changeStatus(admin, id, body);
  }

  @Post('providers/:id/users')
  @Idempotent()
  @Created(UserDto, (user) => `/api/v1/users/${user.id}`)
  @ApiOperation({
    summary: 'Add a user (PROVIDER_USER) of the provider',
    description:
      'A park admin creates a user (role `PROVIDER_USER`) bound to the provider, who answers its handovers. An email already in use is 409.',
  })
  @ApiAuthProblems(400, 404, 409)
  addProviderUser(
    @CurrentPrincipal() admin: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: NewOrganisationUserDto,
  ): Promise<UserDto> {
    return this.providers.addUser(admin, id, body);
  }
}
