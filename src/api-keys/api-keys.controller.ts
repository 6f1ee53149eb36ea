import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { UserPrincipal } from '../common/auth/principal';
import { Created } from '../common/http/created.decorator';
import { ApiAuthProblems } from '../common/openapi/api-problems.decorator';
import { Page, PageQuery } from '../common/pagination/page';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyDto, ApiKeyPageDto, CreatedApiKeyDto, NewApiKeyDto } from './dto/api-key.dto';

@ApiTags('administration')
@Roles('ADMIN', 'ENTERPRISE_ADMIN')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get()
  @ApiOperation({
    summary: 'List integrator API keys (never the keys themselves)',
    description:
      'Admins see every key; an enterprise admin the keys bound to its enterprise alone.',
  })
  @ApiOkResponse({ type: ApiKeyPageDto })
  @ApiAuthProblems(400)
  listApiKeys(
    @CurrentPrincipal() user: UserPrincipal,
    @Query() page: PageQuery,
  ): Promise<Page<ApiKeyDto>> {
    return this.apiKeys.listApiKeys(user, page);
  }

  @Post()
  @Created(CreatedApiKeyDto, (key) => `/api/v1/api-keys/${key.id}`)
  @ApiOperation({
    summary: 'Create an integrator API key, scoped and bound to enterprises; the key is shown once',
    description:
      'An enterprise admin binds a key to its own enterprise only (`enterpriseIds` is exactly its id), for the systems that act for it.',
  })
  @ApiAuthProblems(400)
  createApiKey(
    @CurrentPrincipal() user: UserPrincipal,
    @Body() body: NewApiKeyDto,
  ): Promise<CreatedApiKeyDto> {
    return this.apiKeys.createApiKey(user, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke an API key; it stops working at once',
    description: 'An enterprise admin revokes the keys bound to its enterprise alone.',
  })
  @ApiNoContentResponse({ description: 'Revoked (also when it already was).' })
  @ApiAuthProblems(404)
  revokeApiKey(
    @CurrentPrincipal() user: UserPrincipal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    return this.apiKeys.revokeApiKey(user, id);
  }
}
