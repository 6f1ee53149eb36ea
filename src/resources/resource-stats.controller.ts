import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { UserPrincipal } from '../common/auth/principal';
import { ApiAuthProblems } from '../common/openapi/api-problems.decorator';
import { ResourceUtilisationDto, UtilisationQuery } from './dto/utilisation.dto';
import { ResourceStatsService } from './resource-stats.service';

@ApiTags('statistics')
@Roles('ADMIN', 'DEPARTMENT_HEAD')
@Controller('stats')
export class ResourceStatsController {
  constructor(private readonly stats: ResourceStatsService) {}

  @Get('resource-utilisation')
  @ApiOperation({
    summary:
      'Utilisation of each bookable resource per month: confirmed unit-hours against hours open',
    description:
      'Hours open are working days × opening hours × capacity. Heads see the resources their department operates.',
  })
  @ApiOkResponse({ type: [ResourceUtilisationDto] })
  @ApiAuthProblems(400)
  getResourceUtilisation(
    @CurrentPrincipal() principal: UserPrincipal,
    @Query() query: UtilisationQuery,
  ): Promise<ResourceUtilisationDto[]> {
    return this.stats.utilisation(principal, query);
  }
}
