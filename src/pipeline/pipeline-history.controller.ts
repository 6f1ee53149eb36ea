import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { Principal } from '../common/auth/principal';
import { ENTERPRISE_ROLES } from '../common/auth/roles';
import { Page } from '../common/pagination/page';
import { ApiAuthProblems } from '../common/openapi/api-problems.decorator';
import {
  PipelineHistoryEntryDto,
  PipelineHistoryPageDto,
  PipelineHistoryQuery,
} from './dto/history.dto';
import { uuidParam } from './pipeline-routes';
import { PipelineService } from './pipeline.service';

@ApiTags('industry map')
@Controller('enterprises/:id/pipeline/history')
export class PipelineHistoryController {
  constructor(private readonly pipeline: PipelineService) {}

  @Get()
  @Roles(...ENTERPRISE_ROLES, 'OFFICER', 'DEPARTMENT_HEAD', 'ADMIN')
  @ApiOperation({
    summary: "Every change to an enterprise's pipeline, newest first: who, when, before and after",
    description:
      'Creations, changes, removals, verifications and rejections of its products and devices. The history is append-only; `before` and `after` are the stored item.',
  })
  @ApiOkResponse({ type: PipelineHistoryPageDto })
  @ApiAuthProblems(400, 404)
  listPipelineHistory(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam()) id: string,
    @Query() query: PipelineHistoryQuery,
  ): Promise<Page<PipelineHistoryEntryDto>> {
    return this.pipeline.history(principal, id, query);
  }
}
