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
  'schemaForm.required': '请填写此项',
  'schemaForm.minLength': '至少 {limit} 个字符',
  'schemaForm.maxLength': '最多 {limit} 个字符',
  'schemaForm.pattern': '格式不正确',
  'schemaForm.patternExample': '格式不正确，示例：{example}',
  'schemaForm.email': '请输入有效的电子邮箱',
  'schemaForm.date': '请输入有效的日期',
  'schemaForm.minimum': '不能小于 {limit}',
  'schemaForm.maximum': '不能大于 {limit}',
  'schemaForm.exclusiveMinimum': '必须大于 {limit}',
  'schemaForm.exclusiveMaximum': '必须小于 {limit}',
  'schemaForm.integer': '请输入整数',
  'schemaForm.enum': '请从选项中选择',
  'schemaForm.minItems': '至少 {limit} 项',
  'schemaForm.maxItems': '最多 {limit} 项',
  'schemaForm.uniqueItems': '不能有重复项',
  'schemaForm.invalid': '填写不正确',
  'schemaForm.yes': '是',
  'schemaForm.no': '否',
  'schemaForm.select': '请选择',
  'schemaForm.example': '例如：{example}',
  'schemaForm.tags': '输入后按回车添加',
  'schemaForm.datePlaceholder': '选择日期',
  'schemaForm.when': '{conditions}时需要',
  'schemaForm.when.is': '{field}为{answers}',
  'schemaForm.when.includes': '{field}包含{answers}',
  'schemaForm.when.answered': '填写了{field}',
  'schemaForm.when.or': '或',
  'schemaForm.when.and': '且',
  'schemaForm.when.unexplained': '视填报情形而定',
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
