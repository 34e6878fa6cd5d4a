import { z } from 'zod';
import { CASE_TYPES } from '../domain.js';
import type { Role } from '../roles.js';
import { defineOp, returns } from './define.js';
import { date, id, page, pageSize, text } from './fields.js';
import type {
  AvMatter, CaseAvGaps, DetectedDevice, DeviceProfile, ErasePreview, EraseResult, IngestJobStatus, MediaDerivedInfo,
  MediaDetail, MediaList, MediaSettings, MediaSummary, RetentionCandidate, VaultVerifyJob, VaultVerifyReport, VaultVerifyStatus,
} from '../media-types.js';

/** Who may watch footage: officers, reviewers during review, the head, the admin. */
const VIEW: Role[] = ['officer', 'reviewer', 'head', 'admin'];
const HANDLE: Role[] = ['officer', 'admin'];

const folder = z.string().trim().min(1, '请选择文件夹').max(1000);
const serial = z.string().trim().max(64).optional();
const ids = z.array(id).min(1, '请至少选择一个文件').max(500, '一次最多处理 500 个文件');
const isoTime = z.string().trim().max(40).refine((s) => !Number.isNaN(Date.parse(s)), '时间格式不正确');

export const AnnotationInput = z.object({
  captureTime: isoTime.nullable().optional(),
  place: z.string().trim().max(200, '地点不能超过 200 个字').optional(),
  collectors: z.array(id).max(10).optional(),
  proof: z.string().trim().max(1000, '证明对象不能超过 1000 个字').optional(),
  matter: z.string().trim().max(40).optional(),
  important: z.boolean().optional(),
  caseId: id.nullable().optional(),
});

export const ProfileInput = z.object({
  id: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, '型号配置编号只能包含字母、数字、下划线和减号'),
  name: text('型号名称', 60),
  folders: z.array(z.string().trim().min(1).max(100)).max(20),
  identityFiles: z.array(z.string().trim().min(1).max(100)).max(20),
  extensions: z.array(z.string().trim().min(1).max(10)).min(1, '请至少填写一种文件扩展名').max(30),
  templates: z.array(z.string().trim().min(1).max(200)).max(10),
  utcOffset: z.string().regex(/^[+-]\d{2}:\d{2}$/, '时区应为 +08:00 这样的格式').default('+08:00'),
});

export const AvMatterInput = z.object({
  key: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, '事项编号只能包含字母、数字、下划线和减号'),
  label: text('事项名称', 40),
  requirement: z.enum(['full', 'av']),
  stage: z.string().trim().max(40).default(''),
  place: z.string().trim().max(100).default(''),
  device: z.string().trim().max(100).default(''),
  trigger: z.string().trim().max(200).default(''),
  content: z.string().trim().max(500).default(''),
  retention: z.string().trim().max(100).default(''),
  recorder: z.string().trim().max(100).default(''),
  impliedByCaseTypes: z.array(z.enum(CASE_TYPES)).default([]),
});

export const mediaOps = {
  'media.devices': defineOp({ title: '查询已连接的执法记录仪', kind: 'query', access: HANDLE, input: z.object({}), output: returns<DetectedDevice[]>() }),
  'media.ingest': defineOp({
    title: '导入音像记录',
    kind: 'job',
    access: HANDLE,
    input: z.object({ folder, deviceSerial: serial, profileId: z.string().trim().max(40).optional() }),
    output: returns<IngestJobStatus>(),
  }),
  'media.ingestStatus': defineOp({
    title: '查询导入进度',
    kind: 'query',
    access: HANDLE,
    input: z.object({ jobId: z.string().max(40).optional() }),
    output: returns<IngestJobStatus[]>(),
  }),
  'media.cancelIngest': defineOp({ title: '取消导入', kind: 'job', access: HANDLE, input: z.object({ jobId: z.string().min(1).max(40) }), output: returns<IngestJobStatus>() }),
  'media.list': defineOp({
    title: '查询音像记录',
    kind: 'query',
    access: VIEW,
    input: z.object({
      officerId: id.optional(),
      deviceSerial: z.string().trim().max(64).optional(),
      from: date('开始日期').optional(),
      to: date('结束日期').optional(),
      annotated: z.boolean().optional(),
      caseId: id.optional(),
      kind: z.enum(['video', 'audio', 'image', 'other']).optional(),
      important: z.boolean().optional(),
      q: z.string().trim().max(100).optional(),
      unannotatedOlderThanDays: z.number().int().min(0).max(3650).optional(),
      includePurged: z.boolean().optional(),
      page,
      pageSize,
    }),
    output: returns<MediaList>(),
  }),
  'media.get': defineOp({ title: '查看音像记录', kind: 'query', access: VIEW, input: z.object({ id }), output: returns<MediaDetail>() }),
  'media.annotate': defineOp({ title: '标注音像记录', kind: 'command', access: HANDLE, input: AnnotationInput.extend({ id }), output: returns<MediaDetail>() }),
  'media.bulkAnnotate': defineOp({
    title: '批量标注音像记录',
    kind: 'command',
    access: HANDLE,
    input: z.object({ ids, patch: AnnotationInput }),
    output: returns<{ updated: number }>(),
  }),
  'media.linkToCase': defineOp({
    title: '关联音像记录到案件',
    kind: 'command',
    access: HANDLE,
    input: z.object({ ids, caseId: id }),
    output: returns<{ linked: number; caseNo: string }>(),
  }),
  'media.unlinkFromCase': defineOp({
    title: '取消音像记录与案件的关联',
    kind: 'command',
    access: ['officer', 'admin', 'head'],
    input: z.object({ id, caseId: id, reason: text('取消关联的原因', 500) }),
    output: returns<{ ok: true }>(),
  }),
  'media.caseFootage': defineOp({ title: '查看案件音像记录', kind: 'query', access: VIEW, input: z.object({ caseId: id }), output: returns<MediaSummary[]>() }),
  'media.caseGaps': defineOp({ title: '检查案件音像记录', kind: 'query', access: VIEW, input: z.object({ caseId: id }), output: returns<CaseAvGaps>() }),
  'media.setCaseMatters': defineOp({
    title: '登记案件音像记录事项',
    kind: 'command',
    access: HANDLE,
    input: z.object({ caseId: id, matters: z.array(z.string().trim().min(1).max(40)).max(20) }),
    output: returns<CaseAvGaps>(),
  }),
  'media.recordNoRecordingReason': defineOp({
    title: '填写无法音像记录说明',
    kind: 'command',
    access: ['officer'],
    input: z.object({ caseId: id, matter: z.string().trim().min(1).max(40), reason: text('无法记录的原因', 1000) }),
    output: returns<CaseAvGaps>(),
  }),
  'media.verify': defineOp({ title: '校验证据库完整性', kind: 'job', access: ['admin', 'auditor'], input: z.object({}), output: returns<VaultVerifyReport>() }),
  'media.verifyStart': defineOp({ title: '开始校验证据库', kind: 'job', access: ['admin', 'auditor'], input: z.object({}), output: returns<VaultVerifyJob>() }),
  'media.verifyStatus': defineOp({ title: '查询证据库校验进度', kind: 'query', access: ['admin', 'auditor'], input: z.object({}), output: returns<VaultVerifyStatus>() }),
  'media.verifyCancel': defineOp({
    title: '取消校验证据库',
    kind: 'job',
    access: ['admin', 'auditor'],
    input: z.object({ jobId: z.string().min(1).max(40) }),
    output: returns<VaultVerifyJob>(),
  }),
  'media.retentionCandidates': defineOp({
    title: '查询到期可清理的音像记录',
    kind: 'query',
    access: ['admin'],
    input: z.object({}),
    output: returns<{ cutoff: string; retentionMonths: number; rows: RetentionCandidate[]; bytes: number }>(),
  }),
  'media.purge': defineOp({
    title: '清理到期音像记录',
    kind: 'job',
    access: ['admin'],
    input: z.object({ ids, confirmCount: z.number().int().min(1) }),
    output: returns<{ purged: number; bytes: number }>(),
  }),
  'media.setHold': defineOp({
    title: '设置音像记录保全',
    kind: 'command',
    access: ['admin', 'head'],
    input: z.object({ ids, hold: z.boolean(), reason: text('原因', 500) }),
    output: returns<{ updated: number }>(),
  }),
  'media.erasePreview': defineOp({
    title: '预览可清除的设备文件',
    kind: 'query',
    access: HANDLE,
    input: z.object({ folder, deviceSerial: serial }),
    output: returns<ErasePreview>(),
  }),
  'media.eraseDevice': defineOp({
    title: '清除设备上已导入的文件',
    kind: 'job',
    access: HANDLE,
    input: z.object({ folder, deviceSerial: serial, confirmCount: z.number().int().min(1) }),
    output: returns<EraseResult>(),
  }),
  'media.avMatters.get': defineOp({ title: '查询音像记录事项清单', kind: 'query', access: 'signed-in', input: z.object({}), output: returns<AvMatter[]>() }),
  'media.avMatters.update': defineOp({
    title: '修改音像记录事项清单',
    kind: 'command',
    access: ['admin'],
    input: z.object({ matters: z.array(AvMatterInput).max(100) }),
    output: returns<AvMatter[]>(),
  }),
  'media.profiles.get': defineOp({ title: '查询记录仪型号配置', kind: 'query', access: HANDLE, input: z.object({}), output: returns<DeviceProfile[]>() }),
  'media.profiles.update': defineOp({
    title: '修改记录仪型号配置',
    kind: 'command',
    access: ['admin'],
    input: z.object({ profiles: z.array(ProfileInput).min(1, '请至少保留一个型号配置').max(50) }),
    output: returns<DeviceProfile[]>(),
  }),
  'media.settings.get': defineOp({ title: '查询音像记录设置', kind: 'query', access: 'signed-in', input: z.object({}), output: returns<MediaSettings>() }),
  'media.settings.update': defineOp({
    title: '修改音像记录设置',
    kind: 'command',
    access: ['admin'],
    input: z.object({
      retentionMonths: z.number().int().min(6, '保存期限不能少于 6 个月').max(600).optional(),
      unannotatedAlertDays: z.number().int().min(1).max(365).optional(),
      proxyMinBitRate: z.number().int().min(1_000_000).max(1_000_000_000).optional(),
      verifyEveryDays: z.number().int().min(0, '天数不能为负数').max(365, '自动校验间隔最多 365 天（填 0 表示不自动校验）').optional(),
    }),
    output: returns<MediaSettings>(),
  }),
  'media.snapshot': defineOp({
    title: '视频截图',
    kind: 'job',
    access: VIEW,
    input: z.object({ id, atMs: z.number().int().min(0) }),
    output: returns<MediaDerivedInfo>(),
  }),
  'media.queue': defineOp({
    title: '查询后台处理队列',
    kind: 'query',
    access: VIEW,
    input: z.object({}),
    output: returns<{ pending: number; current: { mediaId: number; kind: string; fraction: number } | null }>(),
  }),
} as const;
