import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, Scopes } from '../common/auth/auth.decorators';
import { actorOf, UserPrincipal } from '../common/auth/principal';
import { ROLES } from '../common/auth/roles';
import { Created } from '../common/http/created.decorator';
import { IfMatchVersion, WithETag } from '../common/http/versioning';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import { ApiAuthProblems } from '../common/openapi/api-problems.decorator';
import { Page } from '../common/pagination/page';
import {
  AvailabilityDto,
  AvailabilityQuery,
  NewResourceDto,
  ResourceChangeDto,
  ResourceDto,
  ResourceListQuery,
  ResourcePageDto,
} from './dto/resource.dto';
import { ResourcesService } from './resources.service';

const resourceId = () => new ParseUUIDPipe();

@ApiTags('resources')
@Controller('resources')
export class ResourcesController {
  constructor(private readonly resources: ResourcesService) {}

  @Get()
  @Roles(...ROLES)
  @Scopes('catalogue:read')
  @ApiOperation({
    summary: "The park's bookable platforms, venues and instruments, by code",
    description:
      "The park's shared platforms, venues and instruments with their operator, hours, rules and price, by code; filter by kind, category, operating department or a text search. Any signed-in user.",
  })
  @ApiOkResponse({ type: ResourcePageDto })
  @ApiAuthProblems(400)
  listResources(@Query() query: ResourceListQuery): Promise<Page<ResourceDto>> {
    return this.resources.listResources(query);
  }

  @Post()
  @Roles('ADMIN')
  @Created(ResourceDto, (resource) => `/api/v1/resources/${resource.id}`)
  @Idempotent()
  @ApiOperation({
    summary: 'Add a bookable resource with its operator, hours, rules and price (admins)',
    description:
      'An admin adds a bookable resource: the department that operates it, opening hours, capacity, slots, booking rules, cancellation rule and price. A code already in use is 409.',
  })
  @ApiAuthProblems(400, 409)
  createResource(
    @CurrentPrincipal() principal: UserPrincipal,
    @Body() body: NewResourceDto,
  ): Promise<ResourceDto> {
    return this.resources.createResource(actorOf(principal), body);
  }

  @Get(':id')
  @Roles(...ROLES)
  @Scopes('catalogue:read')
  @WithETag()
  @ApiOperation({
    summary: 'Read a resource with its opening hours, booking rules and price',
    description:
      'One resource with its opening hours, booking rules and price; the `ETag` is its version, for `If-Match` on changes. Any signed-in user.',
  })
  @ApiOkResponse({ type: ResourceDto })
  @ApiAuthProblems(400, 404)
  getResource(@Param('id', resourceId()) id: string): Promise<ResourceDto> {
    return this.resources.getResource(id);
  }

  @Patch(':id')
  @Roles('ADMIN')
  @WithETag()
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'ETag of the version you read; stale → 412',
  })
  @ApiOperation({
    summary: "Change a resource's terms, or take it out of booking (admins)",
    description:
      "An admin changes a resource's terms or sets it inactive, after which it takes no new bookings (existing ones stand). A stale `If-Match` is 412.",
  })
  @ApiOkResponse({ type: ResourceDto })
  @ApiAuthProblems(400, 404, 409, 412)
  updateResource(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', resourceId()) id: string,
    @Body() body: ResourceChangeDto,
    @IfMatchVersion() ifMatch: number | undefined,
  ): Promise<ResourceDto> {
    return this.resources.updateResource(actorOf(principal), id, body, ifMatch);
  }

  @Get(':id/availability')
  @Roles(...ROLES)
  @Scopes('catalogue:read')
  @ApiOperation({
    summary: 'Free units per slot on each working day of a range (at most 31 days)',
    description: 'Shows how many units are free, never who booked the others.',
  })
  @ApiOkResponse({ type: AvailabilityDto })
  @ApiAuthProblems(400, 404)
  getResourceAvailability(
    @Param('id', resourceId()) id: string,
    @Query() query: AvailabilityQuery,
  ): Promise<AvailabilityDto> {
    return this.resources.availability(id, query);
  }
}
