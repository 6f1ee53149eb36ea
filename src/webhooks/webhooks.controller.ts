import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles, Scopes } from '../common/auth/auth.decorators';
import { Principal } from '../common/auth/principal';
import { Created } from '../common/http/created.decorator';
import { ApiAuthProblems } from '../common/openapi/api-problems.decorator';
import { Page, PageQuery } from '../common/pagination/page';
import {
  NewWebhookInput,
  WebhookChangeInput,
  WebhookDeliveryDto,
  WebhookDeliveryPageDto,
  WebhookDto,
  WebhookPageDto,
  WebhookWithSecretDto,
} from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

const uuid = () => new ParseUUIDPipe();

@ApiTags('webhooks')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Roles('ENTERPRISE_ADMIN', 'ADMIN')
@Scopes('webhooks:manage')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiOperation({ summary: 'Your webhook subscriptions' })
  @ApiOkResponse({ type: WebhookPageDto })
  @ApiAuthProblems(400)
  listWebhooks(
    @CurrentPrincipal() principal: Principal,
    @Query() page: PageQuery,
  ): Promise<Page<WebhookDto>> {
    return this.webhooks.listWebhooks(principal, page);
  }

  @Post()
  @Created(WebhookWithSecretDto, (webhook) => `/api/v1/webhooks/${webhook.id}`)
  @ApiOperation({
    summary: 'Subscribe a URL to events',
    description:
      "Enterprises receive their own applications' events, integrators those of their bound enterprises, admins the whole park. " +
      'Each delivery is a POST of `{ id, type, occurredAt, data }` with `X-Parkline-Event-Id`, `X-Parkline-Timestamp` and ' +
      '`X-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`. URLs resolving to loopback, private, ' +
      'link-local or metadata addresses are refused.',
  })
  @ApiAuthProblems(400)
  createWebhook(
    @CurrentPrincipal() principal: Principal,
    @Body() body: NewWebhookInput,
  ): Promise<WebhookWithSecretDto> {
    return this.webhooks.createWebhook(principal, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A webhook subscription' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiAuthProblems(400, 404)
  getWebhook(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
  ): Promise<WebhookDto> {
    return this.webhooks.getWebhook(principal, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change the URL or events, or re-enable a subscription disabled after failures',
  })
  @ApiOkResponse({ type: WebhookDto })
  @ApiAuthProblems(400, 404, 409)
  updateWebhook(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: WebhookChangeInput,
  ): Promise<WebhookDto> {
    return this.webhooks.updateWebhook(principal, id, body);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace the signing secret; the new one is shown once' })
  @ApiOkResponse({ type: WebhookWithSecretDto })
  @ApiAuthProblems(400, 404)
  rotateSecret(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
  ): Promise<WebhookWithSecretDto> {
    return this.webhooks.rotateSecret(principal, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a subscription and its delivery log' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiAuthProblems(400, 404)
  deleteWebhook(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
  ): Promise<void> {
    return this.webhooks.deleteWebhook(principal, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({
    summary: 'Deliveries, newest first, with every attempt (status, latency, response excerpt)',
  })
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  @ApiAuthProblems(400, 404)
  listDeliveries(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Query() page: PageQuery,
  ): Promise<Page<WebhookDeliveryDto>> {
    return this.webhooks.listDeliveries(principal, id, page);
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a `webhook.ping` delivery now' })
  @ApiOkResponse({ type: WebhookDeliveryDto })
  @ApiAuthProblems(400, 404)
  sendTest(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
  ): Promise<WebhookDeliveryDto> {
    return this.webhooks.sendTest(principal, id);
  }
}
