import { PlatformEvent } from '../events/platform-event.entity';

type EnterpriseRole = 'ENTERPRISE_ADMIN' | 'ENTERPRISE_MEMBER';
type StaffRole = 'OFFICER' | 'DEPARTMENT_HEAD';

export interface NotificationContent {
  /** Every active user of the event's enterprise with one of these roles. */
  enterpriseRoles?: EnterpriseRole[];
  /** Every active staff member of this department with one of these roles. */
  department?: { code: string; roles: StaffRole[] };
  /** The park's admins. */
  parkAdmins?: boolean;
  /** Every active user of this service provider or of this trial institution. */
  organisation?: { column: 'provider_id' | 'institution_id'; id: string };
  title: string;
  body: string;
}

const ENTERPRISE: EnterpriseRole[] = ['ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER'];
const DECISIONS: Record<string, { title: string; verb: string }> = {
  'application.approved': { title: '申请已批准 / Application approved', verb: 'was approved' },
  'application.denied': { title: '申请未获批准 / Application denied', verb: 'was denied' },
  'application.rejected': {
    title: '申请不予受理 / Application rejected',
    verb: 'was not accepted',
  },
  'application.completed': { title: '申请已办结 / Application completed', verb: 'is completed' },
};

/** What an event tells people, and whom; null when it tells no one. */
export function notificationContentFor(event: PlatformEvent): NotificationContent | null {
  const data = event.data as Record<string, string | undefined>;
  const service = data.serviceCode ?? 'your application';
  const decision = DECISIONS[event.type];
  if (decision) {
    return {
      enterpriseRoles: ENTERPRISE,
      title: decision.title,
      body: `Your ${service} application ${decision.verb}.`,
    };
  }
  switch (event.type) {
    case 'enterprise.verified':
      return {
        enterpriseRoles: ENTERPRISE,
        title: '企业认证已通过 / Enterprise verified',
        body: `${data.name ?? 'Your enterprise'} has been verified by the park and may now submit applications.`,
      };
    case 'application.supplement_requested':
      return {
        enterpriseRoles: ENTERPRISE,
        title: '请补正材料 / Supplement requested',
        body: `The ${service} application needs supplements; the clocks are stopped until you answer.`,
      };
    case 'task.created':
      return {
        department: {
          code: String(data.departmentCode),
          roles:
            data.role === 'DEPARTMENT_HEAD' ? ['DEPARTMENT_HEAD'] : ['OFFICER', 'DEPARTMENT_HEAD'],
        },
        title: '新的待办任务 / New task in your queue',
        body: `A ${data.stage ?? ''} task is waiting in the ${data.departmentCode} queue.`,
      };
    case 'application.at_risk':
    case 'application.overdue':
      return data.departmentCode
        ? {
            department: { code: data.departmentCode, roles: ['OFFICER', 'DEPARTMENT_HEAD'] },
            title:
              event.type === 'application.overdue'
                ? '办件已超期 / Application overdue'
                : '办件临近期限 / Application at risk',
            body: `An application in your department is ${event.type === 'application.overdue' ? 'past' : 'close to'} its ${data.clock} deadline.`,
          }
        : null;
    case 'task.escalated':
      return {
        department: { code: String(data.departmentCode), roles: ['DEPARTMENT_HEAD'] },
        title: '超期任务已升级 / Overdue task escalated',
        body: 'An application in your department is past its deadline and has been escalated to you.',
      };
    case 'booking.requested':
      return {
        department: {
          code: String(data.operatorDepartmentCode),
          roles: ['OFFICER', 'DEPARTMENT_HEAD'],
        },
        title: '新的预约申请 / New booking request',
        body: `A booking of ${data.resourceCode} from ${data.startsAt} waits for your confirmation.`,
      };
    case 'booking.confirmed':
    case 'booking.declined':
      return {
        enterpriseRoles: ENTERPRISE,
        title:
          event.type === 'booking.confirmed'
            ? '预约已确认 / Booking confirmed'
            : '预约未获确认 / Booking declined',
        body:
          event.type === 'booking.confirmed'
            ? `Your booking of ${data.resourceCode} from ${data.startsAt} is confirmed.`
            : `Your booking of ${data.resourceCode} from ${data.startsAt} was declined: ${data.reason}.`,
      };
    case 'application.handed_to_provider':
      return data.providerId
        ? {
            organisation: { column: 'provider_id', id: data.providerId },
            title: '新的交办事项 / A request handed to you',
            body: `The park handed you a ${service} request; accept or decline it.`,
          }
        : null;
    case 'application.provider_declined':
      return data.departmentCode
        ? {
            department: { code: data.departmentCode, roles: ['OFFICER', 'DEPARTMENT_HEAD'] },
            title: '服务机构拒绝接单 / A provider declined',
            body: `${data.providerName ?? 'The provider'} declined a request of your department: ${data.reason}. Hand it to another.`,
          }
        : null;
    case 'application.provider_closed':
      return {
        enterpriseRoles: ENTERPRISE,
        title: '服务机构已办结 / Your provider closed its work',
        body: `${data.providerName ?? 'The provider'} closed your ${service} request; confirm the result and rate the provider.`,
      };
    case 'application.stage_changed': {
      const offered = (event.data as { to?: string; institution?: { id?: string } }).institution;
      return data.to === 'hospital_review' && offered?.id
        ? {
            organisation: { column: 'institution_id', id: offered.id },
            title: '新的临床试验对接 / A trial offered to your hospital',
            body: 'The park matched a clinical trial to your hospital; accept or decline it.',
          }
        : null;
    }
    case 'webhook.disabled':
      return {
        ...(data.ownerType === 'ENTERPRISE'
          ? { enterpriseRoles: ['ENTERPRISE_ADMIN'] as EnterpriseRole[] }
          : { parkAdmins: true }),
        title: 'Webhook 已停用 / Webhook disabled',
        body: `The webhook to ${data.url} was disabled: ${data.reason}. Fix the receiver, then re-enable it.`,
      };
    default:
      return null;
  }
}
