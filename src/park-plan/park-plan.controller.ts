import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth/auth.decorators';
import { ApiProblems } from '../common/openapi/api-problems.decorator';
import { PARK_PLAN, ParkPlanDto } from './dto/park-plan.dto';

@ApiTags('industry map')
@Public()
@Controller('park-plan')
export class ParkPlanController {
  @Get()
  @ApiOperation({
    summary: "The park plan: its zones with their outlines, in the plan's own coordinates",
    description:
      'Enterprises sit in one of these zones (`zone` of the profile). The outlines are kept in the repository; no map tiles are needed to draw them.',
  })
  @ApiOkResponse({ type: ParkPlanDto })
  @ApiProblems()
  getParkPlan(): ParkPlanDto {
    return PARK_PLAN;
  }
}
