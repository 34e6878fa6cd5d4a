import { z } from 'zod';
import { CASE_STATUSES, CASE_TYPES, STAGES } from '../domain.js';
import { REVIEW_OUTCOMES } from '../review-domain.js';
import type { BackupSettings, SupervisionSettings } from '../supervision-settings.js';
import { BACKUP_SETTINGS_PATCH, SUPERVISION_SETTINGS_PATCH } from '../supervision-settings.js';
import {
  LEDGER_DISCLOSURE_STATES,
  LEDGERS,
  type AlertsResult,
  type AnnualExportResult,
  type AnnualManual,
  type AnnualNoticeContent,
  type AnnualReport,
  type ArchiveCreateResult,
  type ArchiveVerifyResult,
  type JobProgress,
  type BackupInfo,
  type BackupRunResult,
  type BackupState,
  type LedgerExportResult,
  type LedgerPage,
  type RestoreCheckResult,
  type RestoreResult,
  type TodoItem,
  type Trends,
} from '../supervision-types.js';
import { defineOp, returns } from './define.js';
import { date, id, optionalText, page, pageSize } from './fields.js';

/** Operations of supervision (issue 7): 工作台 alerts and trends, to-do, ledgers, annual report, archive, backup. */

const READERS = ['head', 'admin', 'auditor'] as const;
const year = z.number().int().min(2000, '年份不正确').max(2100, '年份不正确');
/** A path chosen by the user in the desktop shell's save dialog (absolute). */
const filePath = z.string().trim().min(1).max(1000);
/** A name the UI makes up for a long run, to poll `supervision.progress` and `supervision.cancel` with. */
const progressId = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, '进度编号不正确');

export const LedgerFilterInput = z
  .object({
    from: date('开始日期'),
    to: date('结束日期'),
    caseType: z.enum(CASE_TYPES),
    stage: z.enum(STAGES),
    status: z.enum(CASE_STATUSES),
    handlerId: id,
    overdue: z.boolean(),
    closedTo: date('结案日期'),
    dueTo: date('期限截止日期'),
    avGap: z.boolean(),
    outcome: z.enum([...REVIEW_OUTCOMES, 'pending']),
    state: z.enum(LEDGER_DISCLOSURE_STATES),
    officerId: id,
    deviceSerial: z.string().trim().max(64),
    annotated: z.boolean(),
    staleDays: z.number().int().min(1).max(3650),
  })
  .partial()
  .default({});

const counts = z
  .object({
    received: z.number().int().min(0).max(1e6),
    upheld: z.number().int().min(0).max(1e6),
    revoked: z.number().int().min(0).max(1e6),
    changed: z.number().int().min(0).max(1e6),
    confirmedIllegal: z.number().int().min(0).max(1e6),
    other: z.number().int().min(0).max(1e6),
  })
  .refine((c) => c.upheld + c.revoked + c.changed + c.confirmedIllegal + c.other <= c.received, '维持、撤销、变更、确认违法和其他的合计不能超过收到的件数');

export const supervisionOps = {
  'dashboard.alerts': defineOp({ title: '查看预警', kind: 'query', access: READERS, input: z.object({}), output: returns<AlertsResult>() }),
  'dashboard.trends': defineOp({
    title: '查看趋势',
    kind: 'query',
    access: READERS,
    input: z.object({ months: z.number().int().min(1).max(36).default(12), to: z.string().regex(/^\d{4}-\d{2}$/, '月份应为 YYYY-MM 格式').optional() }),
    output: returns<Trends>(),
  }),
  'dashboard.todo': defineOp({ title: '我的待办', kind: 'query', access: 'signed-in', input: z.object({}), output: returns<TodoItem[]>() }),
  'supervision.settings.get': defineOp({ title: '查看预警设置', kind: 'query', access: READERS, input: z.object({}), output: returns<SupervisionSettings>() }),
  'supervision.settings.update': defineOp({
    title: '修改预警设置',
    kind: 'command',
    access: ['admin'],
    input: SUPERVISION_SETTINGS_PATCH,
    output: returns<SupervisionSettings>(),
  }),

  'ledgers.query': defineOp({
    title: '查询台账',
    kind: 'query',
    access: READERS,
    input: z.object({ ledger: z.enum(LEDGERS), filter: LedgerFilterInput, page, pageSize }),
    output: returns<LedgerPage>(),
  }),
  'ledgers.export': defineOp({
    title: '导出台账',
    kind: 'job',
    access: READERS,
    input: z.object({ ledger: z.enum(LEDGERS), filter: LedgerFilterInput, format: z.enum(['xlsx', 'csv']).default('xlsx'), path: filePath.optional(), progressId: progressId.optional() }),
    output: returns<LedgerExportResult>(),
  }),

  // The publisher reads the figures to draft the website item (report.publishAnnual).
  'report.annual': defineOp({ title: '查看年度统计', kind: 'query', access: [...READERS, 'publisher'], input: z.object({ year }), output: returns<AnnualReport>() }),
  'report.annualExport': defineOp({
    title: '导出年度统计',
    kind: 'job',
    access: ['head', 'admin'],
    input: z.object({ year, path: filePath.optional() }),
    output: returns<AnnualExportResult>(),
  }),
  'report.annualManual.save': defineOp({
    title: '填报复议诉讼数据',
    kind: 'command',
    access: ['head', 'admin'],
    input: z.object({ year, reconsideration: counts, litigation: counts, note: optionalText('说明', 2000) }),
    output: returns<AnnualManual>(),
  }),
  'report.annualNotice': defineOp({
    title: '预览年度统计公示稿',
    kind: 'query',
    access: ['head', 'admin', 'auditor', 'publisher'],
    input: z.object({ year }),
    output: returns<AnnualNoticeContent>(),
  }),
  'report.publishAnnual': defineOp({
    title: '生成年度统计公示稿',
    kind: 'job',
    // Drafted through disclosure.createNotice, which only drafters (the publisher here) may call.
    access: ['publisher'],
    input: z.object({ year }),
    output: returns<{ disclosureId: number | null; content: AnnualNoticeContent }>(),
  }),

  'archive.create': defineOp({
    title: '归档',
    kind: 'job',
    access: ['officer', 'head'],
    input: z.object({ caseId: id, dest: filePath.optional(), zip: z.boolean().default(true), progressId: progressId.optional() }),
    output: returns<ArchiveCreateResult>(),
  }),
  'archive.export': defineOp({
    title: '重新导出案卷包',
    kind: 'job',
    access: ['officer', 'head', 'admin'],
    input: z.object({ caseId: id, dest: filePath.optional(), zip: z.boolean().default(true), progressId: progressId.optional() }),
    output: returns<ArchiveCreateResult>(),
  }),
  'archive.get': defineOp({
    title: '查看归档信息',
    kind: 'query',
    access: 'signed-in',
    input: z.object({ caseId: id }),
    output: returns<{ archive: ArchiveCreateResult | null }>(),
  }),
  'archive.verify': defineOp({
    title: '校验案卷包',
    kind: 'job',
    access: ['officer', 'head', 'admin', 'auditor'],
    input: z.object({ path: filePath, progressId: progressId.optional() }),
    output: returns<ArchiveVerifyResult>(),
  }),

  'backup.run': defineOp({
    title: '立即备份',
    kind: 'job',
    access: ['admin'],
    input: z.object({ target: filePath.optional(), progressId: progressId.optional() }),
    output: returns<BackupRunResult & { unchanged: boolean }>(),
  }),
  'backup.list': defineOp({ title: '查看备份', kind: 'query', access: ['admin'], input: z.object({ target: filePath.optional() }), output: returns<BackupInfo[]>() }),
  'backup.settings.get': defineOp({
    title: '查看备份设置',
    kind: 'query',
    access: ['admin'],
    input: z.object({}),
    output: returns<{ settings: BackupSettings; state: BackupState; targetFree: number | null; targetTotal: number | null }>(),
  }),
  'backup.settings.update': defineOp({ title: '修改备份设置', kind: 'command', access: ['admin'], input: BACKUP_SETTINGS_PATCH, output: returns<BackupSettings>() }),
  'restore.check': defineOp({
    title: '校验备份',
    kind: 'job',
    access: ['admin'],
    input: z.object({ path: filePath, progressId: progressId.optional() }),
    output: returns<RestoreCheckResult>(),
  }),
  'restore.run': defineOp({
    title: '从备份恢复',
    kind: 'job',
    access: ['admin'],
    input: z.object({ path: filePath, into: filePath, progressId: progressId.optional() }),
    output: returns<RestoreResult>(),
  }),
  'restore.useRestored': defineOp({ title: '改用恢复的数据', kind: 'command', access: ['admin'], input: z.object({ dataDir: filePath }), output: returns<{ restarting: boolean }>() }),
  'supervision.progress': defineOp({
    title: '查看进度',
    kind: 'query',
    access: 'signed-in',
    input: z.object({ progressId }),
    output: returns<{ progress: JobProgress | null }>(),
  }),
  'supervision.cancel': defineOp({ title: '取消操作', kind: 'command', access: 'signed-in', input: z.object({ progressId }), output: returns<{ cancelled: boolean }>() }),
} as const;
