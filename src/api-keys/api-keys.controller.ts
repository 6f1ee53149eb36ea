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
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { actorOf, UserPrincipal } from '../common/auth/principal';
import { Created } from '../common/http/created.decorator';
import { ApiAuthProblems } from '../common/openapi/api-problems.decorator';
import { Page, PageQuery } from '../common/pagination/page';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyDto, ApiKeyPageDto, CreatedApiKeyDto, NewApiKeyDto } from './dto/api-key.dto';

@ApiTags('staff')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get()
  @ApiOperation({ summary: 'List integrator API keys (never the keys themselves)' })
  @ApiOkResponse({ type: ApiKeyPageDto })
  @ApiAuthProblems(400)
  listApiKeys(@Query() page: PageQuery): Promise<Page<ApiKeyDto>> {
    return this.apiKeys.listApiKeys(page);
  }

  @Post()
  @Created(CreatedApiKeyDto, (key) => `/api/v1/api-keys/${key.id}`)
  @ApiOperation({
    summary: 'Create an integrator API key, scoped and bound to enterprises; the key is shown once',
  })
  @ApiAuthProblems(400)
  createApiKey(
    @CurrentPrincipal() admin: UserPrincipal,
    @Body() body: NewApiKeyDto,
  ): Promise<CreatedApiKeyDto> {
    return this.apiKeys.createApiKey(actorOf(admin), body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key; it stops working at once' })
  @ApiNoContentResponse({ description: 'Revoked (also when it already was).' })
  @ApiAuthProblems(404)
  revokeApiKey(
    @CurrentPrincipal() admin: UserPrincipal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    return this.apiKeys.revokeApiKey(actorOf(admin), id);
  }
}
