// Chinese labels for the audit trail: object types, and the keys of the summaries the services
// write (JSON with English keys), so a clerk never reads raw field names.
import { OP_NAMES, contract } from '../../../shared/contract/index.js';
import {
  CASE_STATUS_LABELS,
  CASE_TYPE_LABELS,
  OFFICER_STATUS_LABELS,
  PARTY_KIND_LABELS,
  PROCEDURE_LABELS,
  STAGE_LABELS,
} from '../../../shared/domain.js';
import { FIELD_NAMES } from '../../../shared/contract/field-names.js';
import { ROLE_LABELS } from '../../../shared/roles.js';
import { EXTRA_OP_TITLES } from '../../lib/access.js';

export const OBJECT_TYPE_LABELS: Record<string, string> = {
  case: '案件',
  user: '用户',
  officer: '执法人员',
  device: '执法记录仪',
  settings: '设置',
  calendar: '节假日',
  bureau: '单位信息',
  operation: '其他操作',
  media: '音像记录',
  ingest: '导入任务',
  disclosure: '公示',
  publish: '网站发布',
  publishTarget: '发布位置',
  report: '年度数据',
  backup: '备份',
  ledger: '台账',
  vault: '证据库',
};

export const OPERATION_OPTIONS = [
  ...OP_NAMES.filter((op) => contract[op].kind !== 'query').map((op) => ({ value: op as string, label: contract[op].title })),
  ...Object.entries(EXTRA_OP_TITLES)
    .filter(([op]) => !(OP_NAMES as string[]).includes(op))
    .map(([value, label]) => ({ value, label })),
];

const KEY_LABELS: Record<string, string> = {
  caseNo: '案件编号',
  manual: '补录',
  caseType: '类型',
  procedure: '程序',
  title: '标题',
  parties: '当事人',
  handlers: '承办人',
  warnings: '提示',
  before: '修改前',
  after: '修改后',
  from: '原环节',
  to: '新环节',
  enteredOn: '日期',
  note: '说明',
  voided: '作废编号',
  reason: '原因',
  recordId: '记录序号',
  version: '版本',
  file: '文件',
  name: '名称',
  sha256: '哈希',
  size: '大小',
  partyAdded: '新当事人序号',
  kind: '类别',
  created: '新建',
  admin: '管理员',
  failed: '连续失败次数',
  locked: '已锁定',
  passwordChanged: '已修改密码',
  passwordReset: '已重置密码',
  unlocked: '已解锁',
  username: '账号',
  displayName: '姓名',
  roles: '角色',
  disabled: '停用',
  officerId: '执法人员序号',
  reviewerQualified: '法制审核资格',
  certNo: '执法证号',
  certValidUntil: '有效期至',
  unit: '单位',
  position: '职务',
  category: '执法类别',
  region: '执法区域',
  status: '状态',
  phone: '电话',
  serial: '设备编号',
  model: '型号',
  notes: '备注',
  place: '地点',
  facts: '基本事实',
  openedOn: '立案日期',
  handlerIds: '承办人',
  caseNumberPattern: '编号格式',
  typeAbbreviations: '类型简称',
  sessionIdleMinutes: '会话超时',
  failedLoginLimit: '锁定次数',
  lockoutMinutes: '锁定时长',
  certificateWarningDays: '到期提醒天数',
  caseHandlingWorkdays: '办案期限',
  off: '放假',
  work: '调休上班',
  source: '依据',
  unitAbbr: '简称',
  creditCode: '信用代码',
  websiteName: '网站',
  address: '地址',
  id: '序号',
  officerNo: '执法人员编号',
  submissionId: '送审序号',
  round: '轮次',
  major: '重大执法决定',
  matched: '适用目录',
  dueOn: '期限',
  assigneeId: '审核人序号',
  problems: '问题',
  opinionPdf: '审核意见书',
  discussionId: '集体讨论序号',
  totalFine: '罚款合计（元）',
  totalConfiscation: '没收合计（元）',
  decisionId: '决定序号',
  heldOn: '讨论日期',
  dueBefore: '原期限',
  dueAfter: '新期限',
  heldBy: '审核人',
  tookOverFrom: '接手自',
  saved: '已保存',
  secretChanged: '已更换密码或私钥',
  submitted: '已提交',
  approved: '已审核',
  contentHash: '内容哈希',
  release: '发布版本',
  switched: '已切换到新版本',
  items: '条目数',
  uploaded: '上传文件数',
  linked: '沿用文件数',
  deleted: '删除文件数',
  bytes: '字节数',
  takenDown: '已撤下',
  correctionOf: '更正的公示',
  withdrawn: '已撤下',
  live: '网站上仍可见',
  files: '文件数',
  totalBytes: '总字节数',
  manifestSha256: '清单哈希',
  auditHead: '审计链末条哈希',
  certificateRecordId: '证明记录序号',
  demo: '演示数据',
  device: '记录仪',
  probeError: '读取媒体信息失败',
  copied: '已复制',
  duplicates: '重复',
  skipped: '跳过',
  ok: '全部一致',
  checked: '已校验文件数',
  mismatched: '内容被改动',
  missing: '缺失',
  unregistered: '未登记的文件',
  message: '信息',
  original: '原始文件哈希',
  proxy: '预览视频',
  linkedCase: '关联案件',
  avMatters: '须音像记录的执法环节',
  noRecordingStatement: '无法记录说明',
  started: '开始时间',
  createdAt: '备份时间',
  objects: '证据文件数',
  restoredTo: '恢复到',
  backupCreatedAt: '备份时间',
  checkedObjects: '已校验证据文件数',
  dataDir: '数据文件夹',
  resumedFrom: '接续中断的校验（开始于）',
};

/** Enumerated values by the key they appear under. */
const ENUM_LABELS: Record<string, Record<string, string>> = {
  caseType: CASE_TYPE_LABELS,
  procedure: PROCEDURE_LABELS,
  from: STAGE_LABELS,
  to: STAGE_LABELS,
  stage: STAGE_LABELS,
  roles: ROLE_LABELS,
  kind: { ...PARTY_KIND_LABELS, text: '文字记录', attachment: '附件' },
  status: { ...OFFICER_STATUS_LABELS, ...CASE_STATUS_LABELS },
  reason: { 'unknown user': '账号不存在', disabled: '账号已停用' },
  state: { running: '进行中', done: '完成', cancelled: '已取消', disconnected: '设备已断开', failed: '失败' },
};

/** The audited object as a clerk names it: a case by its number when the summary carries it. */
export function objectName(objectType: string, objectId: string, summary: string): string {
  if (objectType === 'operation' || objectType === 'vault') return OBJECT_TYPE_LABELS[objectType];
  const caseNo = objectType === 'case' ? /"caseNo":"([^"]+)"/.exec(summary)?.[1] : undefined;
  if (caseNo) return `案件 ${caseNo}`;
  const year = objectType === 'report' ? /^annual-(\d{4})$/.exec(objectId)?.[1] : undefined;
  if (year) return `${year} 年度数据`;
  return `${OBJECT_TYPE_LABELS[objectType] ?? '其他'} #${objectId}`;
}

/** Renders a stored summary (canonical JSON) as 「键：值」 text with Chinese keys. */
export function readableSummary(summary: string): string {
  let v: unknown;
  try {
    v = JSON.parse(summary);
  } catch {
    return summary;
  }
  return render(v, 0, '');
}

function render(v: unknown, depth: number, key: string): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string') return ENUM_LABELS[key]?.[v] ?? v;
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return v.length ? v.map((x) => render(x, depth + 1, key)).join('、') : '无';
  const entries = Object.entries(v as Record<string, unknown>);
  if (!entries.length) return '—';
  const childKeys = key === 'typeAbbreviations' ? CASE_TYPE_LABELS : undefined;
  const label = (k: string) => (childKeys as Record<string, string> | undefined)?.[k] ?? KEY_LABELS[k] ?? FIELD_NAMES[k] ?? k;
  // before/after pairs keep the meaning of the key they describe.
  const inner = (k: string) => (k === 'before' || k === 'after' ? key : k);
  const body = entries.map(([k, x]) => `${label(k)}：${render(x, depth + 1, inner(k))}`).join('；');
  return depth > 0 ? `（${body}）` : body;
}
