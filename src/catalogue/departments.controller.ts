import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth/auth.decorators';
import { CatalogueService } from './catalogue.service';
import { ApiProblems } from '../common/openapi/api-problems.decorator';

export class DepartmentDto {
  @ApiProperty({ example: 'CUSTOMS' })
  code: string;

  @ApiProperty({ example: '海关（口岸卫生检疫）' })
  name: string;

  @ApiProperty({ example: 'Customs (port health quarantine)' })
  nameEn: string;
}

@ApiTags('catalogue')
@Public()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @ApiOperation({
    summary: 'The park departments that handle services',
    description:
      'Every park department that handles services, with its code (used as `departmentCode` and in filters) and its Chinese and English names. Public.',
  })
  @ApiOkResponse({ type: [DepartmentDto] })
  @ApiProblems()
  listDepartments(): Promise<DepartmentDto[]> {
    return this.catalogue.listDepartments();
  }
}
