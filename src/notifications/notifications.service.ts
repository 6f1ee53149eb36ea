import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { mapPage, Page, paginateNewestFirst } from '../common/pagination/page';
import { DomainError } from '../common/problem/domain-error';
import { PlatformEvent } from '../events/platform-event.entity';
import { NotificationDto, NotificationListQuery } from './dto/notification.dto';
import { Notification } from './notification.entity';
import { notificationContentFor } from './notification-content';

@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Idempotent: one notification per user and event, however often the event is delivered. */
  async notifyAbout(event: PlatformEvent): Promise<number> {
    const content = notificationContentFor(event);
    if (!content) return 0;
    const recipients = content.parkAdmins
      ? { sql: `u.role = ANY($7) AND $6::text IS NULL`, scope: null, roles: ['ADMIN'] }
      : content.organisation
        ? {
            sql: `u.${content.organisation.column} = $6 AND u.role = ANY($7)`,
            scope: content.organisation.id,
            roles:
              content.organisation.column === 'provider_id'
                ? ['PROVIDER_USER']
                : ['INSTITUTION_USER'],
          }
        : content.department
          ? {
              sql: `u.department_code = $6 AND u.role = ANY($7)`,
              scope: content.department.code,
              roles: content.department.roles,
            }
          : event.enterpriseId && content.enterpriseRoles
            ? {
                sql: `u.enterprise_id = $6 AND u.role = ANY($7)`,
                scope: event.enterpriseId,
                roles: content.enterpriseRoles,
              }
            : null;
    if (!recipients) return 0;
    const inserted: { id: string }[] = await this.dataSource.query(
      `INSERT INTO notifications (user_id, event_id, type, title, body, data)
       SELECT u.id, $1, $2, $3, $4, $5 FROM users u
       WHERE u.active AND ${recipients.sql}
       ON CONFLICT (user_id, event_id) DO NOTHING RETURNING id`,
      [
        event.id,
        event.type,
        content.title,
        content.body,
        { subjectType: event.subjectType, subjectId: event.subjectId },
        recipients.scope,
        recipients.roles,
      ],
    );
    return inserted.length;
  }

  async listNotifications(
    userId: string,
    query: NotificationListQuery,
  ): Promise<Page<NotificationDto>> {
    const notifications = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('notification')
      .where('notification.user_id = :userId', { userId });
    if (query.unread === 'true') notifications.andWhere('notification.read_at IS NULL');
    if (query.unread === 'false') notifications.andWhere('notification.read_at IS NOT NULL');
    return mapPage(await paginateNewestFirst(notifications, query), NotificationDto.from);
  }

  async markRead(userId: string, id: string): Promise<NotificationDto> {
    const repository = this.dataSource.getRepository(Notification);
    await repository
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'COALESCE(read_at, now())' })
      .where('id = :id AND user_id = :userId', { id, userId })
      .execute();
    const notification = await repository.findOneBy({ id, userId });
    if (!notification) throw DomainError.notFound('Notification');
    return NotificationDto.from(notification);
  }

  async markAllRead(userId: string): Promise<{ updated: number }> {
    const result = await this.dataSource
      .getRepository(Notification)
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'now()' })
      .where('user_id = :userId AND read_at IS NULL', { userId })
      .execute();
    return { updated: result.affected ?? 0 };
  }
}
