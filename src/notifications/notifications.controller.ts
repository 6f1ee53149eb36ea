import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { UserPrincipal } from '../common/auth/principal';
import { ROLES } from '../common/auth/roles';
import { ApiAuthProblems } from '../common/openapi/api-problems.decorator';
import { Page } from '../common/pagination/page';
import {
  MarkedReadDto,
  NotificationDto,
  NotificationListQuery,
  NotificationPageDto,
} from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Roles(...ROLES)
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Your notification inbox, newest first' })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiAuthProblems(400)
  listNotifications(
    @CurrentPrincipal() user: UserPrincipal,
    @Query() query: NotificationListQuery,
  ): Promise<Page<NotificationDto>> {
    return this.notifications.listNotifications(user.id, query);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all your notifications read' })
  @ApiOkResponse({ type: MarkedReadDto })
  @ApiAuthProblems()
  markAllRead(@CurrentPrincipal() user: UserPrincipal): Promise<MarkedReadDto> {
    return this.notifications.markAllRead(user.id);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one notification read' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiAuthProblems(400, 404)
  markRead(
    @CurrentPrincipal() user: UserPrincipal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<NotificationDto> {
    return this.notifications.markRead(user.id, id);
  }
}
