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
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
@Roles('ENTERPRISE_ADMIN', 'ADMIN')
@Scopes('webhooks:manage')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiOperation({
    summary: 'Your webhook subscriptions',
    description:
      'The webhook subscriptions the caller owns (an admin: all), with their URL, events, active flag and recent failures; secrets are never shown again.',
  })
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
  @ApiOperation({
    summary: 'A webhook subscription',
    description:
      "One subscription the caller owns, with its URL, events, active flag and why it was disabled, if it was. Another owner's subscription is 404.",
  })
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
    description:
      'Changes the URL, the events or the active flag. Setting `active: true` re-enables a subscription that was disabled after repeated failed deliveries. A stale `expectedVersion` is 409.',
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
  @ApiOperation({
    summary: 'Replace the signing secret; the new one is shown once',
    description:
      'Replaces the signing secret at once and answers the new one, which is shown only this time; deliveries from now on are signed with it, so update your receiver first.',
  })
  @ApiOkResponse({ type: WebhookWithSecretDto })
  @ApiAuthProblems(400, 404)
  rotateWebhookSecret(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
  ): Promise<WebhookWithSecretDto> {
    return this.webhooks.rotateSecret(principal, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a subscription and its delivery log',
    description:
      'Deletes the subscription and its delivery log; its events are no longer delivered.',
  })
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
    description:
      'The deliveries of one subscription, newest first, each with its event, status and every attempt (HTTP status, latency, an excerpt of your response). For debugging your receiver.',
  })
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  @ApiAuthProblems(400, 404)
  listWebhookDeliveries(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Query() page: PageQuery,
  ): Promise<Page<WebhookDeliveryDto>> {
    return this.webhooks.listDeliveries(principal, id, page);
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a `webhook.ping` delivery now',
    description:
      'Sends a `webhook.ping` event to the subscription now, signed and logged like a real delivery, and answers the delivery with its first attempt.',
  })
  @ApiOkResponse({ type: WebhookDeliveryDto })
  @ApiAuthProblems(400, 404)
  sendTestWebhook(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
  ): Promise<WebhookDeliveryDto> {
    return this.webhooks.sendTest(principal, id);
  }
}
