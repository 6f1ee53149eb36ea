import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../common/auth/auth.decorators';
import { ApiAuthProblems, ApiProblems } from '../common/openapi/api-problems.decorator';
import { Page } from '../common/pagination/page';
import { DirectoryQuery, IndustryFilter } from './dto/directory-query.dto';
import { DirectoryEntryDto, DirectoryPageDto, IndustryAggregatesDto } from './dto/directory.dto';
import { PublicIndustryMapDto } from './dto/public-industry-map.dto';
import { DirectoryService } from './directory.service';

@ApiTags('industry map')
@Controller('directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('enterprises')
  @Roles('OFFICER', 'DEPARTMENT_HEAD', 'ADMIN')
  @ApiOperation({
    summary: 'The industry directory (park staff): enterprises by segment, zone and pipeline',
    description:
      'Newest first. `stage` and `deviceClass` keep the enterprises with a product at that stage or a device of that class; each entry carries its pipeline summary.',
  })
  @ApiOkResponse({ type: DirectoryPageDto })
  @ApiAuthProblems(400)
  listDirectoryEnterprises(@Query() query: DirectoryQuery): Promise<Page<DirectoryEntryDto>> {
    return this.directory.list(query);
  }

  @Get('aggregates')
  @Roles('OFFICER', 'DEPARTMENT_HEAD', 'ADMIN')
  @ApiOperation({
    summary:
      'The industry map (park staff): segment × zone × stage, approvals per year, new enterprises per month',
    description:
      'Counts every enterprise and pipeline item, verified or not. Each cell can be opened with `GET /directory/enterprises` and the same filters.',
  })
  @ApiOkResponse({ type: IndustryAggregatesDto })
  @ApiAuthProblems(400)
  getDirectoryAggregates(@Query() filter: IndustryFilter): Promise<IndustryAggregatesDto> {
    return this.directory.aggregates(filter);
  }

  @Get('public')
  @Public()
  @ApiOperation({
    summary: 'The industry map for investors and the public: anonymised counts, no names',
    description:
      'Verified enterprises and verified pipeline items only. Counts of 1 or 2 read "<3"; in each table with such a cell the smallest other count reads "withheld", so that no total gives a small cell away.',
  })
  @ApiOkResponse({ type: PublicIndustryMapDto })
  @ApiProblems()
  getPublicIndustryMap(): Promise<PublicIndustryMapDto> {
    return this.directory.publicMap();
  }
}
