import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, Roles } from '../common/auth/auth.decorators';
import { actorOf, UserPrincipal } from '../common/auth/principal';
import { ApiAuthProblems, ApiProblems } from '../common/openapi/api-problems.decorator';
import { IntegerParam } from '../common/http/integer-param';
import { CalendarService } from './calendar.service';
import {
  CalendarYearDto,
  CalendarYearInputDto,
  WorkingDaysDto,
  WorkingDaysQuery,
} from './dto/calendar.dto';

/** The calendar's years: official data starts in 2004; deadlines never reach past 2100. */
const yearParam = () => new IntegerParam('year', { min: 2000, max: 2100, example: 2027 });

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('working-days')
  @Public()
  @ApiOperation({
    summary: 'Working days between two dates on the mainland-China calendar',
    description:
      'Weekends and statutory holidays are off, make-up days (调休) are worked. Years without official data are listed as provisional.',
  })
  @ApiOkResponse({ type: WorkingDaysDto })
  @ApiProblems(400)
  listWorkingDays(@Query() query: WorkingDaysQuery): Promise<WorkingDaysDto> {
    return this.calendar.workingDays(query.from, query.to);
  }

  @Get(':year')
  @Public()
  @ApiOperation({
    summary: "A year's holidays and make-up working days",
    description:
      'The statutory holidays and make-up working days of one year, and whether the year is provisional (no official data yet, so only weekends are off). Public.',
  })
  @ApiOkResponse({ type: CalendarYearDto })
  @ApiProblems(400)
  getCalendarYear(@Param('year', yearParam()) year: number): Promise<CalendarYearDto> {
    return this.calendar.getYear(year);
  }

  @Put(':year')
  @Roles('ADMIN')
  @ApiOperation({
    summary: "Publish a year's official holidays and make-up working days (admins)",
    description:
      'The year stops being provisional; deadlines computed from now on follow the new data.',
  })
  @ApiOkResponse({ type: CalendarYearDto })
  @ApiAuthProblems(400)
  publishCalendarYear(
    @CurrentPrincipal() admin: UserPrincipal,
    @Param('year', yearParam()) year: number,
    @Body() body: CalendarYearInputDto,
  ): Promise<CalendarYearDto> {
    return this.calendar.publishYear(actorOf(admin), year, body);
  }
}
