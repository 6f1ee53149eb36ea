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

  'applications.status.DRAFT': '草稿',
  'applications.status.IN_PROGRESS': '办理中',
  'applications.status.SUPPLEMENT_REQUIRED': '待补正',
  'applications.status.APPROVED': '已批准',
  'applications.status.DENIED': '不予批准',
  'applications.status.REJECTED': '不予受理',
  'applications.status.WITHDRAWN': '已撤回',
  'applications.status.COMPLETED': '已办结',
  'applications.sla.ON_TRACK': '正常',
  'applications.sla.AT_RISK': '临近期限',
  'applications.sla.OVERDUE': '已超期',
  'applications.sla.PAUSED': '计时暂停',
  'applications.sla.daysLeft': '剩 {days} 个工作日',
  'applications.sla.daysOver': '超 {days} 个工作日',
  'applications.sla.promisedUntil': '承诺时限：{date}',
  'applications.sla.statutoryUntil': '法定时限：{date}',
  'applications.answer.yes': '是',
  'applications.answer.no': '否',
  'applications.materials.none': '尚无材料',
  'applications.materials.preview': '预览',
  'applications.materials.hide': '收起',
  'applications.materials.previewOf': '{name} 预览',
  'applications.materials.download': '下载',
  'applications.materials.downloadFailed': '下载失败，请重试',
  'applications.materials.fromLibrary': '来自材料库',
  'applications.actor.user': '用户',
  'applications.actor.api_key': 'API 密钥',
  'applications.actor.system': '系统',
  'applications.clock.promised': '承诺时限',
  'applications.clock.statutory': '法定时限',
  'applications.clockStop.SUPPLEMENT': '补正',
  'applications.clockStop.EXPERT_REVIEW': '专家评审',
  'applications.clockStop.TESTING': '检验检测',
  'applications.clockStop.INSPECTION_SCHEDULING': '现场核查安排',
  'applications.clockStop.HEARING': '听证',
  'applications.action.accept': '受理',
  'applications.action.reject': '不予受理',
  'applications.action.request_supplement': '要求补正',
  'applications.action.approve': '批准',
  'applications.action.deny': '不予批准',
  'applications.action.refer_inspection': '转现场核查',
  'applications.action.record_inspection': '记录核查结果',
  'applications.action.decline': '婉拒',
  'applications.action.complete': '完成',
  'applications.action.schedule': '安排',
  'applications.action.record_agreement': '记录协议',
  'applications.action.confirm': '企业确认',
  'applications.action.incomplete': '材料不全',
  'applications.action.screened': '风险筛查完成',
  'applications.action.fast_track': '快速通道',
  'applications.action.matched': '匹配成功',
  'applications.action.unmatched': '未匹配',
  'applications.action.routed': '已分派',
  'applications.action.issued': '已发证',
  'applications.event.application.submitted': '提交申请',
  'applications.event.application.stage_changed': '进入下一环节',
  'applications.event.application.supplement_requested': '要求补正材料',
  'applications.event.application.supplemented': '已提交补正',
  'applications.event.application.clock_stopped': '计时暂停',
  'applications.event.application.clock_resumed': '计时恢复',
  'applications.event.application.extended': '法定时限延长',
  'applications.event.application.approved': '批准',
  'applications.event.application.denied': '不予批准',
  'applications.event.application.rejected': '不予受理',
  'applications.event.application.withdrawn': '企业撤回',
  'applications.event.application.completed': '办结',
  'applications.event.application.at_risk': '临近期限',
  'applications.event.application.overdue': '已超期',
  'applications.event.certificate.issued': '证照已签发',
  'applications.event.certificate.expiring': '证照即将到期',
  'applications.event.certificate.revoked': '证照已撤销',
  'applications.event.rating.created': '企业评价',
  'applications.event.task.created': '生成待办任务',
  'applications.event.task.claimed': '经办人认领',
  'applications.event.task.released': '任务退回队列',
  'applications.event.task.completed': '经办人办理',
  'applications.event.task.reassigned': '任务改派',
  'applications.event.task.escalated': '超期升级至负责人',
  'applications.event.material.attached': '上传材料',
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
