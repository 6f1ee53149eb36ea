import { PlatformEvent } from '../events/platform-event.entity';

export interface NotificationContent {
  /** Who receives it: every active user of the enterprise with one of these roles. */
  enterpriseRoles?: ('ENTERPRISE_ADMIN' | 'ENTERPRISE_MEMBER')[];
  /** Or the heads of this department (escalations). */
  departmentHeadsOf?: string;
  title: string;
  body: string;
}

/** What an event tells people, or null when it tells no one. */
export function notificationContentFor(event: PlatformEvent): NotificationContent | null {
  const name = typeof event.data.name === 'string' ? event.data.name : 'Your enterprise';
  switch (event.type) {
    case 'enterprise.verified':
      return {
        enterpriseRoles: ['ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER'],
        title: '企业认证已通过 / Enterprise verified',
        body: `${name} has been verified by the park and may now submit applications.`,
      };
    case 'task.escalated':
      return {
        departmentHeadsOf: String(event.data.departmentCode),
        title: '超期任务已升级 / Overdue task escalated',
        body: 'An application in your department is past its deadline and has been escalated to you.',
      };
    default:
      return null;
  }
}
