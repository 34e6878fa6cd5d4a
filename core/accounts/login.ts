import type { AppContext } from '../app.js';
import { UserError } from '../errors.js';
import type { SessionUser } from './sessions.js';
import { verifyPassword } from './passwords.js';
import { publicUser } from './users-repo.js';
import type { UserInfo } from '../../shared/types.js';

/**
 * Checks a username and password, with lock-out after repeated failures. Failed attempts are
 * committed (and audited) even though the login fails. Shared by `auth.login` and the CLI.
 */
export function authenticate(app: AppContext, username: string, password: string): { user: SessionUser; info: UserInfo } {
  const { users } = app.repos;
  const settings = app.settings.get();
  const now = app.now();
  const at = now.toISOString();
  const u = users.byUsername(username);
  const audit = (op: string, summary: unknown) =>
    app.audit.append({ userId: u?.id ?? null, username, operation: op, objectType: 'user', objectId: u?.id ?? username, summary });

  if (!u || u.disabled) {
    app.db.transaction(() => audit('auth.loginFailed', { reason: u ? 'disabled' : 'unknown user' }))();
    throw new UserError('BAD_CREDENTIALS', u?.disabled ? '该账号已停用，请联系管理员。' : '账号或密码不正确。');
  }
  if (u.lockedUntil && u.lockedUntil > at) {
    const minutes = Math.ceil((Date.parse(u.lockedUntil) - now.getTime()) / 60_000);
    throw new UserError('ACCOUNT_LOCKED', `密码连续输错 ${settings.failedLoginLimit} 次，账号已锁定，请 ${minutes} 分钟后再试，或请管理员重置密码。`);
  }
  if (!verifyPassword(password, u.passwordHash)) {
    const failed = (u.lockedUntil ? 0 : u.failedLogins) + 1;
    const lock = failed >= settings.failedLoginLimit ? new Date(now.getTime() + settings.lockoutMinutes * 60_000).toISOString() : null;
    app.db.transaction(() => {
      users.recordFailedLogin(u.id, lock ? 0 : failed, lock, at);
      audit('auth.loginFailed', { failed, locked: !!lock });
    })();
    if (lock) {
      throw new UserError('ACCOUNT_LOCKED', `密码连续输错 ${settings.failedLoginLimit} 次，账号已锁定 ${settings.lockoutMinutes} 分钟。如忘记密码，请管理员重置。`);
    }
    const left = settings.failedLoginLimit - failed;
    throw new UserError('BAD_CREDENTIALS', `账号或密码不正确。再输错 ${left} 次账号将被锁定 ${settings.lockoutMinutes} 分钟。`);
  }
  app.db.transaction(() => {
    users.recordLogin(u.id);
    audit('auth.login', {});
  })();
  const user: SessionUser = { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, officerId: u.officerId };
  return { user, info: publicUser({ ...u, failedLogins: 0, lockedUntil: null }) };
}
