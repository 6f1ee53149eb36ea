import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth/auth.decorators';
import { ApiProblems } from '../common/openapi/api-problems.decorator';
import { BundlesService } from './bundles.service';
import { BundleDto, BundleSummaryDto } from './dto/bundle.dto';

@ApiTags('catalogue')
@Public()
@Controller('bundles')
export class BundlesController {
  constructor(private readonly bundles: BundlesService) {}

  @Get()
  @ApiOperation({
    summary: '"One thing" bundles: several services filed together',
    description:
      'The bundles an enterprise can file as one application: each combines several catalogue services, with prerequisites between them. Public.',
  })
  @ApiOkResponse({ type: [BundleSummaryDto] })
  @ApiProblems()
  listBundles(): Promise<BundleSummaryDto[]> {
    return this.bundles.listBundles();
  }

  @Get(':code')
  @ApiOperation({
    summary: 'A bundle with its merged form and material list',
    description:
      'A bundle with the form and the material list merged from its services, and which service waits for which. Public; an unknown code is 404.',
  })
  @ApiOkResponse({ type: BundleDto })
  @ApiProblems(404)
  getBundle(@Param('code') code: string): Promise<BundleDto> {
    return this.bundles.getBundle(code);
  }
}
