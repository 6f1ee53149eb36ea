import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Matches, IsOptional } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Roles, Scopes } from '../common/auth/auth.decorators';
import { Principal } from '../common/auth/principal';
import { Created } from '../common/http/created.decorator';
import { readMultipartUpload } from '../common/http/multipart-upload';
import { Consumes } from '../common/http/request-body';
import { sendFile } from '../common/http/send-file';
import { MEDIA_TYPES } from './storage/file-format';
import { ApiFileResponse } from '../common/openapi/api-file-response.decorator';
import { ApiAuthProblems } from '../common/openapi/api-problems.decorator';
import { DomainError } from '../common/problem/domain-error';
import { LibraryMaterialDto } from './dto/library-material.dto';
import { MaterialsService } from './materials.service';

const MATERIAL_TYPE = /^[a-z][a-z0-9_]{1,63}$/;
const uuid = () => new ParseUUIDPipe();

class LibraryQuery {
  @ApiPropertyOptional({ example: 'business_licence' })
  @IsOptional()
  @Matches(MATERIAL_TYPE, { message: 'materialType must be a material type code' })
  materialType?: string;
}

@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('enterprises/:id/materials')
export class LibraryController {
  constructor(private readonly materials: MaterialsService) {}

  @Get()
  @Roles('ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER', 'OFFICER', 'DEPARTMENT_HEAD', 'ADMIN')
  @Scopes('applications:read')
  @ApiOperation({
    summary: "The enterprise's material library: documents given once, reused in any application",
  })
  @ApiOkResponse({ type: [LibraryMaterialDto] })
  @ApiAuthProblems(400, 404)
  listLibrary(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Query() query: LibraryQuery,
  ): Promise<LibraryMaterialDto[]> {
    return this.materials.listLibrary(principal, id, query.materialType);
  }

  @Post()
  @Roles('ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER')
  @Scopes('applications:write')
  @Created(
    LibraryMaterialDto,
    (material) => `/api/v1/enterprises/${material.enterpriseId}/materials/${material.id}/content`,
  )
  @Consumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['materialType', 'file'],
      properties: {
        materialType: { type: 'string', example: 'business_licence' },
        title: { type: 'string', example: '营业执照（副本）' },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiOperation({
    summary: 'Add a document to the library (fields first, then the file)',
    description:
      '`materialType` must be a material that a current catalogue service takes from the library (`fromLibrary`). ' +
      "The file's format is detected from its content, never from its name or declared type, and must be one of the " +
      '`formats` those services allow for the type (415 otherwise); its size must be at most the largest of their `maxBytes` ' +
      "(413 otherwise, and nothing is kept). Attaching it to an application checks that service's own limits again.",
  })
  @ApiAuthProblems(400, 404, 413, 415)
  async addToLibrary(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Req() request: FastifyRequest,
  ): Promise<LibraryMaterialDto> {
    const upload = await readMultipartUpload(request);
    const materialType = upload.fields.materialType ?? '';
    if (!MATERIAL_TYPE.test(materialType))
      throw DomainError.invalidField(
        'materialType',
        'must be a material type code, sent before the file',
      );
    return this.materials.addToLibrary(principal, id, {
      materialType,
      title: (upload.fields.title ?? upload.fileName).slice(0, 200),
      fileName: upload.fileName,
      file: upload.file,
    });
  }

  @Get(':materialId/content')
  @Roles('ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER', 'OFFICER', 'DEPARTMENT_HEAD', 'ADMIN')
  @Scopes('applications:read')
  @ApiOperation({ summary: 'Download a library document' })
  @ApiFileResponse('The file as uploaded.', Object.values(MEDIA_TYPES))
  @ApiAuthProblems(400, 404)
  async libraryContent(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Param('materialId', uuid()) materialId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    sendFile(reply, await this.materials.libraryContent(principal, id, materialId));
  }
}
