// What each audit action means, as an auditor reads it. An action not listed shows its code.
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'person.reveal': '查看完整身份证号',
  'opening.reveal': '查看完整卡号',
  'person.timeline': '查看人员开户轨迹',
  'person.lookup': '按身份证号查询人员',
  'opening.read': '查看开户详情',
  'opening.list': '查看开户列表',
  'opening.bank.create': '登记银行开户',
  'opening.sim.create': '登记电话卡入网',
  'opening.outcome': '登记办理结果',
  'opening.cancel': '登记销户',
  'alert.read': '查看告警',
  'alert.list': '查看告警列表',
  'alert.change': '处置告警',
  'alerts.policy': '修改处置时限',
  'rules.change': '修改研判规则',
  'rules.backtest': '规则回测',
  'watchlist.add': '登记名单',
  'watchlist.remove': '移除名单',
  'watchlist.import': '批量导入名单',
  'watchlist.list': '查看名单',
  'staff.create': '新建账号',
  'staff.update': '修改账号',
  'staff.password_reset': '重置密码',
  'staff.list': '查看账号列表',
  'stats.read': '查看统计',
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.wechat_bound': '绑定微信',
  'access.denied': '越权访问被拒绝',
  'ocr.id_card': '识别身份证照片',
  'audit.read': '查询审计日志',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** What the subject id of an entry names. */
const SUBJECT_LABELS: Record<string, string> = {
  person: '人员', opening: '开户记录', alert: '告警', staff: '账号', username: '用户名（摘要）', watchlist: '名单', rule: '规则',
};

export function auditSubjectLabel(subjectType: string | null): string {
  return subjectType ? (SUBJECT_LABELS[subjectType] ?? subjectType) : '对象';
}
