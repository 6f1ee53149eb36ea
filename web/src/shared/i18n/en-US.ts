import type { Messages } from './zh-CN';

export const enUS: Messages = {
  'app.name': 'Park Enterprise Services',
  'app.language': '中文',
  'app.signOut': 'Sign out',
  'app.loading': 'Loading…',
  'app.retry': 'Retry',
  'app.notFound': 'Page not found',
  'app.forbidden': 'You may not open this page',
  'app.back': 'Back',
  'app.save': 'Save',
  'app.cancel': 'Cancel',
  'app.confirm': 'OK',
  'app.search': 'Search',
  'app.empty': 'Nothing here yet',
  'app.error': 'Something went wrong',
  'app.sessionExpired': 'Your session has ended; please sign in again',
  'app.more': 'Load more',

  'role.ENTERPRISE_ADMIN': 'Enterprise admin',
  'role.ENTERPRISE_MEMBER': 'Enterprise member',
  'role.OFFICER': 'Officer',
  'role.DEPARTMENT_HEAD': 'Department head',
  'role.ADMIN': 'Park admin',

  'nav.catalogue': 'Services',
  'nav.applications': 'My applications',
  'nav.notifications': 'Notifications',
  'nav.members': 'Members',
  'nav.integrations': 'API & webhooks',
  'nav.workbench': 'Workbench',
  'nav.enterprises': 'Enterprise verification',
  'nav.users': 'Users & departments',
  'nav.services': 'Catalogue versions',
  'nav.calendar': 'Working-day calendar',
  'nav.queues': 'Queue dashboard',
  'nav.desk': 'Command desk',
  'nav.verify': 'Verify a certificate',

  'login.title': 'Sign in',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.failed': 'Wrong email or password',
  'login.verifyLink': 'Verify a certificate (no sign-in)',

  // --- catalogue and filing (enterprise) ---

  // --- end of catalogue and filing (enterprise) ---

  // --- applications, notifications, members, integrations ---

  'applications.status.DRAFT': 'Draft',
  'applications.status.IN_PROGRESS': 'In progress',
  'applications.status.SUPPLEMENT_REQUIRED': 'Supplement required',
  'applications.status.APPROVED': 'Approved',
  'applications.status.DENIED': 'Denied',
  'applications.status.REJECTED': 'Not accepted',
  'applications.status.WITHDRAWN': 'Withdrawn',
  'applications.status.COMPLETED': 'Completed',
  'applications.sla.ON_TRACK': 'On track',
  'applications.sla.AT_RISK': 'At risk',
  'applications.sla.OVERDUE': 'Overdue',
  'applications.sla.PAUSED': 'Clocks paused',
  'applications.sla.daysLeft': '{days} working days left',
  'applications.sla.daysOver': '{days} working days over',
  'applications.sla.promisedUntil': 'Promised by {date}',
  'applications.sla.statutoryUntil': 'Statutory limit {date}',
  'applications.answer.yes': 'Yes',
  'applications.answer.no': 'No',
  'applications.materials.none': 'No materials yet',
  'applications.materials.preview': 'Preview',
  'applications.materials.hide': 'Hide',
  'applications.materials.previewOf': 'Preview of {name}',
  'applications.materials.download': 'Download',
  'applications.materials.downloadFailed': 'The download failed; please try again',
  'applications.materials.fromLibrary': 'From the library',
  'applications.actor.user': 'User',
  'applications.actor.api_key': 'API key',
  'applications.actor.system': 'System',
  'applications.clock.promised': 'Promised limit',
  'applications.clock.statutory': 'Statutory limit',
  'applications.clockStop.SUPPLEMENT': 'Supplement',
  'applications.clockStop.EXPERT_REVIEW': 'Expert review',
  'applications.clockStop.TESTING': 'Testing',
  'applications.clockStop.INSPECTION_SCHEDULING': 'Inspection scheduling',
  'applications.clockStop.HEARING': 'Hearing',
  'applications.action.accept': 'Accepted',
  'applications.action.reject': 'Not accepted',
  'applications.action.request_supplement': 'Supplement requested',
  'applications.action.approve': 'Approved',
  'applications.action.deny': 'Denied',
  'applications.action.refer_inspection': 'Referred to inspection',
  'applications.action.record_inspection': 'Inspection recorded',
  'applications.action.decline': 'Declined',
  'applications.action.complete': 'Completed',
  'applications.action.schedule': 'Scheduled',
  'applications.action.record_agreement': 'Agreement recorded',
  'applications.action.confirm': 'Confirmed by the enterprise',
  'applications.action.incomplete': 'Materials incomplete',
  'applications.action.screened': 'Risk screened',
  'applications.action.fast_track': 'Fast track',
  'applications.action.matched': 'Matched',
  'applications.action.unmatched': 'Not matched',
  'applications.action.routed': 'Routed',
  'applications.action.issued': 'Certificate issued',
  'applications.event.application.submitted': 'Submitted',
  'applications.event.application.stage_changed': 'Moved to the next stage',
  'applications.event.application.supplement_requested': 'Supplement requested',
  'applications.event.application.supplemented': 'Supplement given',
  'applications.event.application.clock_stopped': 'Clocks paused',
  'applications.event.application.clock_resumed': 'Clocks resumed',
  'applications.event.application.extended': 'Statutory limit extended',
  'applications.event.application.approved': 'Approved',
  'applications.event.application.denied': 'Denied',
  'applications.event.application.rejected': 'Not accepted',
  'applications.event.application.withdrawn': 'Withdrawn by the enterprise',
  'applications.event.application.completed': 'Completed',
  'applications.event.application.at_risk': 'Close to its deadline',
  'applications.event.application.overdue': 'Past its deadline',
  'applications.event.certificate.issued': 'Certificate issued',
  'applications.event.certificate.expiring': 'Certificate expiring',
  'applications.event.certificate.revoked': 'Certificate revoked',
  'applications.event.rating.created': 'Rated by the enterprise',
  'applications.event.task.created': 'Task opened',
  'applications.event.task.claimed': 'Claimed by an officer',
  'applications.event.task.released': 'Task returned to the queue',
  'applications.event.task.completed': 'Handled by an officer',
  'applications.event.task.reassigned': 'Task reassigned',
  'applications.event.task.escalated': 'Escalated to the head as overdue',
  'applications.event.material.attached': 'Material uploaded',
  // --- end of applications, notifications, members, integrations ---

  // --- workbench and tasks (officer, head) ---

  // --- end of workbench and tasks (officer, head) ---

  // --- park administration ---

  // --- end of park administration ---

  // --- command desk ---

  // --- end of command desk ---

  // --- public certificate verification ---

  // --- end of public certificate verification ---
};
