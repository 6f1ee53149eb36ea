import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { UserPrincipal } from '../common/auth/principal';
import { Created } from '../common/http/created.decorator';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import { ApiAuthProblems } from '../common/openapi/api-problems.decorator';
import { Page } from '../common/pagination/page';
import {
  HandoverActionDto,
  HandoverCloseDto,
  HandoverDto,
  HandoverListQuery,
  HandoverPageDto,
  HandoverProgressDto,
  HandoverRatingDto,
  HandoverReasonDto,
  NewHandoverDto,
  ProviderMatchDto,
} from './dto/handover.dto';
import { HandoversService } from './handovers.service';

const uuid = () => new ParseUUIDPipe();
const VIEWERS = [
  'ADMIN',
  'OFFICER',
  'DEPARTMENT_HEAD',
  'PROVIDER_USER',
  'ENTERPRISE_ADMIN',
  'ENTERPRISE_MEMBER',
] as const;

@ApiTags('service providers')
@Roles('PROVIDER_USER')
@Controller()
export class HandoversController {
  constructor(private readonly handovers: HandoversService) {}

  @Get('applications/:id/provider-matches')
  @Roles('OFFICER', 'DEPARTMENT_HEAD', 'ADMIN')
  @ApiOperation({
    summary: 'Listed providers of a value-added request’s service, best first',
    description:
      'Ranked by the capabilities the request names, the enterprises’ ratings and the current ' +
      'load; providers that declined this request are left out. 409 unless the request is being handled.',
  })
  @ApiOkResponse({ type: [ProviderMatchDto] })
  @ApiAuthProblems(400, 404, 409)
  listProviderMatches(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
  ): Promise<ProviderMatchDto[]> {
    return this.handovers.matches(principal, id);
  }

  @Post('applications/:id/handovers')
  @Roles('OFFICER', 'DEPARTMENT_HEAD')
  @Idempotent()
  @Created(HandoverDto, (handover) => `/api/v1/handovers/${handover.id}`)
  @ApiOperation({
    summary: 'Hand a value-added request to a listed provider (its department’s officers)',
    description: 'One live handover per request: a second is 409 until the first is declined.',
  })
  @ApiAuthProblems(400, 404, 409)
  handOverToProvider(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: NewHandoverDto,
  ): Promise<HandoverDto> {
    return this.handovers.handOver(principal, id, body);
  }

  @Get('handovers')
  @Roles(...VIEWERS)
  @ApiOperation({
    summary: 'Handovers you may see, newest first',
    description:
      'A provider user: those handed to its provider; officers: their department’s; enterprise ' +
      'users: their enterprise’s; admins: all.',
  })
  @ApiOkResponse({ type: HandoverPageDto })
  @ApiAuthProblems(400)
  listHandovers(
    @CurrentPrincipal() principal: UserPrincipal,
    @Query() query: HandoverListQuery,
  ): Promise<Page<HandoverDto>> {
    return this.handovers.list(principal, query);
  }

  @Get('handovers/:id')
  @Roles(...VIEWERS)
  @ApiOperation({
    summary: 'A handover with its progress reports',
    description:
      'One handover with its request, provider, status and progress reports. Visible to the same callers as in the list; anything else is 404.',
  })
  @ApiOkResponse({ type: HandoverDto })
  @ApiAuthProblems(400, 404)
  getHandover(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
  ): Promise<HandoverDto> {
    return this.handovers.get(principal, id);
  }

  @Post('handovers/:id/accept')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept a request offered to your provider',
    description:
      'A user of the provider a request was handed to accepts it and takes up the work; the officer and the enterprise see it as accepted. A handover no longer offered is 409.',
  })
  @ApiOkResponse({ type: HandoverDto })
  @ApiAuthProblems(400, 404, 409)
  acceptHandover(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: HandoverActionDto,
  ): Promise<HandoverDto> {
    return this.handovers.accept(principal, id, body);
  }

  @Post('handovers/:id/decline')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decline an offered request, with the reason; it goes back to the officer',
    description:
      'A user of the provider declines an offered request with the reason; it goes back to the officer, who may hand it to another provider. A handover no longer offered is 409.',
  })
  @ApiOkResponse({ type: HandoverDto })
  @ApiAuthProblems(400, 404, 409)
  declineHandover(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: HandoverReasonDto,
  ): Promise<HandoverDto> {
    return this.handovers.decline(principal, id, body);
  }

  @Post('handovers/:id/progress')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Report progress on an accepted request',
    description:
      'A user of the provider adds a progress report to a request it accepted; the enterprise and the officer read it in the handover. A handover not accepted is 409.',
  })
  @ApiOkResponse({ type: HandoverDto })
  @ApiAuthProblems(400, 404, 409)
  reportHandoverProgress(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: HandoverProgressDto,
  ): Promise<HandoverDto> {
    return this.handovers.progress(principal, id, body);
  }

  @Post('handovers/:id/close')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Close an accepted request with a summary; the enterprise then confirms and rates',
    description:
      'A user of the provider closes an accepted request with a summary of the work done; the enterprise then confirms the result and rates the provider. A handover not accepted is 409.',
  })
  @ApiOkResponse({ type: HandoverDto })
  @ApiAuthProblems(400, 404, 409)
  closeHandover(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: HandoverCloseDto,
  ): Promise<HandoverDto> {
    return this.handovers.close(principal, id, body);
  }

  @Post('handovers/:id/rating')
  @Roles('ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rate the provider of a closed handover (the enterprise, once)',
    description:
      "The enterprise rates the provider of a closed handover (1 to 5, with a comment), once; the rating counts in the provider's ranking. A second rating, or one before closing, is 409.",
  })
  @ApiOkResponse({ type: HandoverDto })
  @ApiAuthProblems(400, 404, 409)
  rateHandover(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: HandoverRatingDto,
  ): Promise<HandoverDto> {
    return this.handovers.rate(principal, id, body);
  }
}
