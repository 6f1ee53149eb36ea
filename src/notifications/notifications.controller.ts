import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
@Roles(...ROLES)
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary: 'Your notification inbox, newest first',
    description:
      "The signed-in user's notifications (supplement requests, decisions, tasks, deadlines), newest first; `unread=true` keeps the unread ones. Any signed-in user.",
  })
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
  @ApiOperation({
    summary: 'Mark all your notifications read',
    description:
      'Marks every unread notification of the signed-in user read and answers how many were.',
  })
  @ApiOkResponse({ type: MarkedReadDto })
  @ApiAuthProblems()
  markAllNotificationsRead(@CurrentPrincipal() user: UserPrincipal): Promise<MarkedReadDto> {
    return this.notifications.markAllRead(user.id);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mark one notification read',
    description:
      "Marks one of your own notifications read; marking it again changes nothing. Another user's notification is 404.",
  })
  @ApiOkResponse({ type: NotificationDto })
  @ApiAuthProblems(400, 404)
  markNotificationRead(
    @CurrentPrincipal() user: UserPrincipal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<NotificationDto> {
    return this.notifications.markRead(user.id, id);
  }
}
