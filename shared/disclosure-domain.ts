/** Enumerations of disclosure (行政执法公示, DOMAIN.md §1) with their Chinese labels. */

/** After-the-fact results (事后公开): decisions with the 双公示 fields. */
export const RESULT_KINDS = ['penalty', 'permit', 'coercion', 'levy', 'inspection'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

/** Before-the-fact notices (事前公开) and the annual statistics report. */
export const NOTICE_KINDS = ['powers', 'roster', 'guide', 'flowchart', 'channels', 'annual'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const DISCLOSURE_KINDS = [...RESULT_KINDS, ...NOTICE_KINDS] as const;
export type DisclosureKind = ResultKind | NoticeKind;

export const DISCLOSURE_KIND_LABELS: Record<DisclosureKind, string> = {
  penalty: '行政处罚',
  permit: '行政许可',
  coercion: '行政强制',
  levy: '行政征收',
  inspection: '行政检查',
  powers: '权责清单',
  roster: '执法人员名单',
  guide: '服务指南',
  flowchart: '执法流程图',
  channels: '投诉举报渠道',
  annual: '年度统计报告',
};

export const isResultKind = (k: string): k is ResultKind => (RESULT_KINDS as readonly string[]).includes(k);

/**
 * Life of one version: draft → pending (submitted) → approved (content frozen, hashed) →
 * published (in a live release). `withdrawn` takes a series off the site; `superseded` is a
 * published version replaced by its correction (更正).
 */
export const DISCLOSURE_STATES = ['draft', 'pending', 'approved', 'published', 'withdrawn', 'superseded'] as const;
export type DisclosureState = (typeof DISCLOSURE_STATES)[number];
export const DISCLOSURE_STATE_LABELS: Record<DisclosureState, string> = {
  draft: '草稿',
  pending: '待审核',
  approved: '已审核待发布',
  published: '已发布',
  withdrawn: '已撤回',
  superseded: '已被更正版本替代',
};

/** Why a published item is taken down (000: within 1 working day of a revocation etc.). */
export const WITHDRAW_EVENTS = ['revoked', 'unlawful', 'remade', 'expired', 'error'] as const;
export type WithdrawEvent = (typeof WITHDRAW_EVENTS)[number];
export const WITHDRAW_EVENT_LABELS: Record<WithdrawEvent, string> = {
  revoked: '决定被撤销',
  unlawful: '决定被确认违法',
  remade: '决定被变更或重新作出',
  expired: '公示期满',
  error: '错误发布或其他原因',
};

export const PARTY_TYPES = ['person', 'organisation', 'business'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];
export const PARTY_TYPE_LABELS: Record<PartyType, string> = {
  person: '自然人',
  organisation: '法人及非法人组织',
  business: '个体工商户',
};

/** Labels of the 决定书文号 and date rows per result kind (双公示 convention). */
export const RESULT_LABELS: Record<ResultKind, { no: string; category: string; content: string; date: string; authority: string }> = {
  penalty: { no: '行政处罚决定书文号', category: '处罚类别', content: '处罚内容', date: '处罚决定日期', authority: '处罚机关' },
  permit: { no: '行政许可决定文书号', category: '许可类别', content: '许可内容', date: '许可决定日期', authority: '许可机关' },
  coercion: { no: '行政强制决定书文号', category: '强制措施种类', content: '强制内容', date: '决定日期', authority: '实施机关' },
  levy: { no: '征收决定文书号', category: '征收类别', content: '征收内容', date: '征收决定日期', authority: '征收机关' },
  inspection: { no: '检查结果文书号', category: '检查类别', content: '检查结果', date: '检查日期', authority: '检查机关' },
};

export const PUBLISH_TARGET_KINDS = ['sftp', 'folder', 'cms'] as const;
export type PublishTargetKind = (typeof PUBLISH_TARGET_KINDS)[number];
export const PUBLISH_TARGET_KIND_LABELS: Record<PublishTargetKind, string> = {
  sftp: 'SFTP 网站服务器',
  folder: '共享文件夹或U盘',
  cms: '政府门户网站导入包（zip）',
};
