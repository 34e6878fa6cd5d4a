// What the signed-in user may do, read from each operation's `access` in the contract,
// so the UI never offers a button the services would refuse.
import { contract, type OpName } from '../../shared/contract/index.js';
import type { Role } from '../../shared/roles.js';
import type { Me } from '../../shared/types.js';

export function can(me: Me | null, op: OpName): boolean {
  if (!me) return false;
  const access = contract[op].access;
  if (access === 'anyone' || access === 'signed-in') return true;
  return access.some((r) => me.user.roles.includes(r));
}

export const hasRole = (me: Me | null, ...roles: Role[]): boolean => !!me && roles.some((r) => me.user.roles.includes(r));

/** Case work (工作台, 案件, 统计) is for everyone except a pure auditor, who reads the audit trail only. */
export const doesCaseWork = (me: Me | null): boolean => hasRole(me, 'officer', 'reviewer', 'head', 'publisher', 'admin');

/** The Chinese title of an operation, for messages and the audit trail. */
export const opTitle = (op: string): string =>
  Object.prototype.hasOwnProperty.call(contract, op) ? contract[op as OpName].title : (EXTRA_OP_TITLES[op] ?? op);

/** Audit operations written by the services that are not contract operations. */
export const EXTRA_OP_TITLES: Record<string, string> = {
  'auth.loginFailed': '登录失败',
  'auth.login': '登录',
  'media.proxy': '生成预览视频',
  'disclosure.fromDecision': '由执法决定生成公示草稿',
  'backup.cancelled': '备份已取消',
  'backup.failed': '备份失败',
  'backup.restore': '从备份恢复',
};
