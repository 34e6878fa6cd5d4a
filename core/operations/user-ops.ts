import { checkPasswordPolicy, hashPassword } from '../accounts/passwords.js';
import { publicUser, type UserRow } from '../accounts/users-repo.js';
import { conflict, invalid, notFound } from '../errors.js';
import type { Handlers, OpContext, OpsWithPrefix } from './context.js';

function loadUser(ctx: OpContext, id: number): UserRow {
  const u = ctx.app.repos.users.get(id);
  if (!u) throw notFound('该用户');
  return u;
}

function checkOfficerLink(ctx: OpContext, officerId: number | null | undefined): void {
  if (officerId != null && !ctx.app.repos.officers.get(officerId)) throw invalid('关联的执法人员不存在。');
}

/** An admin cannot lock everyone out: at least one enabled admin must remain. */
function keepOneAdmin(ctx: OpContext, changed: UserRow): void {
  const stillAdmin = ctx.app.repos.users
    .list()
    .map((u) => (u.id === changed.id ? changed : u))
    .some((u) => !u.disabled && u.roles.includes('admin'));
  if (!stillAdmin) throw conflict('至少需要保留一个启用的管理员账号。');
}

export const userHandlers: Handlers<OpsWithPrefix<'users.'>> = {
  'users.list': ({ app }) => app.repos.users.list().map(publicUser),

  'users.create': (ctx, input) => {
    const { users } = ctx.app.repos;
    if (users.byUsername(input.username)) throw conflict(`账号“${input.username}”已存在，请换一个。`);
    checkPasswordPolicy(input.password);
    checkOfficerLink(ctx, input.officerId);
    const id = users.insert({
      username: input.username,
      displayName: input.displayName,
      roles: [...new Set(input.roles)],
      passwordHash: hashPassword(input.password),
      officerId: input.officerId,
      reviewerQualified: input.reviewerQualified,
      mustChangePassword: true,
      at: ctx.nowIso(),
    });
    const { password: _p, ...summary } = input;
    ctx.audit('user', id, { created: summary });
    return publicUser(users.get(id)!);
  },

  'users.update': (ctx, input) => {
    const before = loadUser(ctx, input.id);
    checkOfficerLink(ctx, input.officerId);
    const after: UserRow = {
      ...before,
      displayName: input.displayName ?? before.displayName,
      roles: input.roles ? [...new Set(input.roles)] : before.roles,
      officerId: input.officerId === undefined ? before.officerId : input.officerId,
      reviewerQualified: input.reviewerQualified ?? before.reviewerQualified,
      disabled: input.disabled ?? before.disabled,
    };
    keepOneAdmin(ctx, after);
    ctx.app.repos.users.update(after, ctx.nowIso());
    // Roles or status changed: the user signs in again so the new rights apply at once.
    ctx.app.sessions.closeUser(after.id);
    ctx.audit('user', after.id, { before: publicUser(before), after: publicUser(after) });
    return publicUser(ctx.app.repos.users.get(after.id)!);
  },

  'users.resetPassword': (ctx, { id, newPassword }) => {
    const u = loadUser(ctx, id);
    checkPasswordPolicy(newPassword);
    ctx.app.repos.users.setPassword(u.id, hashPassword(newPassword), true, ctx.nowIso());
    ctx.app.sessions.closeUser(u.id);
    ctx.audit('user', u.id, { passwordReset: true, unlocked: true });
    return { ok: true };
  },
};
