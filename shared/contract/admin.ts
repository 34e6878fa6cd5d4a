import { z } from 'zod';
import { defineOp, returns } from './define.js';
import { date, page, pageSize } from './fields.js';
import { SETTINGS_PATCH, type Settings } from '../settings.js';
import type { AuditPage, AuditVerify, DashboardSummary } from '../types.js';

const HolidayYearInput = z.object({
  source: z.string().max(200).optional(),
  off: z.array(z.tuple([z.string(), z.string()])),
  work: z.array(z.string()),
});

export const adminOps = {
  'settings.get': defineOp({
    title: '查询设置',
    kind: 'query',
    access: 'signed-in',
    input: z.object({}),
    output: returns<Settings>(),
  }),
  'settings.update': defineOp({
    title: '修改设置',
    kind: 'command',
    access: ['admin'],
    input: SETTINGS_PATCH,
    output: returns<Settings>(),
  }),
  'calendar.get': defineOp({
    title: '查询节假日安排',
    kind: 'query',
    access: 'signed-in',
    input: z.object({}),
    output: returns<{ years: Record<string, z.infer<typeof HolidayYearInput>> }>(),
  }),
  'calendar.setYear': defineOp({
    title: '修改节假日安排',
    kind: 'command',
    access: ['admin'],
    input: z.object({ year: z.number().int().min(2000).max(2100), schedule: HolidayYearInput }),
    output: returns<{ years: Record<string, z.infer<typeof HolidayYearInput>> }>(),
  }),
  'calendar.addWorkdays': defineOp({
    title: '计算工作日',
    kind: 'query',
    access: 'signed-in',
    input: z.object({ date: date('日期'), days: z.number().int().min(-3650).max(3650) }),
    output: returns<{ date: string; covered: boolean }>(),
  }),
  'audit.list': defineOp({
    title: '查询审计记录',
    kind: 'query',
    access: ['auditor', 'admin'],
    input: z.object({
      username: z.string().trim().max(32).optional(),
      operation: z.string().trim().max(64).optional(),
      objectType: z.string().trim().max(32).optional(),
      objectId: z.string().trim().max(64).optional(),
      from: date('开始日期').optional(),
      to: date('结束日期').optional(),
      page,
      pageSize,
    }),
    output: returns<AuditPage>(),
  }),
  'audit.verify': defineOp({
    title: '校验审计链',
    kind: 'query',
    access: ['auditor', 'admin'],
    input: z.object({}),
    output: returns<AuditVerify>(),
  }),
  'audit.export': defineOp({
    title: '导出审计记录',
    kind: 'query',
    access: ['auditor', 'admin'],
    input: z.object({ from: date('开始日期').optional(), to: date('结束日期').optional() }),
    output: returns<{ fileName: string; csv: string; rows: number }>(),
  }),
  'dashboard.summary': defineOp({
    title: '工作台',
    kind: 'query',
    access: 'signed-in',
    input: z.object({}),
    output: returns<DashboardSummary>(),
  }),
} as const;
