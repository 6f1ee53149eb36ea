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
  'schemaForm.required': 'Please fill this in',
  'schemaForm.minLength': 'At least {limit} characters',
  'schemaForm.maxLength': 'At most {limit} characters',
  'schemaForm.pattern': 'Not in the expected format',
  'schemaForm.patternExample': 'Not in the expected format, e.g. {example}',
  'schemaForm.email': 'Enter a valid email address',
  'schemaForm.date': 'Enter a valid date',
  'schemaForm.minimum': 'Must be at least {limit}',
  'schemaForm.maximum': 'Must be at most {limit}',
  'schemaForm.exclusiveMinimum': 'Must be more than {limit}',
  'schemaForm.exclusiveMaximum': 'Must be less than {limit}',
  'schemaForm.integer': 'Enter a whole number',
  'schemaForm.enum': 'Choose one of the options',
  'schemaForm.minItems': 'At least {limit} items',
  'schemaForm.maxItems': 'At most {limit} items',
  'schemaForm.uniqueItems': 'Items must not repeat',
  'schemaForm.invalid': 'Not a valid answer',
  'schemaForm.yes': 'Yes',
  'schemaForm.no': 'No',
  'schemaForm.select': 'Choose',
  'schemaForm.example': 'e.g. {example}',
  'schemaForm.tags': 'Type and press Enter to add',
  'schemaForm.datePlaceholder': 'Pick a date',
  'schemaForm.when': 'Needed when {conditions}',
  'schemaForm.when.is': '{field} is {answers}',
  'schemaForm.when.includes': '{field} includes {answers}',
  'schemaForm.when.answered': '{field} is answered',
  'schemaForm.when.or': ' or ',
  'schemaForm.when.and': ' and ',
  'schemaForm.when.unexplained': 'Depends on your answers',
  // --- end of catalogue and filing (enterprise) ---

  // --- applications, notifications, members, integrations ---

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
