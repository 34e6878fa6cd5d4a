import { z } from 'zod';
import { defineOp, returns } from './define.js';
import { optionalText, password, text } from './fields.js';
import type { Bureau, Me } from '../types.js';

export const BureauInput = z.object({
  name: text('单位名称', 60),
  unitAbbr: text('单位简称（用于案件编号）', 8),
  creditCode: optionalText('统一社会信用代码', 18),
  websiteName: text('网站名称', 60),
  address: optionalText('地址', 120),
  phone: optionalText('联系电话', 40),
});

export const sessionOps = {
  'setup.status': defineOp({
    title: '查询初始化状态',
    kind: 'query',
    access: 'anyone',
    input: z.object({}),
    output: returns<{ initialized: boolean; bureauName: string | null }>(),
  }),
  'setup.initialize': defineOp({
    title: '初始化单位',
    kind: 'command',
    access: 'anyone',
    input: z.object({
      bureau: BureauInput,
      admin: z.object({
        username: text('管理员账号', 32).regex(/^[A-Za-z0-9_.-]+$/, '账号只能包含字母、数字、下划线、点和减号'),
        displayName: text('管理员姓名', 20),
        password,
      }),
    }),
    output: returns<{ userId: number }>(),
  }),
  'auth.login': defineOp({
    title: '登录',
    kind: 'job',
    access: 'anyone',
    input: z.object({ username: text('账号', 32), password }),
    output: returns<{ sessionId: string; me: Me }>(),
  }),
  'auth.logout': defineOp({
    title: '退出登录',
    kind: 'query',
    access: 'signed-in',
    input: z.object({}),
    output: returns<{ ok: true }>(),
  }),
  'auth.me': defineOp({
    title: '查询当前用户',
    kind: 'query',
    access: 'signed-in',
    input: z.object({}),
    output: returns<Me>(),
  }),
  'auth.changePassword': defineOp({
    title: '修改密码',
    kind: 'command',
    access: 'signed-in',
    input: z.object({ oldPassword: password, newPassword: password }),
    output: returns<{ ok: true }>(),
  }),
  'bureau.get': defineOp({
    title: '查询单位信息',
    kind: 'query',
    access: 'signed-in',
    input: z.object({}),
    output: returns<Bureau>(),
  }),
  'bureau.update': defineOp({
    title: '修改单位信息',
    kind: 'command',
    access: ['admin'],
    input: BureauInput,
    output: returns<Bureau>(),
  }),
} as const;
