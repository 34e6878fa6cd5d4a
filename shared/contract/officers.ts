import { z } from 'zod';
import { OFFICER_STATUSES } from '../domain.js';
import { defineOp, returns } from './define.js';
import { date, id, optionalText, text } from './fields.js';
import type { Device, Officer, PublicRosterRow } from '../types.js';

export const OfficerInput = z.object({
  name: text('姓名', 20),
  unit: text('所在单位', 60),
  position: optionalText('职务', 40),
  certNo: text('执法证号', 40),
  certValidUntil: date('执法证有效期'),
  category: text('执法类别', 40),
  region: text('执法区域', 60),
  status: z.enum(OFFICER_STATUSES).default('active'),
  phone: optionalText('联系电话', 40),
  officerNo: optionalText('警号/工号', 20),
});

export const DeviceInput = z.object({
  serial: text('设备编号', 64),
  model: optionalText('型号', 60),
  officerId: id.nullable().default(null),
  notes: optionalText('备注', 500),
});

export const officerOps = {
  'officers.list': defineOp({
    title: '查询执法人员',
    kind: 'query',
    access: 'signed-in',
    input: z.object({ status: z.enum(OFFICER_STATUSES).optional(), q: z.string().trim().max(40).optional() }),
    output: returns<Officer[]>(),
  }),
  'officers.create': defineOp({
    title: '新增执法人员',
    kind: 'command',
    access: ['admin'],
    input: OfficerInput,
    output: returns<Officer>(),
  }),
  'officers.update': defineOp({
    title: '修改执法人员',
    kind: 'command',
    access: ['admin'],
    input: OfficerInput.partial().extend({ id }),
    output: returns<Officer>(),
  }),
  'officers.publicRoster': defineOp({
    title: '导出执法人员公示名单',
    kind: 'query',
    access: ['admin', 'publisher', 'head'],
    input: z.object({}),
    output: returns<{ columns: { key: keyof PublicRosterRow; title: string }[]; rows: PublicRosterRow[]; csv: string }>(),
  }),
  'devices.list': defineOp({
    title: '查询执法记录仪',
    kind: 'query',
    access: 'signed-in',
    input: z.object({}),
    output: returns<Device[]>(),
  }),
  'devices.create': defineOp({
    title: '登记执法记录仪',
    kind: 'command',
    access: ['admin'],
    input: DeviceInput,
    output: returns<Device>(),
  }),
  'devices.update': defineOp({
    title: '修改执法记录仪',
    kind: 'command',
    access: ['admin'],
    input: DeviceInput.partial().extend({ id }),
    output: returns<Device>(),
  }),
} as const;
