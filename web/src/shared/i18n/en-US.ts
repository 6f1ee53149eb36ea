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

  // --- end of applications, notifications, members, integrations ---

  // --- workbench and tasks (officer, head) ---

  // --- end of workbench and tasks (officer, head) ---

  // --- park administration ---

  // --- end of park administration ---

  // --- command desk ---

  // --- end of command desk ---

  // --- public certificate verification ---
  'verify.intro': "Enter a certificate's number and verification code to see its status; the signature is checked in your browser.",
  'verify.signIn': 'Sign in',
  'verify.number': 'Certificate number',
  'verify.numberRequired': 'Enter the certificate number',
  'verify.code': 'Verification code',
  'verify.codeHelp': 'Printed on the certificate; case, spaces and hyphens do not matter.',
  'verify.codeRequired': 'Enter the verification code',
  'verify.submit': 'Verify',
  'verify.notFound': 'No such certificate',
  'verify.notFoundHelp': 'The number or the code is wrong; check them against the certificate and try again.',
  'verify.tooMany': 'Too many attempts; please try again in a minute',
  'verify.status': 'Status',
  'verify.status.VALID': 'Valid',
  'verify.status.EXPIRED': 'Expired',
  'verify.status.REVOKED': 'Revoked',
  'verify.status.INVALID': 'Does not match its signature',
  'verify.statusHelp.VALID': 'This certificate is authentic, not revoked and within its validity.',
  'verify.statusHelp.EXPIRED': 'This certificate is authentic but past its validity.',
  'verify.statusHelp.REVOKED': 'The issuing department has revoked this certificate; it is no longer valid.',
  'verify.statusHelp.INVALID': 'The stored content of this certificate does not match its signature: do not rely on it, and contact the park service centre.',
  'verify.type': 'Type',
  'verify.holder': 'Holder',
  'verify.creditCode': 'Unified social credit code',
  'verify.issuer': 'Issued by',
  'verify.issuedAt': 'Issued at',
  'verify.validity': 'Validity',
  'verify.validFromUntil': '{from} to {until}',
  'verify.validFromOpenEnded': 'From {from}, does not expire',
  'verify.revokedAt': 'Revoked at',
  'verify.check.running': 'Checking the signature in your browser…',
  'verify.check.noKeys': "The platform's public key could not be loaded; the signature was not checked in your browser",
  'verify.check.checked': 'Signature checked in your browser ✓',
  'verify.check.checkedHelp': "The details above verify under the platform's published Ed25519 public key (key {keyId}): they are unaltered.",
  'verify.check.mismatch': 'Signature check failed',
  'verify.check.mismatchHelp': "The signature does not match the certificate's content; the content or the signature may have been altered. Do not rely on it.",
  'verify.check.altered': 'The details shown differ from the signed ones',
  'verify.check.alteredHelp': 'The signature is valid, but "{field}" as shown differs from what it covers. Do not rely on it.',
  'verify.check.unknownKey': 'The signing key is not published',
  'verify.check.unknownKeyHelp': 'The platform publishes no key {keyId}, so the signature cannot be checked.',
  'verify.check.notPublished': 'This certificate was issued earlier over content that is not published, so your browser cannot check it; the platform has checked its signature.',
  'verify.check.unsupported': 'Your browser cannot check Ed25519 signatures; use a recent Chrome, Edge, Firefox or Safari.',
  'verify.codeInvalid': 'This is not a verification code: it has 32 characters (12 on earlier certificates), as printed on the certificate',
  // --- end of public certificate verification ---
};
