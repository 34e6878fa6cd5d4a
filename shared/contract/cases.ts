import { z } from 'zod';
import { CASE_STATUSES, CASE_TYPES, PARTY_KINDS, PROCEDURES, STAGES } from '../domain.js';
import { defineOp, returns } from './define.js';
import { date, id, optionalText, page, pageSize, text } from './fields.js';
import type { CaseDetail, CaseList, CaseRecord, FieldWarning } from '../types.js';

export const PartyInput = z.object({
  kind: z.enum(PARTY_KINDS),
  name: text('当事人名称', 100),
  idNumber: optionalText('身份证号码', 18),
  creditCode: optionalText('统一社会信用代码', 18),
  legalRep: optionalText('法定代表人', 40),
  phone: optionalText('联系电话', 40),
  address: optionalText('地址', 200),
  isMinor: z.boolean().default(false),
});

export const CaseDraft = z.object({
  caseType: z.enum(CASE_TYPES),
  procedure: z.enum(PROCEDURES),
  title: text('案由', 120),
  place: optionalText('地点', 200),
  facts: optionalText('基本事实', 20000),
  openedOn: date('立案日期'),
  handlerIds: z.array(id).min(1, '请至少指定一名承办人').max(10),
  parties: z.array(PartyInput).min(1, '请至少填写一名当事人').max(50),
  /** For registering older paper cases (补录): an existing number, checked against the pattern. */
  manualCaseNo: z.string().trim().max(60).optional(),
});

export const CaseListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  caseType: z.enum(CASE_TYPES).optional(),
  stage: z.enum(STAGES).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  handlerId: id.optional(),
  openedFrom: date('开始日期').optional(),
  openedTo: date('结束日期').optional(),
  overdue: z.boolean().optional(),
  /** Cases still being handled: not voided, not closed or archived. */
  open: z.boolean().optional(),
  page,
  pageSize,
});

export const caseOps = {
  'cases.list': defineOp({
    title: '查询案件',
    kind: 'query',
    access: 'signed-in',
    input: CaseListQuery,
    output: returns<CaseList>(),
  }),
  'cases.get': defineOp({
    title: '查看案件',
    kind: 'query',
    access: 'signed-in',
    input: z.object({ id }),
    output: returns<CaseDetail>(),
  }),
  'cases.checkDraft': defineOp({
    title: '检查案件信息',
    kind: 'query',
    access: ['officer', 'admin'],
    input: CaseDraft.partial(),
    output: returns<{ warnings: FieldWarning[]; errors: FieldWarning[] }>(),
  }),
  'cases.create': defineOp({
    title: '立案登记',
    kind: 'command',
    access: ['officer', 'admin'],
    input: CaseDraft,
    output: returns<{ id: number; caseNo: string; warnings: FieldWarning[] }>(),
  }),
  'cases.update': defineOp({
    title: '修改案件信息',
    kind: 'command',
    access: ['officer', 'admin'],
    input: z.object({
      id,
      title: text('案由', 120).optional(),
      place: z.string().trim().max(200).optional(),
      facts: z.string().trim().max(20000).optional(),
    }),
    output: returns<CaseDetail>(),
  }),
  'cases.setHandlers': defineOp({
    title: '变更承办人',
    kind: 'command',
    access: ['officer', 'admin', 'head'],
    input: z.object({ id, handlerIds: z.array(id).min(1).max(10) }),
    output: returns<CaseDetail>(),
  }),
  'cases.addParty': defineOp({
    title: '添加当事人',
    kind: 'command',
    access: ['officer', 'admin'],
    input: z.object({ id, party: PartyInput }),
    output: returns<{ detail: CaseDetail; warnings: FieldWarning[] }>(),
  }),
  'cases.advanceStage': defineOp({
    title: '推进办案环节',
    kind: 'command',
    access: ['officer', 'admin', 'head'],
    input: z.object({ id, stage: z.enum(STAGES), enteredOn: date('日期'), note: optionalText('说明', 1000) }),
    output: returns<CaseDetail>(),
  }),
  'cases.void': defineOp({
    title: '作废案件编号',
    kind: 'command',
    access: ['admin', 'head'],
    input: z.object({ id, reason: text('作废原因', 500) }),
    output: returns<CaseDetail>(),
  }),
  'cases.addRecord': defineOp({
    title: '添加案件记录',
    kind: 'command',
    access: ['officer', 'admin', 'head', 'reviewer'],
    input: z.object({
      caseId: id,
      title: text('记录标题', 120),
      body: optionalText('记录内容', 100000),
      /** An attachment as base64 (PDF, image, Word); at most 50 MB. */
      file: z
        .object({ name: text('文件名', 200), base64: z.string().min(1).max(70_000_000) })
        .optional(),
      /** A new version of an earlier record: the old one stays, marked superseded. */
      supersedes: id.optional(),
    }),
    output: returns<CaseRecord>(),
  }),
  'records.content': defineOp({
    title: '读取案件附件',
    kind: 'query',
    access: 'signed-in',
    input: z.object({ id }),
    output: returns<{ fileName: string; mime: string; base64: string; sha256: string }>(),
  }),
} as const;
