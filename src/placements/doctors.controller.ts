import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { UserPrincipal } from '../common/auth/principal';
import { Created } from '../common/http/created.decorator';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import { ApiAuthProblems } from '../common/openapi/api-problems.decorator';
import { Page } from '../common/pagination/page';
import { DoctorsService } from './doctors.service';
import {
  DoctorDto,
  DoctorListQuery,
  DoctorPageDto,
  NewDoctorDto,
  UpdateDoctorDto,
} from './dto/doctor.dto';

const uuid = () => new ParseUUIDPipe();

@ApiTags('doctors into enterprise')
@Roles('INSTITUTION_USER', 'ADMIN')
@Controller('doctors')
export class DoctorsController {
  constructor(private readonly doctors: DoctorsService) {}

  @Get()
  @Roles('INSTITUTION_USER', 'ADMIN', 'OFFICER', 'DEPARTMENT_HEAD')
  @ApiOperation({
    summary: 'Doctors of the trial institutions, newest first',
    description: "A hospital's users see their own hospital's doctors only.",
  })
  @ApiOkResponse({ type: DoctorPageDto })
  @ApiAuthProblems(400)
  listDoctors(
    @CurrentPrincipal() principal: UserPrincipal,
    @Query() query: DoctorListQuery,
  ): Promise<Page<DoctorDto>> {
    return this.doctors.list(principal, query);
  }

  @Post()
  @Idempotent()
  @Created(DoctorDto, (doctor) => `/api/v1/doctors/${doctor.id}`)
  @ApiOperation({
    summary: 'Add a doctor of your hospital (admins: of the hospital named)',
    description:
      "A trial institution's user adds a doctor of their own hospital, who can then be proposed for placements; an admin names the hospital. A licence number already registered is 409.",
  })
  @ApiAuthProblems(400, 409)
  createDoctor(
    @CurrentPrincipal() principal: UserPrincipal,
    @Body() body: NewDoctorDto,
  ): Promise<DoctorDto> {
    return this.doctors.create(principal, body);
  }

  @Get(':id')
  @Roles('INSTITUTION_USER', 'ADMIN', 'OFFICER', 'DEPARTMENT_HEAD')
  @ApiOperation({
    summary: "A doctor (a hospital's users: their own hospital's only)",
    description:
      "One doctor with their hospital, specialty, title and active flag. A hospital's users see their own hospital's doctors only; park staff see all; anything else is 404.",
  })
  @ApiOkResponse({ type: DoctorDto })
  @ApiAuthProblems(400, 404)
  getDoctor(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
  ): Promise<DoctorDto> {
    return this.doctors.get(principal, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Change a doctor's name, specialty, title or active flag",
    description:
      "A hospital's users (or an admin) change a doctor's name, specialty, title or active flag; an inactive doctor cannot be proposed for new placements.",
  })
  @ApiOkResponse({ type: DoctorDto })
  @ApiAuthProblems(400, 404, 409)
  updateDoctor(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: UpdateDoctorDto,
  ): Promise<DoctorDto> {
    return this.doctors.update(principal, id, body);
  }
}
