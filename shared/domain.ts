/** Enumerations of the domain with their Chinese labels (DOMAIN.md). */

export const CASE_TYPES = ['penalty', 'permit', 'coercion', 'levy', 'inspection', 'confirmation', 'other'] as const;
export type CaseType = (typeof CASE_TYPES)[number];
export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  penalty: '行政处罚',
  permit: '行政许可',
  coercion: '行政强制',
  levy: '行政征收',
  inspection: '行政检查',
  confirmation: '行政确认',
  other: '其他',
};
/** Default type abbreviations used in unified case numbers (a setting). */
export const DEFAULT_TYPE_ABBREVIATIONS: Record<CaseType, string> = {
  penalty: '罚',
  permit: '许',
  coercion: '强',
  levy: '征',
  inspection: '检',
  confirmation: '确',
  other: '其',
};

export const PROCEDURES = ['simple', 'ordinary'] as const;
export type Procedure = (typeof PROCEDURES)[number];
export const PROCEDURE_LABELS: Record<Procedure, string> = { simple: '简易程序', ordinary: '普通程序' };

export const STAGES = ['filing', 'investigation', 'review', 'decision', 'service', 'execution', 'closing', 'archived'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = {
  filing: '立案',
  investigation: '调查取证',
  review: '审查',
  decision: '决定',
  service: '送达',
  execution: '执行',
  closing: '结案',
  archived: '归档',
};

export const CASE_STATUSES = ['active', 'voided'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = { active: '正常', voided: '已作废' };

export const PARTY_KINDS = ['person', 'organisation'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
export const PARTY_KIND_LABELS: Record<PartyKind, string> = { person: '自然人', organisation: '法人或其他组织' };

export const OFFICER_STATUSES = ['active', 'suspended', 'left'] as const;
export type OfficerStatus = (typeof OFFICER_STATUSES)[number];
export const OFFICER_STATUS_LABELS: Record<OfficerStatus, string> = { active: '在岗', suspended: '暂停执法', left: '已调离' };

export const RECORD_KINDS = ['text', 'attachment'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Attachment file types accepted as case records (PDF, images, Word). */
export const ATTACHMENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.wps': 'application/vnd.ms-works',
  '.txt': 'text/plain',
};
