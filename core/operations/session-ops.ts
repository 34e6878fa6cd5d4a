import { checkCreditCode } from '../../shared/logic/check-digits.js';
import { hashPassword, checkPasswordPolicy, verifyPassword } from '../accounts/passwords.js';
import { authenticate } from '../accounts/login.js';
import { publicUser } from '../accounts/users-repo.js';
import { conflict, invalid, UserError } from '../errors.js';
import type { Bureau, Me } from '../../shared/types.js';
import type { AppContext } from '../app.js';
import { currentUser, type Handlers, type OpsWithPrefix } from './context.js';

function checkBureau(b: Bureau): Bureau {
  if (!b.creditCode) return b;
  const cc = checkCreditCode(b.creditCode);
  if (cc.level === 'error') throw invalid(`统一社会信用代码：${cc.message}`, { fields: [{ field: 'creditCode', message: cc.message }] });
  return { ...b, creditCode: cc.normalized };
}

export function me(app: AppContext, userId: number): Me {
  const u = app.repos.users.get(userId);
  const bureau = app.repos.bureau.get();
  if (!u || !bureau) throw new UserError('NOT_SIGNED_IN', '请先登录。');
  return { user: publicUser(u), bureau, idleMinutes: app.settings.get().sessionIdleMinutes };
}

export const sessionHandlers: Handlers<OpsWithPrefix<'setup.' | 'auth.' | 'bureau.'>> = {
  'setup.status': ({ app }) => {
    const b = app.repos.bureau.get();
    return { initialized: !!b && app.repos.users.count() > 0, bureauName: b?.name ?? null };
  },

  'setup.initialize': (ctx, { bureau, admin }) => {
    const { app } = ctx;
    if (app.repos.users.count() > 0) throw conflict('本数据文件夹已经初始化过，不能重复初始化。请直接登录。');
    checkPasswordPolicy(admin.password);
    const at = ctx.nowIso();
    const b = checkBureau(bureau);
    app.repos.bureau.save(b, at);
    const userId = app.repos.users.insert({
      username: admin.username,
      displayName: admin.displayName,
      roles: ['admin'],
      passwordHash: hashPassword(admin.password),
      officerId: null,
      reviewerQualified: false,
      mustChangePassword: false,
      at,
    });
    ctx.audit('bureau', 1, { created: b, admin: admin.username });
    return { userId };
  },

  'auth.login': (ctx, { username, password }) => {
    const { user } = authenticate(ctx.app, username, password);
    const sessionId = ctx.app.sessions.open(user);
    return { sessionId, me: me(ctx.app, user.id) };
  },

  'auth.logout': (ctx) => {
    if (ctx.sessionToken) ctx.app.sessions.close(ctx.sessionToken);
    return { ok: true };
  },

  'auth.me': (ctx) => me(ctx.app, currentUser(ctx).id),

  'auth.changePassword': (ctx, { oldPassword, newPassword }) => {
    const user = currentUser(ctx);
    const u = ctx.app.repos.users.get(user.id)!;
    if (!verifyPassword(oldPassword, u.passwordHash)) throw new UserError('BAD_CREDENTIALS', '原密码不正确。');
    checkPasswordPolicy(newPassword);
    ctx.app.repos.users.setPassword(user.id, hashPassword(newPassword), false, ctx.nowIso());
    ctx.audit('user', user.id, { passwordChanged: true });
    return { ok: true };
  },

  'bureau.get': ({ app }) => app.repos.bureau.get()!,

  'bureau.update': (ctx, input) => {
    const before = ctx.app.repos.bureau.get();
    const b = checkBureau(input);
    ctx.app.repos.bureau.save(b, ctx.nowIso());
    ctx.audit('bureau', 1, { before, after: b });
    return b;
  },
};
