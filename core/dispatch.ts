import { ZodError, type ZodType } from 'zod';
import { contract, isOpName, type OpName } from '../shared/contract/index.js';
import { fieldProblems } from '../shared/contract/issue-message.js';
import { fail, ok, type Result } from '../shared/result.js';
import { roleNames } from '../shared/roles.js';
import { todayLocal } from '../shared/logic/calendar.js';
import type { AppContext } from './app.js';
import type { SessionUser } from './accounts/sessions.js';
import { UserError } from './errors.js';
import { handlers } from './operations/index.js';
import type { OpContext } from './operations/context.js';

export interface Caller {
  /** Session token from `auth.login` (IPC and harness). */
  sessionToken?: string | null;
  /** A user already authenticated by the caller (the CLI after checking the password). */
  user?: SessionUser;
}

/** Input fields never written to the audit trail. */
const SECRET_FIELDS = /password|secret|passphrase|privateKey|base64/i;

export function auditSummary(input: unknown): unknown {
  if (!input || typeof input !== 'object') return input;
  if (Array.isArray(input)) return input.map(auditSummary);
  return Object.fromEntries(
    Object.entries(input as Record<string, unknown>).map(([k, v]) => [k, SECRET_FIELDS.test(k) ? '***' : auditSummary(v)]),
  );
}

/**
 * The only place that turns (operation, raw input, caller) into a service call: it checks the
 * session and role, validates the input, runs commands in one transaction with their audit rows,
 * and turns every failure into `{code, message}` with a Chinese message.
 */
export async function dispatch(app: AppContext, opName: string, raw: unknown, caller: Caller = {}): Promise<Result<unknown>> {
  if (!isOpName(opName)) return fail('UNKNOWN_OPERATION', `未知的操作：${opName}`);
  const def = contract[opName];
  try {
    const user = resolveUser(app, opName, def.access, caller);
    const parsed = def.input.safeParse(raw ?? {});
    if (!parsed.success) return invalidInput(parsed.error, def.input);
    const ctx = makeContext(app, opName, user, caller.sessionToken ?? null);
    const handler = handlers[opName] as (c: OpContext, i: unknown) => unknown;
    if (def.kind === 'command') {
      let audited = false;
      const audit = ctx.audit;
      ctx.audit = (t, id, s) => {
        audited = true;
        audit(t, id, s);
      };
      const value = app.db.transaction(() => {
        const v = handler(ctx, parsed.data);
        if (v instanceof Promise) throw new Error(`command ${opName} must be synchronous`);
        if (!audited) audit('operation', opName, auditSummary(parsed.data));
        return v;
      })();
      return ok(value);
    }
    return ok(await handler(ctx, parsed.data));
  } catch (e) {
    return toFailure(e, opName);
  }
}

const PASSWORD_CHANGE_OPS = new Set<string>(['auth.me', 'auth.logout', 'auth.changePassword']);

function resolveUser(app: AppContext, opName: OpName, access: (typeof contract)[OpName]['access'], caller: Caller): SessionUser | null {
  let user: SessionUser | null = caller.user ?? null;
  if (!user && caller.sessionToken) {
    const s = app.sessions.touch(caller.sessionToken);
    if (s === 'expired') {
      if (access === 'anyone') return null;
      throw new UserError('SESSION_EXPIRED', '长时间未操作，已自动退出登录。请重新登录。');
    }
    user = s;
  }
  if (access === 'anyone') return user;
  if (!user) throw new UserError('NOT_SIGNED_IN', '请先登录。');
  if (access !== 'signed-in' && !access.some((r) => user!.roles.includes(r))) {
    throw new UserError('FORBIDDEN', `您没有执行此操作的权限（需要角色：${roleNames(access)}）。`);
  }
  // A signed-in person with an initial (admin-set) password must change it before anything else.
  // The CLI authenticates per command and is exempt: it has no interactive way to change it.
  if (caller.sessionToken && !PASSWORD_CHANGE_OPS.has(opName) && app.repos.users.get(user.id)?.mustChangePassword) {
    throw new UserError('PASSWORD_CHANGE_REQUIRED', '您正在使用管理员设置的初始密码，请先修改密码后再继续。');
  }
  return user;
}

function makeContext(app: AppContext, op: OpName, user: SessionUser | null, sessionToken: string | null): OpContext {
  return {
    app,
    user,
    sessionToken,
    op,
    audit: (objectType, objectId, summary) =>
      app.audit.append({
        userId: user?.id ?? null,
        username: user?.username ?? '(未登录)',
        operation: op,
        objectType,
        objectId,
        summary,
      }),
    nowIso: () => app.now().toISOString(),
    today: () => todayLocal(app.now()),
  };
}

/** The first problem leads the message, naming its field in Chinese; all of them go in `fields`. */
function invalidInput(err: ZodError, schema?: ZodType): Result<never> {
  const fields = fieldProblems(schema, err);
  return fail('INVALID_INPUT', `输入有误：${fields[0]?.message ?? '请检查填写的内容'}`, { fields });
}

function toFailure(e: unknown, op: string): Result<never> {
  if (e instanceof UserError) return fail(e.code, e.message, e.details);
  if (e instanceof ZodError) return invalidInput(e);
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOSPC') return fail('DISK_FULL', '磁盘空间已满，操作未完成，数据未改变。请清理磁盘或更换数据文件夹后重试。');
  if (err?.code === 'SQLITE_BUSY') return fail('BUSY', '数据库正忙（另一项操作正在写入），请稍后重试。');
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_CONSTRAINT')) {
    return fail('CONFLICT', `数据冲突，操作未完成：${err.message}`);
  }
  console.error(`[sanxiang] ${op} failed:`, e);
  return fail('INTERNAL', `程序内部错误，操作未完成，数据未改变。请把这条信息告诉管理员：${err?.message ?? String(e)}`);
}
