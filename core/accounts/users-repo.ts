import type { Db } from '../db/connection.js';
import type { Role } from '../../shared/roles.js';
import type { UserInfo } from '../../shared/types.js';

export interface UserRow extends UserInfo {
  passwordHash: string;
  failedLogins: number;
}

const COLUMNS = `id, username, display_name AS displayName, roles, officer_id AS officerId,
  reviewer_qualified AS reviewerQualified, disabled, locked_until AS lockedUntil,
  must_change_password AS mustChangePassword, created_at AS createdAt,
  password_hash AS passwordHash, failed_logins AS failedLogins`;

function toUser(r: Record<string, unknown> | undefined): UserRow | null {
  if (!r) return null;
  return {
    ...(r as unknown as UserRow),
    roles: JSON.parse(r.roles as string) as Role[],
    reviewerQualified: !!r.reviewerQualified,
    disabled: !!r.disabled,
    mustChangePassword: !!r.mustChangePassword,
  };
}

/** Strips secrets before a user leaves the service layer. */
export function publicUser(u: UserRow): UserInfo {
  const { passwordHash: _p, failedLogins: _f, ...rest } = u;
  return rest;
}

export function createUsersRepo(db: Db) {
  const byId = db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
  const byName = db.prepare(`SELECT ${COLUMNS} FROM users WHERE username = ?`);
  const all = db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY id`);
  const count = db.prepare('SELECT count(*) AS n FROM users');
  const insert = db.prepare(
    `INSERT INTO users (username, display_name, roles, password_hash, officer_id, reviewer_qualified, must_change_password, created_at, updated_at)
     VALUES (@username, @displayName, @roles, @passwordHash, @officerId, @reviewerQualified, @mustChangePassword, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE users SET display_name = @displayName, roles = @roles, officer_id = @officerId,
       reviewer_qualified = @reviewerQualified, disabled = @disabled, updated_at = @at WHERE id = @id`,
  );
  const setPassword = db.prepare(
    'UPDATE users SET password_hash = ?, must_change_password = ?, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?',
  );
  const loginFailed = db.prepare('UPDATE users SET failed_logins = ?, locked_until = ?, updated_at = ? WHERE id = ?');
  const loginOk = db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?');

  return {
    get: (id: number) => toUser(byId.get(id) as Record<string, unknown>),
    byUsername: (username: string) => toUser(byName.get(username) as Record<string, unknown>),
    list: () => (all.all() as Record<string, unknown>[]).map((r) => toUser(r)!),
    count: () => (count.get() as { n: number }).n,
    insert(u: {
      username: string;
      displayName: string;
      roles: Role[];
      passwordHash: string;
      officerId: number | null;
      reviewerQualified: boolean;
      mustChangePassword: boolean;
      at: string;
    }): number {
      return Number(
        insert.run({ ...u, roles: JSON.stringify(u.roles), reviewerQualified: +u.reviewerQualified, mustChangePassword: +u.mustChangePassword })
          .lastInsertRowid,
      );
    },
    update(u: UserRow, at: string): void {
      update.run({
        id: u.id,
        displayName: u.displayName,
        roles: JSON.stringify(u.roles),
        officerId: u.officerId,
        reviewerQualified: +u.reviewerQualified,
        disabled: +u.disabled,
        at,
      });
    },
    setPassword: (id: number, hash: string, mustChange: boolean, at: string) => setPassword.run(hash, +mustChange, at, id),
    recordFailedLogin: (id: number, failed: number, lockedUntil: string | null, at: string) =>
      loginFailed.run(failed, lockedUntil, at, id),
    recordLogin: (id: number) => loginOk.run(id),
  };
}
export type UsersRepo = ReturnType<typeof createUsersRepo>;
