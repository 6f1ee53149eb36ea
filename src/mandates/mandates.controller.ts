import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { UserPrincipal } from '../common/auth/principal';
import { Created } from '../common/http/created.decorator';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import { ApiAuthProblems } from '../common/openapi/api-problems.decorator';
import { Page } from '../common/pagination/page';
import {
  MandateDto,
  MandateListQuery,
  MandatePageDto,
  NewMandateDto,
  RevokeMandateDto,
} from './dto/mandate.dto';
import { MandatesService } from './mandates.service';

const uuid = () => new ParseUUIDPipe();
const VIEWERS = [
  'ENTERPRISE_ADMIN',
  'ENTERPRISE_MEMBER',
  'OFFICER',
  'DEPARTMENT_HEAD',
  'PROVIDER_USER',
  'ADMIN',
] as const;

@ApiTags('mandates')
@Roles('ENTERPRISE_ADMIN')
@Controller('mandates')
export class MandatesController {
  constructor(private readonly mandates: MandatesService) {}

  @Post()
  @Idempotent()
  @Created(MandateDto, (mandate) => `/api/v1/mandates/${mandate.id}`)
  @ApiOperation({
    summary: 'Mandate the service centre, one of its staff, or a listed provider to act for you',
    description:
      'The holder may file drafts, attach materials and answer supplements for your enterprise, ' +
      'on the services named (or all) and within the period; it submits only with canSubmit. ' +
      'Every act of a holder is recorded with the acting user and the mandate.',
  })
  @ApiAuthProblems(400)
  grantMandate(
    @CurrentPrincipal() principal: UserPrincipal,
    @Body() body: NewMandateDto,
  ): Promise<MandateDto> {
    return this.mandates.grant(principal, body);
  }

  @Get()
  @Roles(...VIEWERS)
  @ApiOperation({
    summary: 'Mandates you may see, newest first',
    description:
      'Enterprise users: those their enterprise granted; service-centre staff and provider users: ' +
      'those they hold (pick the enterprise to act for from these); admins: all.',
  })
  @ApiOkResponse({ type: MandatePageDto })
  @ApiAuthProblems(400)
  listMandates(
    @CurrentPrincipal() principal: UserPrincipal,
    @Query() query: MandateListQuery,
  ): Promise<Page<MandateDto>> {
    return this.mandates.list(principal, query);
  }

  @Get(':id')
  @Roles(...VIEWERS)
  @ApiOperation({
    summary: 'A mandate',
    description:
      'One mandate: who granted it, who holds it, the services and period it covers, whether the holder may submit, and whether it is revoked. Visible as in the list; anything else is 404.',
  })
  @ApiOkResponse({ type: MandateDto })
  @ApiAuthProblems(400, 404)
  getMandate(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
  ): Promise<MandateDto> {
    return this.mandates.get(principal, id);
  }

  @Post(':id/revoke')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke a mandate; the next act under it is refused',
    description: '409 when it is revoked already.',
  })
  @ApiOkResponse({ type: MandateDto })
  @ApiAuthProblems(400, 404, 409)
  revokeMandate(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: RevokeMandateDto,
  ): Promise<MandateDto> {
    return this.mandates.revoke(principal, id, body);
  }
}
