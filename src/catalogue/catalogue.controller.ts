import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, Roles } from '../common/auth/auth.decorators';
import { actorOf, isAdmin, Principal, UserPrincipal } from '../common/auth/principal';
import { Created } from '../common/http/created.decorator';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import { ApiAuthProblems, ApiProblems } from '../common/openapi/api-problems.decorator';
import { Page } from '../common/pagination/page';
import { IntegerParam } from '../common/http/integer-param';

import { CatalogueService } from './catalogue.service';
import {
  ServiceDto,
  ServicePageDto,
  ServiceSummaryDto,
  ServiceVersionSummaryDto,
} from './dto/service.dto';
import { DraftChangeInput, NewDraftInput, NewServiceInput } from './dto/service-input.dto';
import { ServiceListQuery } from './dto/service-query.dto';

const versionParam = () => new IntegerParam('version', { min: 1, max: 2_147_483_647, example: 2 });

@ApiTags('catalogue')
@Controller('services')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'The service catalogue: 27 basic government and 19 value-added services, filterable by category, department, key issue and name',
    description:
      'The services with a published version, by code, with their department and time limits; filter by `category` (BASIC or VALUE_ADDED), `department`, `keyIssue` or a name search `q`. Retired services only with `includeRetired`. Public.',
  })
  @ApiOkResponse({ type: ServicePageDto })
  @ApiProblems(400)
  listServices(@Query() query: ServiceListQuery): Promise<Page<ServiceSummaryDto>> {
    return this.catalogue.listServices(query);
  }

  @Get(':code')
  @Public()
  @ApiOperation({
    summary: 'A service at its current published version',
    description:
      'Materials with their situation rules (`requiredWhen`), the form schema, the workflow and the time limits.',
  })
  @ApiOkResponse({ type: ServiceDto })
  @ApiProblems(404)
  getService(@Param('code') code: string): Promise<ServiceDto> {
    return this.catalogue.getService(code);
  }

  @Get(':code/versions')
  @Public()
  @ApiOperation({
    summary: "A service's versions, newest first (drafts for admins only)",
    description:
      'Every version of a service with its status (DRAFT or PUBLISHED), newest first. Public; drafts are listed for admins only.',
  })
  @ApiOkResponse({ type: [ServiceVersionSummaryDto] })
  @ApiProblems(404)
  listServiceVersions(
    @Param('code') code: string,
    @CurrentPrincipal() principal?: Principal,
  ): Promise<ServiceVersionSummaryDto[]> {
    return this.catalogue.listVersions(code, principal !== undefined && isAdmin(principal));
  }

  @Get(':code/versions/:version')
  @Public()
  @ApiOperation({
    summary: 'One version of a service; published versions never change',
    description:
      'One version of a service as it was published (or, for admins, as drafted): materials, form schema, workflow and time limits. Applications keep the version they were filed under.',
  })
  @ApiOkResponse({ type: ServiceDto })
  @ApiProblems(400, 404)
  getServiceVersion(
    @Param('code') code: string,
    @Param('version', versionParam()) version: number,
    @CurrentPrincipal() principal?: Principal,
  ): Promise<ServiceDto> {
    return this.catalogue.getVersion(code, version, principal !== undefined && isAdmin(principal));
  }

  @Post()
  @Roles('ADMIN')
  @Created(ServiceDto, (service) => `/api/v1/services/${service.code}/versions/${service.version}`)
  @Idempotent()
  @ApiOperation({
    summary: 'Create a service with its first draft version (admins)',
    description:
      'An admin creates a catalogue service with its code, department and a first draft version; it is offered to enterprises once that version is published. A code in use is 409.',
  })
  @ApiAuthProblems(400, 409)
  createService(
    @CurrentPrincipal() admin: UserPrincipal,
    @Body() body: NewServiceInput,
  ): Promise<ServiceDto> {
    return this.catalogue.createService(actorOf(admin), body);
  }

  @Post(':code/versions')
  @Roles('ADMIN')
  @Created(ServiceDto, (service) => `/api/v1/services/${service.code}/versions/${service.version}`)
  @Idempotent()
  @ApiOperation({
    summary:
      'Open a draft version, copied from the current one unless a definition is sent (admins)',
    description:
      'An admin opens the next version of a service as a draft, copied from the current version unless a full definition is sent. There is at most one draft at a time: a second is 409.',
  })
  @ApiAuthProblems(400, 404, 409)
  createServiceDraft(
    @CurrentPrincipal() admin: UserPrincipal,
    @Param('code') code: string,
    @Body() body: NewDraftInput,
  ): Promise<ServiceDto> {
    return this.catalogue.createDraft(actorOf(admin), code, body.definition);
  }

  @Patch(':code/versions/:version')
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'Edit a draft version (admins); a published version answers 409',
    description:
      'An admin edits the materials, form schema, workflow or time limits of a draft version. Published versions never change: editing one is 409.',
  })
  @ApiOkResponse({ type: ServiceDto })
  @ApiAuthProblems(400, 404, 409)
  updateServiceDraft(
    @CurrentPrincipal() admin: UserPrincipal,
    @Param('code') code: string,
    @Param('version', versionParam()) version: number,
    @Body() body: DraftChangeInput,
  ): Promise<ServiceDto> {
    return this.catalogue.updateDraft(actorOf(admin), code, version, body);
  }

  @Post(':code/versions/:version/publish')
  @Roles('ADMIN')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({
    summary: 'Validate and publish a draft; it becomes the current version (admins)',
    description:
      'A workflow with an unknown target or a dead end answers 400, naming the stage and action.',
  })
  @ApiOkResponse({ type: ServiceDto })
  @ApiAuthProblems(400, 404, 409)
  publishServiceVersion(
    @CurrentPrincipal() admin: UserPrincipal,
    @Param('code') code: string,
    @Param('version', versionParam()) version: number,
  ): Promise<ServiceDto> {
    return this.catalogue.publishVersion(actorOf(admin), code, version);
  }

  @Post(':code/retire')
  @Roles('ADMIN')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({
    summary: 'Retire a service: no new applications; open ones continue (admins)',
    description:
      'An admin retires a service: it takes no new applications, while applications already filed continue to their decision. A retired service stays readable.',
  })
  @ApiOkResponse({ type: ServiceDto })
  @ApiAuthProblems(404)
  retireService(
    @CurrentPrincipal() admin: UserPrincipal,
    @Param('code') code: string,
  ): Promise<ServiceDto> {
    return this.catalogue.retireService(actorOf(admin), code);
  }
}
