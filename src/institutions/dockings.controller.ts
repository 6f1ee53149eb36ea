import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { UserPrincipal } from '../common/auth/principal';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import { ApiAuthProblems } from '../common/openapi/api-problems.decorator';
import { Page } from '../common/pagination/page';
import {
  DockingAcceptDto,
  DockingDeclineDto,
  DockingDto,
  DockingListQuery,
  DockingPageDto,
} from './dto/docking.dto';
import { DockingsService } from './dockings.service';

const uuid = () => new ParseUUIDPipe();
const VIEWERS = [
  'ADMIN',
  'OFFICER',
  'DEPARTMENT_HEAD',
  'INSTITUTION_USER',
  'ENTERPRISE_ADMIN',
  'ENTERPRISE_MEMBER',
] as const;

@ApiTags('trial institutions')
@Roles('INSTITUTION_USER')
@Controller('dockings')
export class DockingsController {
  constructor(private readonly dockings: DockingsService) {}

  @Get()
  @Roles(...VIEWERS)
  @ApiOperation({
    summary: 'Clinical-trial dockings you may see, newest first',
    description:
      'An institution user: those offered to its institution; officers: of applications routed to ' +
      'their department; enterprise users: their enterprise’s; admins: all.',
  })
  @ApiOkResponse({ type: DockingPageDto })
  @ApiAuthProblems(400)
  listDockings(
    @CurrentPrincipal() principal: UserPrincipal,
    @Query() query: DockingListQuery,
  ): Promise<Page<DockingDto>> {
    return this.dockings.list(principal, query);
  }

  @Get(':id')
  @Roles(...VIEWERS)
  @ApiOperation({
    summary: 'A clinical-trial docking',
    description:
      'One docking: the trial, the institution it is offered to, its status and the application it belongs to. Visible as in the list; anything else is 404.',
  })
  @ApiOkResponse({ type: DockingDto })
  @ApiAuthProblems(400, 404)
  getDocking(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
  ): Promise<DockingDto> {
    return this.dockings.get(principal, id);
  }

  @Post(':id/accept')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept a trial offered to your institution; it goes on to ethics review scheduling',
    description:
      'A user of the institution a trial is offered to accepts it, and the clinical-trial application goes on to ethics review scheduling. A docking no longer waiting for an answer is 409.',
  })
  @ApiOkResponse({ type: DockingDto })
  @ApiAuthProblems(400, 404, 409)
  acceptDocking(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: DockingAcceptDto,
  ): Promise<DockingDto> {
    return this.dockings.accept(principal, id, body);
  }

  @Post(':id/decline')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decline a trial offered to your institution; matching runs again without it',
    description:
      'A user of the institution a trial is offered to declines it; matching runs again without that institution. A docking no longer waiting for an answer is 409.',
  })
  @ApiOkResponse({ type: DockingDto })
  @ApiAuthProblems(400, 404, 409)
  declineDocking(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: DockingDeclineDto,
  ): Promise<DockingDto> {
    return this.dockings.decline(principal, id, body);
  }
}
