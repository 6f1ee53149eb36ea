import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { UserPrincipal } from '../common/auth/principal';
import { Created } from '../common/http/created.decorator';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import { ApiAuthProblems } from '../common/openapi/api-problems.decorator';
import { Page } from '../common/pagination/page';
import {
  NewPlacementDto,
  NewPlacementReviewDto,
  PlacementConfirmDto,
  PlacementDto,
  PlacementEventDto,
  PlacementExitDto,
  PlacementListQuery,
  PlacementPageDto,
  PlacementRenewalDto,
} from './dto/placement.dto';
import { PlacementReader } from './placement-reader.service';
import { PlacementsService } from './placements.service';

const uuid = () => new ParseUUIDPipe();
const VIEWERS = [
  'ADMIN',
  'OFFICER',
  'DEPARTMENT_HEAD',
  'INSTITUTION_USER',
  'ENTERPRISE_ADMIN',
  'ENTERPRISE_MEMBER',
] as const;
/** The two sides of a placement: the hospital's users and the enterprise's admin. */
const SIDES = ['INSTITUTION_USER', 'ENTERPRISE_ADMIN'] as const;
const STAFF = ['OFFICER', 'DEPARTMENT_HEAD', 'ADMIN'] as const;

@ApiTags('doctors into enterprise')
@Roles(...SIDES)
@Controller('placements')
export class PlacementsController {
  constructor(
    private readonly placements: PlacementsService,
    private readonly reader: PlacementReader,
  ) {}

  @Post()
  @Roles('OFFICER', 'DEPARTMENT_HEAD')
  @Idempotent()
  @Created(PlacementDto, (placement) => `/api/v1/placements/${placement.id}`)
  @ApiOperation({
    summary: 'Propose a placement of a doctor, answering a doctors-into-enterprise request',
    description:
      "The request's department proposes while it handles the request; the hospital and the " +
      'enterprise then both confirm before the placement starts.',
  })
  @ApiAuthProblems(400, 403, 404, 409)
  proposePlacement(
    @CurrentPrincipal() principal: UserPrincipal,
    @Body() body: NewPlacementDto,
  ): Promise<PlacementDto> {
    return this.placements.propose(principal, body);
  }

  @Get()
  @Roles(...VIEWERS)
  @ApiOperation({
    summary: 'Placements of doctors you may see, newest first',
    description:
      "A hospital's users: its doctors'; enterprise users: their enterprise's; officers: their " +
      "department's; admins: all.",
  })
  @ApiOkResponse({ type: PlacementPageDto })
  @ApiAuthProblems(400)
  listPlacements(
    @CurrentPrincipal() principal: UserPrincipal,
    @Query() query: PlacementListQuery,
  ): Promise<Page<PlacementDto>> {
    return this.reader.list(principal, query);
  }

  @Get(':id')
  @Roles(...VIEWERS)
  @ApiOperation({
    summary: 'A placement, with its reviews',
    description:
      'One placement with its doctor, hospital, enterprise, terms, confirmations and reviews. Visible to the same callers as in the list; anything else is 404.',
  })
  @ApiOkResponse({ type: PlacementDto })
  @ApiAuthProblems(400, 404)
  getPlacement(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
  ): Promise<PlacementDto> {
    return this.reader.get(principal, id);
  }

  @Get(':id/events')
  @Roles(...VIEWERS)
  @ApiOperation({
    summary: "A placement's life-cycle history, oldest first",
    description:
      'Every step of a placement, oldest first: proposed, confirmed by each side, started, reviewed, renewed, ended. Visible to the same callers as the placement.',
  })
  @ApiOkResponse({ type: [PlacementEventDto] })
  @ApiAuthProblems(400, 404)
  listPlacementEvents(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
  ): Promise<PlacementEventDto[]> {
    return this.reader.history(principal, id);
  }

  @Post(':id/confirm')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm the term waiting for your side (the hospital or the enterprise)',
    description: 'The second confirmation starts the placement, or its renewed term.',
  })
  @ApiOkResponse({ type: PlacementDto })
  @ApiAuthProblems(400, 404, 409)
  confirmPlacement(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: PlacementConfirmDto,
  ): Promise<PlacementDto> {
    return this.placements.confirm(principal, id, body);
  }

  @Post(':id/renewal')
  @Roles(...SIDES, ...STAFF)
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Offer a next term of an active placement; both sides confirm it again',
    description:
      'Either side or the department offers a next term of an active placement; it runs once the hospital and the enterprise have both confirmed it. A placement not active, or already renewing, is 409.',
  })
  @ApiOkResponse({ type: PlacementDto })
  @ApiAuthProblems(400, 404, 409)
  renewPlacement(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: PlacementRenewalDto,
  ): Promise<PlacementDto> {
    return this.placements.renew(principal, id, body);
  }

  @Post(':id/reviews')
  @Roles(...STAFF)
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({
    summary: "Record a periodic review of a running placement (the department's)",
    description:
      'The department records a periodic review of a running placement: its outcome and notes. A placement that is not running is 409.',
  })
  @ApiOkResponse({ type: PlacementDto })
  @ApiAuthProblems(400, 404, 409)
  reviewPlacement(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: NewPlacementReviewDto,
  ): Promise<PlacementDto> {
    return this.placements.review(principal, id, body);
  }

  @Post(':id/exit')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({
    summary: 'End the placement for your side, with a reason',
    description:
      'The hospital or the enterprise ends a running placement early, with a reason; the placement ends and records which side ended it. A placement already ended is 409.',
  })
  @ApiOkResponse({ type: PlacementDto })
  @ApiAuthProblems(400, 404, 409)
  exitPlacement(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: PlacementExitDto,
  ): Promise<PlacementDto> {
    return this.placements.exit(principal, id, body);
  }
}
