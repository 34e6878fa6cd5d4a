import { z } from 'zod';
import { defineOp, returns } from './define.js';
import { id, page, pageSize, text } from './fields.js';
import {
  CatalogueInput,
  DecisionInput,
  DiscussionInput,
  MaterialsInput,
  month,
  ProposalInput,
  RecordOutcomeInput,
} from './review-inputs.js';
import { REVIEW_SETTINGS_PATCH, type ReviewSettings } from '../review-settings.js';
import type { CatalogueEvaluation, ReviewCatalogue } from '../logic/review-catalogue.js';
import type {
  DecisionInfo,
  DiscussionInfo,
  GateResult,
  ReviewHistory,
  ReviewItemDetail,
  ReviewOutcomeInfo,
  ReviewQueueRow,
  ReviewerChoice,
  ReviewStats,
} from '../review-types.js';

type Paged<T> = { rows: T[]; total: number; page: number; pageSize: number };
const paging = { page, pageSize };

/** Legal review of major decisions (重大执法决定法制审核) and the decision gate. */
export const reviewOps = {
  'review.catalogue.get': defineOp({
    title: '查询法制审核目录',
    kind: 'query',
    access: 'signed-in',
    input: z.object({}),
    output: returns<ReviewCatalogue & { isDefault: boolean }>(),
  }),
  'review.catalogue.update': defineOp({
    title: '修改法制审核目录',
    kind: 'command',
    access: ['admin'],
    input: CatalogueInput,
    output: returns<ReviewCatalogue & { isDefault: boolean }>(),
  }),
  'review.settings.get': defineOp({
    title: '查询法制审核设置',
    kind: 'query',
    access: 'signed-in',
    input: z.object({}),
    output: returns<ReviewSettings>(),
  }),
  'review.settings.update': defineOp({
    title: '修改法制审核设置',
    kind: 'command',
    access: ['admin'],
    input: REVIEW_SETTINGS_PATCH,
    output: returns<ReviewSettings>(),
  }),
  'review.evaluate': defineOp({
    title: '判断是否属于重大执法决定',
    kind: 'query',
    access: ['officer', 'reviewer', 'head'],
    input: z.object({ caseId: id, proposal: ProposalInput.partial().default({}), materials: MaterialsInput.optional() }),
    output: returns<CatalogueEvaluation & { missing: string[] }>(),
  }),
  'review.submit': defineOp({
    title: '提交法制审核',
    kind: 'command',
    access: ['officer'],
    input: z.object({ caseId: id, proposal: ProposalInput, materials: MaterialsInput, handlerStatement: text('承办人意见', 10000) }),
    output: returns<ReviewItemDetail>(),
  }),
  'review.queue': defineOp({
    title: '待审核事项',
    kind: 'query',
    access: ['reviewer'],
    input: z.object(paging),
    output: returns<Paged<ReviewQueueRow>>(),
  }),
  'review.mine': defineOp({
    title: '我的送审',
    kind: 'query',
    access: ['officer'],
    input: z.object(paging),
    output: returns<Paged<ReviewQueueRow>>(),
  }),
  'review.overdue': defineOp({
    title: '超期审核事项',
    kind: 'query',
    access: ['head', 'admin', 'auditor'],
    input: z.object(paging),
    output: returns<Paged<ReviewQueueRow>>(),
  }),
  'review.open': defineOp({
    title: '在审事项',
    kind: 'query',
    access: ['head', 'admin', 'auditor'],
    input: z.object(paging),
    output: returns<Paged<ReviewQueueRow>>(),
  }),
  'review.get': defineOp({
    title: '查看审核事项',
    kind: 'query',
    access: ['officer', 'reviewer', 'head', 'admin', 'auditor'],
    input: z.object({ submissionId: id }),
    output: returns<ReviewItemDetail>(),
  }),
  'review.assign': defineOp({
    title: '分配审核人员',
    kind: 'command',
    access: ['head'],
    input: z.object({ submissionId: id, reviewerId: id.optional() }),
    output: returns<ReviewItemDetail>(),
  }),
  'review.reviewers': defineOp({
    title: '查询可分配的审核人员',
    kind: 'query',
    access: ['head'],
    input: z.object({ submissionId: id }),
    output: returns<ReviewerChoice[]>(),
  }),
  'review.claim': defineOp({
    title: '开始审核',
    kind: 'command',
    access: ['reviewer'],
    input: z.object({ submissionId: id }),
    output: returns<ReviewItemDetail>(),
  }),
  'review.release': defineOp({
    title: '放弃审核占用',
    kind: 'command',
    access: ['reviewer', 'head'],
    input: z.object({ submissionId: id }),
    output: returns<ReviewItemDetail>(),
  }),
  'review.extend': defineOp({
    title: '延长审核期限',
    kind: 'command',
    access: ['reviewer', 'head'],
    input: z.object({ submissionId: id, workdays: z.number().int().min(1).max(30), reason: text('延期理由', 1000) }),
    output: returns<ReviewItemDetail>(),
  }),
  'review.record': defineOp({
    title: '记录法制审核意见',
    kind: 'command',
    access: ['reviewer'],
    input: RecordOutcomeInput,
    output: returns<ReviewOutcomeInfo>(),
  }),
  'review.history': defineOp({
    title: '查看法制审核记录',
    kind: 'query',
    access: 'signed-in',
    input: z.object({ caseId: id }),
    output: returns<ReviewHistory>(),
  }),
  'review.discussion.record': defineOp({
    title: '记录集体讨论',
    kind: 'command',
    access: ['head'],
    input: DiscussionInput,
    output: returns<DiscussionInfo>(),
  }),
  'review.gate': defineOp({
    title: '检查能否作出决定',
    kind: 'query',
    access: 'signed-in',
    input: z.object({ caseId: id }),
    output: returns<GateResult>(),
  }),
  'review.stats': defineOp({
    title: '法制审核统计',
    kind: 'query',
    access: ['head', 'admin', 'auditor', 'reviewer'],
    input: z.object({ from: month.optional(), to: month.optional() }),
    output: returns<ReviewStats>(),
  }),
  'decisions.record': defineOp({
    title: '记录行政决定',
    kind: 'command',
    access: ['head', 'officer'],
    input: DecisionInput,
    output: returns<DecisionInfo>(),
  }),
  'decisions.get': defineOp({
    title: '查看行政决定',
    kind: 'query',
    access: 'signed-in',
    input: z.object({ caseId: id }),
    output: returns<{ decision: DecisionInfo | null }>(),
  }),
} as const;
