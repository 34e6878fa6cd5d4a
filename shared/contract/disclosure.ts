import { z } from 'zod';
import { defineOp, returns } from './define.js';
import { id, page, pageSize, text, patchOf } from './fields.js';
import {
  CorrectInput,
  CreateFromCaseInput,
  CreateNoticeInput,
  HostKeyInput,
  ListInput,
  SetFindingsInput,
  TargetInput,
  UpdateInput,
  WithdrawInput,
} from './disclosure-inputs.js';
import { DISCLOSURE_SETTINGS_SCHEMA, type DisclosureSettings } from '../disclosure-settings.js';
import type {
  DisclosureDeadlines,
  DisclosureDetail,
  DisclosureList,
  PublishJobStatus,
  PublishLogEntry,
  PublishTargetInfo,
} from '../disclosure-types.js';

const VIEW = ['officer', 'reviewer', 'head', 'publisher', 'admin'] as const;
const DRAFT = ['officer', 'publisher'] as const;
const PUBLISH = ['publisher'] as const;

/** Disclosure (行政执法公示): items, redaction review, approval, deadlines, and publishing the site. */
export const disclosureOps = {
  'disclosure.list': defineOp({ title: '查询公示事项', kind: 'query', access: VIEW, input: ListInput, output: returns<DisclosureList>() }),
  'disclosure.get': defineOp({ title: '查看公示事项', kind: 'query', access: VIEW, input: z.object({ id }), output: returns<DisclosureDetail>() }),
  'disclosure.createFromCase': defineOp({
    title: '起草结果公示',
    kind: 'command',
    access: DRAFT,
    input: CreateFromCaseInput,
    output: returns<DisclosureDetail>(),
  }),
  'disclosure.createNotice': defineOp({
    title: '起草事前公开事项',
    kind: 'command',
    access: DRAFT,
    input: CreateNoticeInput,
    output: returns<DisclosureDetail>(),
  }),
  'disclosure.update': defineOp({ title: '修改公示事项', kind: 'command', access: DRAFT, input: UpdateInput, output: returns<DisclosureDetail>() }),
  'disclosure.setFindings': defineOp({
    title: '调整脱敏标记',
    kind: 'command',
    access: DRAFT,
    input: SetFindingsInput,
    output: returns<DisclosureDetail>(),
  }),
  'disclosure.submit': defineOp({ title: '提交公示审核', kind: 'command', access: DRAFT, input: z.object({ id }), output: returns<DisclosureDetail>() }),
  'disclosure.approve': defineOp({
    title: '审核通过公示事项',
    kind: 'command',
    access: PUBLISH,
    input: z.object({ id, note: z.string().trim().max(500).default('') }),
    output: returns<DisclosureDetail>(),
  }),
  'disclosure.reject': defineOp({
    title: '退回公示事项',
    kind: 'command',
    access: PUBLISH,
    input: z.object({ id, reason: text('退回原因', 1000) }),
    output: returns<DisclosureDetail>(),
  }),
  'disclosure.withdraw': defineOp({ title: '撤回公示事项', kind: 'command', access: PUBLISH, input: WithdrawInput, output: returns<DisclosureDetail>() }),
  'disclosure.correct': defineOp({ title: '更正公示事项', kind: 'command', access: DRAFT, input: CorrectInput, output: returns<DisclosureDetail>() }),
  'disclosure.deadlines': defineOp({ title: '查询公示期限', kind: 'query', access: VIEW, input: z.object({}), output: returns<DisclosureDeadlines>() }),
  'disclosure.preview': defineOp({
    title: '预览公示页面',
    kind: 'query',
    access: VIEW,
    input: z.object({ id }),
    output: returns<{ html: string; path: string }>(),
  }),
  'disclosure.settings.get': defineOp({
    title: '查询公示设置',
    kind: 'query',
    access: 'signed-in',
    input: z.object({}),
    output: returns<DisclosureSettings>(),
  }),
  'disclosure.settings.update': defineOp({
    title: '修改公示设置',
    kind: 'command',
    access: ['admin'],
    input: patchOf<DisclosureSettings>(DISCLOSURE_SETTINGS_SCHEMA),
    output: returns<DisclosureSettings>(),
  }),
  'publish.targets.list': defineOp({
    title: '查询发布目标',
    kind: 'query',
    access: ['admin', 'publisher'],
    input: z.object({}),
    output: returns<PublishTargetInfo[]>(),
  }),
  'publish.targets.save': defineOp({ title: '保存发布目标', kind: 'command', access: ['admin'], input: TargetInput, output: returns<PublishTargetInfo>() }),
  'publish.targets.delete': defineOp({
    title: '删除发布目标',
    kind: 'command',
    access: ['admin'],
    input: z.object({ id }),
    output: returns<{ deleted: true }>(),
  }),
  'publish.hostKey': defineOp({
    title: '读取服务器主机密钥指纹',
    kind: 'job',
    access: ['admin'],
    input: HostKeyInput,
    output: returns<{ host: string; port: number; fingerprint: string; algorithm: string; pinned: string | null; matches: boolean | null }>(),
  }),
  'publish.run': defineOp({
    title: '发布公示网站',
    kind: 'job',
    access: PUBLISH,
    input: z.object({ targetId: id, wait: z.boolean().default(false) }),
    output: returns<PublishJobStatus>(),
  }),
  'publish.status': defineOp({
    title: '查询发布进度',
    kind: 'query',
    access: PUBLISH,
    input: z.object({ jobId: z.string().max(40).optional() }),
    output: returns<PublishJobStatus[]>(),
  }),
  'publish.cancel': defineOp({
    title: '取消发布',
    kind: 'job',
    access: PUBLISH,
    input: z.object({ jobId: z.string().min(1).max(40) }),
    output: returns<PublishJobStatus>(),
  }),
  'publish.log': defineOp({
    title: '查询发布记录',
    kind: 'query',
    access: ['publisher', 'admin', 'head'],
    input: z.object({ targetId: id.optional(), page, pageSize }),
    output: returns<{ rows: PublishLogEntry[]; total: number; page: number; pageSize: number }>(),
  }),
} as const;
