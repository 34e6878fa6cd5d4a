import { z } from 'zod';
import { ROLES } from '../roles.js';
import { defineOp, returns } from './define.js';
import { id, password, text } from './fields.js';
import type { UserInfo } from '../types.js';

const roles = z.array(z.enum(ROLES)).min(1, '请至少选择一个角色');

export const userOps = {
  'users.list': defineOp({
    title: '查询用户',
    kind: 'query',
    access: ['admin'],
    input: z.object({}),
    output: returns<UserInfo[]>(),
  }),
  'users.create': defineOp({
    title: '新建用户',
    kind: 'command',
    access: ['admin'],
    input: z.object({
      username: text('账号', 32).regex(/^[A-Za-z0-9_.-]+$/, '账号只能包含字母、数字、下划线、点和减号'),
      displayName: text('姓名', 20),
      roles,
      password,
      officerId: id.nullable().default(null),
      reviewerQualified: z.boolean().default(false),
    }),
    output: returns<UserInfo>(),
  }),
  'users.update': defineOp({
    title: '修改用户',
    kind: 'command',
    access: ['admin'],
    input: z.object({
      id,
      displayName: text('姓名', 20).optional(),
      roles: roles.optional(),
      officerId: id.nullable().optional(),
      reviewerQualified: z.boolean().optional(),
      disabled: z.boolean().optional(),
    }),
    output: returns<UserInfo>(),
  }),
  'users.resetPassword': defineOp({
    title: '重置密码',
    kind: 'command',
    access: ['admin'],
    input: z.object({ id, newPassword: password }),
    output: returns<{ ok: true }>(),
  }),
} as const;
