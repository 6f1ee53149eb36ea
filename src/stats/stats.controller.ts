import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { UserPrincipal } from '../common/auth/principal';
import { ApiAuthProblems } from '../common/openapi/api-problems.decorator';
import {
  StatsFilter,
  StatsOverviewDto,
  TimeseriesPointDto,
  TimeseriesQuery,
} from './dto/stats.dto';
import { StatsService } from './stats.service';

@ApiTags('statistics')
@Roles('ADMIN', 'DEPARTMENT_HEAD')
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('overview')
  @ApiOperation({
    summary:
      'Volume, working days to decision (median, p90), on-time rate, overdue now and ratings',
    description:
      'By status, by service and by department; filter by department, service and a date range. Heads see their department.',
  })
  @ApiOkResponse({ type: StatsOverviewDto })
  @ApiAuthProblems(400)
  getStatsOverview(
    @CurrentPrincipal() principal: UserPrincipal,
    @Query() filter: StatsFilter,
  ): Promise<StatsOverviewDto> {
    return this.stats.overview(principal, filter);
  }

  @Get('timeseries')
  @ApiOperation({
    summary: 'Submitted, completed or newly overdue applications per day, week or month',
    description:
      'Counts per period for one `metric` (submitted, completed or newly overdue) at the chosen `interval`, for charts. Admins see the whole park, department heads their own department.',
  })
  @ApiOkResponse({ type: [TimeseriesPointDto] })
  @ApiAuthProblems(400)
  getStatsTimeseries(
    @CurrentPrincipal() principal: UserPrincipal,
    @Query() query: TimeseriesQuery,
  ): Promise<TimeseriesPointDto[]> {
    return this.stats.timeseries(principal, query);
  }
}
