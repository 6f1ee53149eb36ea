import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageOf, PageQuery } from '../../common/pagination/page';
import { Notification } from '../notification.entity';

export class NotificationListQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Only unread (true) or only read (false).',
    example: 'true',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid', example: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a' })
  id: string;

  @ApiProperty({ description: 'The event type that caused it.', example: 'enterprise.verified' })
  type: string;

  @ApiProperty({ example: '企业认证已通过 / Enterprise verified' })
  title: string;

  @ApiProperty({
    example:
      '杭州源启生物医药有限公司 has been verified by the park and may now submit applications.',
  })
  body: string;

  @ApiProperty({ format: 'uuid', example: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d' })
  eventId: string;

  @ApiProperty({
    example: { subjectType: 'enterprise', subjectId: '5b3e0c1a-8d2f-4e6b-9a71-2c4d5e6f7a8b' },
    type: 'object',
    additionalProperties: true,
  })
  data: Record<string, unknown>;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: null })
  readAt: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-23T02:30:00.000Z' })
  createdAt: string;

  static from(notification: Notification): NotificationDto {
    return {
      id: notification.id,
      type: notification.type,
      title: notification.title,
      body: notification.body,
      eventId: notification.eventId,
      data: notification.data,
      readAt: notification.readAt?.toISOString() ?? null,
      createdAt: notification.createdAt.toISOString(),
    };
  }
}

export class NotificationPageDto extends PageOf(NotificationDto) {}

export class MarkedReadDto {
  @ApiProperty({ example: 4 })
  updated: number;
}
