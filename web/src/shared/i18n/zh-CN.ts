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
  'desk.figure.submitted': '申报量',
  'desk.figure.decided': '办结量',
  'desk.figure.onTimeRate': '按时办结率',
  'desk.figure.workingDays': '办理时长中位数（工作日）',
  'desk.figure.p90': '90% 在 {days} 个工作日内',
  'desk.figure.overdueNow': '当前超期',
  'desk.figure.rating': '好差评平均分',
  'desk.figure.inPeriod': '所选期间',
  'desk.figure.onTimeNote': '在承诺时限内作出决定',
  'desk.figure.rightNow': '此刻，不限期间',
  'desk.figure.ratingNote': '1–5 分，所选期间',
  'desk.byStatus': '办件当前状态',
  'desk.overdueByDepartment': '各部门当前超期办件',
  'desk.timeseries': '趋势',
  'desk.metric': '指标',
  'desk.metric.submitted': '申报',
  'desk.metric.completed': '办结',
  'desk.metric.overdue': '新增超期',
  'desk.interval': '周期',
  'desk.interval.day': '日',
  'desk.interval.week': '周',
  'desk.interval.month': '月',
  'desk.byDepartment': '按部门',
  'desk.byService': '按事项',
  'desk.column.department': '部门',
  'desk.column.service': '事项',
  'desk.column.median': '时长中位数',
  'desk.column.p90': '90 分位时长',
  'desk.filter.department': '部门',
  'desk.filter.allDepartments': '全部部门',
  'desk.filter.service': '事项',
  'desk.filter.allServices': '全部事项',
  'desk.filter.period': '期间',
  'desk.filter.from': '起始日',
  'desk.filter.to': '截止日',
  'desk.filter.reset': '重置',
  'desk.preset.all': '全部',
  'desk.preset.month': '本月',
  'desk.preset.threeMonths': '近 3 个月',
  'desk.preset.year': '今年',
  'desk.preset.twelveMonths': '近 12 个月',
  'desk.preset.custom': '自定义',
  'desk.status.DRAFT': '草稿',
  'desk.status.IN_PROGRESS': '办理中',
  'desk.status.SUPPLEMENT_REQUIRED': '待补正',
  'desk.status.APPROVED': '已核准',
  'desk.status.DENIED': '不予许可',
  'desk.status.REJECTED': '已驳回',
  'desk.status.WITHDRAWN': '已撤回',
  'desk.status.COMPLETED': '已办结',
  // --- end of command desk ---

  // --- public certificate verification ---
  'verify.intro': '输入证照编号和核验码，查看证照状态；签名在您的浏览器中核验。',
  'verify.signIn': '登录平台',
  'verify.number': '证照编号',
  'verify.numberRequired': '请输入证照编号',
  'verify.code': '核验码',
  'verify.codeHelp': '印在证照上；大小写、空格和连字符均可忽略。',
  'verify.codeRequired': '请输入核验码',
  'verify.submit': '核验',
  'verify.notFound': '未找到该证照',
  'verify.notFoundHelp': '编号或核验码不正确，请对照证照原件检查后重试。',
  'verify.tooMany': '核验尝试过于频繁，请一分钟后再试',
  'verify.status': '状态',
  'verify.status.VALID': '有效',
  'verify.status.EXPIRED': '已过期',
  'verify.status.REVOKED': '已撤销',
  'verify.status.INVALID': '内容与签名不符',
  'verify.statusHelp.VALID': '该证照真实有效，未被撤销，且在有效期内。',
  'verify.statusHelp.EXPIRED': '该证照真实，但已超过有效期。',
  'verify.statusHelp.REVOKED': '该证照已被发证部门撤销，不再有效。',
  'verify.statusHelp.INVALID': '平台存储的证照内容与其签名不符，请勿采信，并联系园区服务中心。',
  'verify.type': '证照类型',
  'verify.holder': '持证企业',
  'verify.creditCode': '统一社会信用代码',
  'verify.issuer': '发证部门',
  'verify.issuedAt': '签发时间',
  'verify.validity': '有效期',
  'verify.validFromUntil': '{from} 至 {until}',
  'verify.validFromOpenEnded': '自 {from} 起长期有效',
  'verify.revokedAt': '撤销时间',
  'verify.check.running': '正在您的浏览器中核验签名…',
  'verify.check.noKeys': '无法获取平台公钥，签名未能在浏览器中核验',
  'verify.check.checked': '签名已在您的浏览器中核验 ✓',
  'verify.check.checkedHelp': '以上信息经平台公布的 Ed25519 公钥（密钥 {keyId}）验证，未被篡改。',
  'verify.check.mismatch': '签名核验失败',
  'verify.check.mismatchHelp': '签名与证照内容不符，内容或签名可能已被篡改，请勿采信。',
  'verify.check.altered': '显示的信息与签名内容不一致',
  'verify.check.alteredHelp': '签名有效，但页面显示的“{field}”与签名覆盖的内容不同，请勿采信。',
  'verify.check.unknownKey': '未找到签名所用的公钥',
  'verify.check.unknownKeyHelp': '平台未公布密钥 {keyId}，签名无法核验。',
  'verify.check.notPublished': '该证照签发较早，其签名覆盖的内容不予公开，无法在浏览器中核验；平台已核验其签名。',
  'verify.check.unsupported': '您的浏览器不支持 Ed25519 签名核验，请使用新版 Chrome、Edge、Firefox 或 Safari。',
  'verify.codeInvalid': '核验码格式不正确：应为证照上印制的 32 位（或早期证照的 12 位）字符',
  // --- end of public certificate verification ---
} as const;

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;
