import { z } from 'zod';
import { CASE_TYPES, PROCEDURES } from '../domain.js';
import {
  CHECK_RESULTS,
  CHECKLIST_ITEMS,
  DECISION_TYPES,
  DISCRETION_LEVELS,
  DISCUSSION_CONCLUSIONS,
  MEASURES,
  REVIEW_FLAGS,
  REVIEW_OUTCOMES,
} from '../review-domain.js';
import { date, id, optionalText, text } from './fields.js';

/** Input schemas of the review and decision operations. */

const money = (label: string) =>
  z.number().min(0, `${label}不能为负数`).max(1e11, `${label}过大，请核对`).refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, `${label}最多保留两位小数`);

export const PartyAmount = z.object({
  partyId: id,
  fine: money('罚款金额').default(0),
  confiscation: money('没收金额').default(0),
});

export const ProposalInput = z.object({
  decisionType: z.enum(DECISION_TYPES),
  measures: z.array(z.enum(MEASURES)).max(MEASURES.length).default([]),
  amounts: z.array(PartyAmount).max(50).default([]),
  legalBasis: text('法律依据', 2000),
  discretion: z.enum(DISCRETION_LEVELS),
  discretionNote: optionalText('裁量基准条款', 1000),
  summary: text('拟处理意见', 5000),
  flags: z.array(z.enum(REVIEW_FLAGS)).max(REVIEW_FLAGS.length).default([]),
});

const recordIds = z.array(id).max(500).default([]);
export const MaterialsInput = z.object({
  filingApproval: recordIds,
  interviewRecords: recordIds,
  evidence: recordIds,
  notice: recordIds,
  statement: recordIds,
  hearing: recordIds,
  avRecords: recordIds,
  /** The party waived 陈述申辩 (the notice or a signed waiver is in the file). */
  statementWaived: z.boolean().default(false),
  /** The party asked for a hearing (听证). */
  hearingRequested: z.boolean().default(false),
});

const AmountThresholdInput = z.object({
  person: z.number().min(0).max(1e11).nullable(),
  organisation: z.number().min(0).max(1e11).nullable(),
  basis: z.enum(['fine', 'fineAndConfiscation']),
});

export const CatalogueRuleInput = z.object({
  id: z.string().trim().min(1, '请填写规则编号').max(40).regex(/^[A-Za-z0-9_-]+$/, '规则编号只能包含字母、数字、下划线和减号'),
  title: text('规则名称', 100),
  enabled: z.boolean().default(true),
  caseTypes: z.array(z.enum(CASE_TYPES)).default([]),
  procedures: z.array(z.enum(PROCEDURES)).default([]),
  measures: z.array(z.enum(MEASURES)).default([]),
  amount: AmountThresholdInput.nullable().default(null),
  flags: z.array(z.enum(REVIEW_FLAGS)).default([]),
  requiresDiscussion: z.boolean().default(false),
  source: optionalText('规则依据', 200),
});

export const CatalogueInput = z.object({
  title: text('目录名称', 60),
  rules: z.array(CatalogueRuleInput).max(100, '目录规则不能超过 100 条'),
});

export const ChecklistInput = z
  .array(
    z.object({
      item: z.enum(CHECKLIST_ITEMS),
      result: z.enum(CHECK_RESULTS),
      note: optionalText('审核说明', 2000),
    }),
  )
  .max(CHECKLIST_ITEMS.length * 2);

export const RecordOutcomeInput = z.object({
  submissionId: id,
  checklist: ChecklistInput,
  outcome: z.enum(REVIEW_OUTCOMES),
  opinion: text('审核意见', 10000),
  /** The reviewer's note on the catalogue match (the handler cannot lower it; the reviewer can remark on it). */
  catalogueNote: optionalText('目录适用意见', 1000),
});

export const DecisionInput = z.object({
  caseId: id,
  decidedOn: date('决定日期'),
  decisionType: z.enum(DECISION_TYPES),
  content: text('决定内容', 20000),
  measures: z.array(z.enum(MEASURES)).max(MEASURES.length).default([]),
  amounts: z.array(PartyAmount).max(50).default([]),
  legalBasis: text('法律依据', 2000),
});

export const DiscussionInput = z.object({
  caseId: id,
  heldOn: date('讨论日期'),
  participants: z.array(text('参加人员姓名', 40)).min(2, '集体讨论应有两名以上人员参加，请填写参加人员').max(30),
  minutes: text('讨论记录', 20000),
  conclusion: z.enum(DISCUSSION_CONCLUSIONS),
  note: optionalText('结论说明', 2000),
});

export const month = z.string().regex(/^\d{4}-\d{2}$/, '月份应为 YYYY-MM 格式');
