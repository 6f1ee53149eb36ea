import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CertificatesService } from '../certificates/certificates.service';
import { CertificateDto } from '../certificates/dto/certificate.dto';
import { CurrentPrincipal, Roles, Scopes } from '../common/auth/auth.decorators';
import { Principal, UserPrincipal } from '../common/auth/principal';
import { Created } from '../common/http/created.decorator';
import { readMultipartUpload } from '../common/http/multipart-upload';
import { Consumes } from '../common/http/request-body';
import { IfMatchVersion, WithETag } from '../common/http/versioning';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import { MEDIA_TYPES } from '../materials/storage/file-format';
import { ApiFileResponse } from '../common/openapi/api-file-response.decorator';
import { ApiAuthProblems } from '../common/openapi/api-problems.decorator';
import { Page } from '../common/pagination/page';
import { sendFile } from '../common/http/send-file';
import { validateBody } from '../common/http/validate-body';
import { ApplicationOversight } from './application-oversight.service';
import { ApplicationReader } from './application-reader.service';
import { ApplicationDrafts } from './application-drafts.service';
import { ApplicationMaterials } from './application-materials.service';
import { ApplicationsService } from './applications.service';
import {
  ApplicationDto,
  ApplicationEventDto,
  ApplicationPageDto,
  ApplicationSummaryDto,
  ChecklistDto,
} from './dto/application.dto';
import {
  ActionVersionInput,
  ApplicationListQuery,
  ClockStopInput,
  DraftUpdateInput,
  LibraryMaterialReferenceInput,
  NewApplicationInput,
  RatingInput,
  ReasonInput,
  SupplementAnswerInput,
} from './dto/application-input.dto';

const ENTERPRISE = ['ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER'] as const;
const EVERYONE = [
  'ENTERPRISE_ADMIN',
  'ENTERPRISE_MEMBER',
  'OFFICER',
  'DEPARTMENT_HEAD',
  'ADMIN',
] as const;
/** Besides everyone else, a provider's or hospital's users read what was handed to them. */
const READERS = [...EVERYONE, 'PROVIDER_USER', 'INSTITUTION_USER'] as const;
/**
 * Who files and changes an application: the enterprise, and the holders of its mandates (the
 * service centre's window staff, a listed provider's users), checked per act.
 */
const FILERS = [...ENTERPRISE, 'OFFICER', 'DEPARTMENT_HEAD', 'PROVIDER_USER'] as const;
const uuid = () => new ParseUUIDPipe();

@ApiTags('applications')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly drafts: ApplicationDrafts,
    private readonly attachments: ApplicationMaterials,
    private readonly reader: ApplicationReader,
    private readonly oversight: ApplicationOversight,
    private readonly certificates: CertificatesService,
  ) {}

  @Post()
  @Roles(...FILERS)
  @Scopes('applications:write')
  @Idempotent()
  @Created(ApplicationDto, (application) => `/api/v1/applications/${application.id}`)
  @ApiOperation({
    summary: 'Start a draft from a service, a "one thing" bundle, or a certificate to renew',
    description:
      'Send exactly one of serviceCode, bundleCode or renewalOf. The draft pins the current published version.',
  })
  @ApiAuthProblems(400, 404, 422)
  createApplication(
    @CurrentPrincipal() principal: Principal,
    @Body() body: NewApplicationInput,
  ): Promise<ApplicationDto> {
    return this.drafts.createApplication(principal, body);
  }

  @Get()
  @Roles(...EVERYONE, 'PROVIDER_USER')
  @Scopes('applications:read')
  @ApiOperation({
    summary: 'Applications you may see, newest first, with filters',
    description:
      'A holder of mandates (service-centre staff, a provider’s users) also sees those of the ' +
      'mandating enterprises within the mandates in force.',
  })
  @ApiOkResponse({ type: ApplicationPageDto })
  @ApiAuthProblems(400)
  listApplications(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ApplicationListQuery,
  ): Promise<Page<ApplicationSummaryDto>> {
    return this.reader.listApplications(principal, query);
  }

  @Get(':id')
  @Roles(...READERS)
  @Scopes('applications:read')
  @WithETag()
  @ApiOperation({
    summary:
      'An application with its materials, supplement request, both clocks and (bundles) children',
  })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiAuthProblems(400, 404)
  getApplication(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
  ): Promise<ApplicationDto> {
    return this.reader.getApplication(principal, id);
  }

  @Patch(':id')
  @Roles(...FILERS)
  @Scopes('applications:write')
  @WithETag()
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag you read; stale → 412' })
  @ApiOperation({ summary: 'Replace the form of a draft' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiAuthProblems(400, 404, 409, 412)
  updateDraft(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: DraftUpdateInput,
    @IfMatchVersion() ifMatch?: number,
  ): Promise<ApplicationDto> {
    return this.applications.updateDraft(principal, id, body, ifMatch);
  }

  @Get(':id/checklist')
  @Roles(...READERS)
  @Scopes('applications:read')
  @ApiOperation({ summary: 'What is still missing under the situation rules, before submitting' })
  @ApiOkResponse({ type: ChecklistDto })
  @ApiAuthProblems(400, 404)
  checklist(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
  ): Promise<ChecklistDto> {
    return this.applications.checklist(principal, id);
  }

  @Post(':id/materials')
  @Roles(...FILERS)
  @Scopes('applications:write')
  @HttpCode(200)
  @Consumes('multipart/form-data', 'application/json')
  @ApiBody({
    description:
      'multipart/form-data with the field `materialType` and then `file` (type checked by content, limits per material type), ' +
      'or JSON `{ materialType, libraryMaterialId }` to reuse a document of the material library.',
    schema: {
      oneOf: [
        {
          type: 'object',
          required: ['materialType', 'file'],
          properties: {
            materialType: { type: 'string', example: 'business_licence' },
            file: { type: 'string', format: 'binary' },
          },
        },
        {
          type: 'object',
          required: ['materialType', 'libraryMaterialId'],
          properties: {
            materialType: { type: 'string' },
            libraryMaterialId: { type: 'string', format: 'uuid' },
          },
        },
      ],
    },
  })
  @ApiOperation({
    summary: 'Attach a material: upload it, or take it from the material library',
    description:
      "An uploaded file's format is detected from its content, never from its name or declared type, and must be one " +
      "of the material type's `formats` (415 otherwise); its size must be at most the type's `maxBytes` (413 otherwise). " +
      'Nothing of a refused upload is kept.',
  })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiAuthProblems(400, 404, 409, 413, 415)
  async attachMaterial(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Req() request: FastifyRequest,
    @Body() body: unknown,
  ): Promise<ApplicationDto> {
    if (request.isMultipart())
      return this.attachments.attachUpload(principal, id, await readMultipartUpload(request));
    return this.attachments.attachFromLibrary(
      principal,
      id,
      await validateBody(LibraryMaterialReferenceInput, body),
    );
  }

  @Get(':id/materials/:materialId/content')
  @Roles(...READERS)
  @Scopes('applications:read')
  @ApiOperation({
    summary: 'Download a material (the enterprise, and the officers handling the application)',
  })
  @ApiFileResponse('The file as uploaded.', Object.values(MEDIA_TYPES))
  @ApiAuthProblems(400, 404)
  async materialContent(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Param('materialId', uuid()) materialId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendFile(reply, await this.attachments.materialContent(principal, id, materialId));
  }

  @Post(':id/submit')
  @Roles(...FILERS)
  @Scopes('applications:write')
  @Idempotent()
  @HttpCode(200)
  @WithETag()
  @ApiOperation({ summary: 'Submit the draft (the enterprise must be verified); the clocks start' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiAuthProblems(400, 404, 409, 412, 422)
  submit(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: ActionVersionInput,
    @IfMatchVersion() ifMatch?: number,
  ): Promise<ApplicationDto> {
    return this.applications.submit(principal, id, { ifMatch, body: body.expectedVersion });
  }

  @Post(':id/withdraw')
  @Roles(...FILERS)
  @Scopes('applications:write')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw while not yet decided' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiAuthProblems(400, 404, 409, 412)
  withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: ActionVersionInput,
    @IfMatchVersion() ifMatch?: number,
  ): Promise<ApplicationDto> {
    return this.applications.withdraw(principal, id, { ifMatch, body: body.expectedVersion });
  }

  @Post(':id/supplement')
  @Roles(...FILERS)
  @Scopes('applications:write')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Answer the supplement request once (attach the materials first); the application returns to the stage that asked',
  })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiAuthProblems(400, 404, 409)
  answerSupplement(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: SupplementAnswerInput,
  ): Promise<ApplicationDto> {
    return this.applications.answerSupplement(principal, id, body);
  }

  @Post(':id/confirm')
  @Roles(...FILERS)
  @Scopes('applications:write')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the result of a value-added service' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiAuthProblems(400, 404, 409, 412)
  confirm(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: ActionVersionInput,
    @IfMatchVersion() ifMatch?: number,
  ): Promise<ApplicationDto> {
    return this.applications.confirm(principal, id, { ifMatch, body: body.expectedVersion });
  }

  @Post(':id/extension')
  @Roles('DEPARTMENT_HEAD')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Extend the statutory limit once by 10 working days, with a reason (department heads)',
  })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiAuthProblems(400, 404, 409, 422)
  extend(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: ReasonInput,
  ): Promise<ApplicationDto> {
    return this.oversight.extend(principal, id, body);
  }

  @Post(':id/clock-stops')
  @Roles('OFFICER', 'DEPARTMENT_HEAD')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Stop both clocks for a reason the law excludes (expert review, testing, inspection scheduling, hearing)',
  })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiAuthProblems(400, 404, 409)
  stopClock(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: ClockStopInput,
  ): Promise<ApplicationDto> {
    return this.oversight.stopClock(principal, id, body);
  }

  @Post(':id/clock-stops/:stopId/end')
  @Roles('OFFICER', 'DEPARTMENT_HEAD')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Restart the clocks; the deadlines move by the working days they stood still',
  })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiAuthProblems(400, 404, 409)
  endClockStop(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Param('stopId', uuid()) stopId: string,
  ): Promise<ApplicationDto> {
    return this.oversight.endClockStop(principal, id, stopId);
  }

  @Get(':id/events')
  @Roles(...READERS)
  @Scopes('applications:read')
  @ApiOperation({
    summary:
      'The full timeline: every change, assignment, comment, upload and decision, oldest first',
  })
  @ApiOkResponse({ type: [ApplicationEventDto] })
  @ApiAuthProblems(400, 404)
  listEvents(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
  ): Promise<ApplicationEventDto[]> {
    return this.reader.listEvents(principal, id);
  }

  @Post(':id/rating')
  @Roles(...ENTERPRISE)
  @Scopes('applications:write')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Rate a finished application once, 1–5; 1–2 opens a rectification task for the department',
  })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiAuthProblems(400, 404, 409)
  rate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: RatingInput,
  ): Promise<ApplicationDto> {
    return this.oversight.rate(principal, id, body);
  }

  @Get(':id/certificate')
  @Roles(...EVERYONE)
  @Scopes('applications:read')
  @ApiOperation({ summary: 'The certificate issued on approval (JSON, with its signature)' })
  @ApiOkResponse({ type: CertificateDto })
  @ApiAuthProblems(400, 404)
  async getCertificate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
  ): Promise<CertificateDto> {
    await this.reader.getApplication(principal, id);
    return this.certificates.forApplication(id);
  }

  @Get(':id/certificate.pdf')
  @Roles(...EVERYONE)
  @Scopes('applications:read')
  @ApiOperation({ summary: 'The certificate as a PDF with a QR code of its public verify URL' })
  @ApiFileResponse('The certificate.', ['application/pdf'])
  @ApiAuthProblems(400, 404)
  async getCertificatePdf(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.reader.getApplication(principal, id);
    const pdf = await this.certificates.pdfForApplication(id);
    reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="certificate-${id}.pdf"`)
      .send(pdf);
  }
}
