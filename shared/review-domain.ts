/** Enumerations of legal review (重大执法决定法制审核, DOMAIN.md §3) with their Chinese labels. */

/** Measures a proposed decision can contain (行政处罚种类 and 行政强制措施). */
export const MEASURES = [
  'warning',
  'fine',
  'confiscateGains',
  'confiscateProperty',
  'suspendPermit',
  'lowerQualification',
  'revokePermit',
  'limitActivities',
  'suspendBusiness',
  'orderClosure',
  'limitEmployment',
  'seizure',
  'freeze',
  'permitDenial',
  'other',
] as const;
export type Measure = (typeof MEASURES)[number];
export const MEASURE_LABELS: Record<Measure, string> = {
  warning: '警告、通报批评',
  fine: '罚款',
  confiscateGains: '没收违法所得',
  confiscateProperty: '没收非法财物',
  suspendPermit: '暂扣许可证件',
  lowerQualification: '降低资质等级',
  revokePermit: '吊销许可证件',
  limitActivities: '限制开展生产经营活动',
  suspendBusiness: '责令停产停业',
  orderClosure: '责令关闭',
  limitEmployment: '限制从业',
  seizure: '查封、扣押',
  freeze: '冻结',
  permitDenial: '不予许可',
  other: '其他',
};

/** Circumstances the handler declares on the proposal; the catalogue can match on them. */
export const REVIEW_FLAGS = ['hearingQualified', 'complex', 'crossArea', 'publicInterest', 'socialImpact'] as const;
export type ReviewFlag = (typeof REVIEW_FLAGS)[number];
export const REVIEW_FLAG_LABELS: Record<ReviewFlag, string> = {
  hearingQualified: '符合听证条件',
  complex: '案情复杂或涉及多个法律关系',
  crossArea: '跨区域案件',
  publicInterest: '涉及重大公共利益',
  socialImpact: '社会影响较大',
};

export const DECISION_TYPES = ['penalty', 'noPenalty', 'coercion', 'permit', 'other'] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];
export const DECISION_TYPE_LABELS: Record<DecisionType, string> = {
  penalty: '给予行政处罚',
  noPenalty: '不予行政处罚',
  coercion: '行政强制决定',
  permit: '行政许可决定',
  other: '其他决定',
};

/** Discretion level under the bureau's 裁量基准. */
export const DISCRETION_LEVELS = ['exempt', 'mitigated', 'lighter', 'ordinary', 'heavier'] as const;
export type DiscretionLevel = (typeof DISCRETION_LEVELS)[number];
export const DISCRETION_LABELS: Record<DiscretionLevel, string> = {
  exempt: '不予处罚',
  mitigated: '减轻处罚',
  lighter: '从轻处罚',
  ordinary: '一般处罚',
  heavier: '从重处罚',
};

/** The materials checklist of a submission; each kind lists case record ids. */
export const MATERIAL_KINDS = ['filingApproval', 'interviewRecords', 'evidence', 'notice', 'statement', 'hearing', 'avRecords'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];
export const MATERIAL_LABELS: Record<MaterialKind, string> = {
  filingApproval: '立案审批表',
  interviewRecords: '调查（询问、检查）笔录',
  evidence: '证据材料',
  notice: '行政处罚事先告知书',
  statement: '陈述申辩材料',
  hearing: '听证笔录及听证报告',
  avRecords: '执法音像记录',
};

/** What the reviewer checks (DOMAIN.md §3). */
export const CHECKLIST_ITEMS = ['subject', 'qualification', 'competence', 'facts', 'legalBasis', 'procedure', 'discretion', 'documents', 'crimeTransfer'] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];
export const CHECKLIST_LABELS: Record<ChecklistItem, string> = {
  subject: '执法主体是否合法',
  qualification: '执法人员是否具备执法资格',
  competence: '是否超越法定权限',
  facts: '事实是否清楚、证据是否确凿充分',
  legalBasis: '适用法律依据是否准确',
  procedure: '程序是否合法',
  discretion: '裁量是否适当（裁量基准）',
  documents: '执法文书是否规范齐备',
  crimeTransfer: '是否涉嫌犯罪需移送司法机关',
};

export const CHECK_RESULTS = ['pass', 'problem'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];
export const CHECK_RESULT_LABELS: Record<CheckResult, string> = { pass: '符合', problem: '存在问题' };
/** The crime-transfer item reads the other way round: “problem” means it must be transferred. */
export const CRIME_TRANSFER_RESULT_LABELS: Record<CheckResult, string> = { pass: '未发现涉嫌犯罪', problem: '涉嫌犯罪，应移送' };
export const checkResultLabel = (item: ChecklistItem, r: CheckResult): string =>
  item === 'crimeTransfer' ? CRIME_TRANSFER_RESULT_LABELS[r] : CHECK_RESULT_LABELS[r];

export const REVIEW_OUTCOMES = ['agree', 'change', 'correct', 'return', 'transfer'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];
export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  agree: '同意',
  change: '建议变更',
  correct: '纠正',
  return: '退回补充',
  transfer: '移送司法机关',
};

export const DISCUSSION_CONCLUSIONS = ['approve', 'approveChanged', 'resubmit', 'transfer'] as const;
export type DiscussionConclusion = (typeof DISCUSSION_CONCLUSIONS)[number];
export const DISCUSSION_CONCLUSION_LABELS: Record<DiscussionConclusion, string> = {
  approve: '同意按拟处理意见作出决定',
  approveChanged: '同意按讨论修改后的意见作出决定',
  resubmit: '补充调查后重新送审',
  transfer: '移送司法机关',
};

/** Why a decision was allowed through the gate. */
export const DECISION_BASES = ['review', 'discussion', 'notMajor', 'simple'] as const;
export type DecisionBasis = (typeof DECISION_BASES)[number];
export const DECISION_BASIS_LABELS: Record<DecisionBasis, string> = {
  review: '法制审核通过',
  discussion: '集体讨论决定',
  notMajor: '非重大执法决定',
  simple: '简易程序',
};

export type ReviewItemStatus = 'pending' | 'done';
