/**
 * The console's Chinese messages, the source catalogue: every key of the console is here, and
 * en-US must have the same keys (checked by the type and by a test). `{name}` is a variable.
 */
export const zhCN = {
  'app.name': '园区企业服务平台',
  'app.language': 'English',
  'app.signOut': '退出登录',
  'app.loading': '加载中…',
  'app.retry': '重试',
  'app.notFound': '页面不存在',
  'app.forbidden': '您没有访问此页面的权限',
  'app.back': '返回',
  'app.save': '保存',
  'app.cancel': '取消',
  'app.confirm': '确定',
  'app.search': '搜索',
  'app.empty': '暂无数据',
  'app.error': '出错了',
  'app.sessionExpired': '登录已过期，请重新登录',
  'app.more': '加载更多',

  'role.ENTERPRISE_ADMIN': '企业管理员',
  'role.ENTERPRISE_MEMBER': '企业成员',
  'role.OFFICER': '窗口人员',
  'role.DEPARTMENT_HEAD': '部门负责人',
  'role.ADMIN': '园区管理员',

  'nav.catalogue': '服务目录',
  'nav.applications': '我的办件',
  'nav.notifications': '消息',
  'nav.members': '企业成员',
  'nav.integrations': 'API 与 Webhook',
  'nav.workbench': '工作台',
  'nav.enterprises': '企业认证',
  'nav.users': '用户与部门',
  'nav.services': '目录版本',
  'nav.calendar': '工作日历',
  'nav.queues': '队列监控',
  'nav.desk': '指挥中心',
  'nav.verify': '证照核验',

  'login.title': '登录',
  'login.email': '邮箱',
  'login.password': '密码',
  'login.submit': '登录',
  'login.failed': '邮箱或密码不正确',
  'login.verifyLink': '核验证照（无需登录）',

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

  // --- end of public certificate verification ---
} as const;

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;
