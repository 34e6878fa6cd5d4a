import type { AppContext } from '../app.js';
import type { SessionUser } from '../accounts/sessions.js';
import type { OpInput, OpName, OpOutput } from '../../shared/contract/index.js';
import { forbidden } from '../errors.js';
import type { Role } from '../../shared/roles.js';
import { roleNames } from '../../shared/roles.js';

/** What a handler gets: the app, the signed-in user (if any) and an audit helper bound to the operation. */
export interface OpContext {
  app: AppContext;
  user: SessionUser | null;
  sessionToken: string | null;
  op: OpName;
  /** Appends an audit row for this operation (inside the current transaction). */
  audit(objectType: string, objectId: string | number, summary: unknown): void;
  /** ISO timestamp of "now" and the local calendar date. */
  nowIso(): string;
  today(): string;
}

export type Handler<K extends OpName> = (ctx: OpContext, input: OpInput<K>) => OpOutput<K> | Promise<OpOutput<K>>;
export type Handlers<K extends OpName> = { [P in K]: Handler<P> };
/** Operations whose names start with a prefix, e.g. `OpsWithPrefix<'cases.'>`. */
export type OpsWithPrefix<P extends string> = Extract<OpName, `${P}${string}`>;

/** The signed-in user, or an error (for handlers of 'signed-in' operations). */
export function currentUser(ctx: OpContext): SessionUser {
  if (!ctx.user) throw forbidden('请先登录。');
  return ctx.user;
}

export const hasRole = (ctx: OpContext, ...roles: Role[]) => !!ctx.user && roles.some((r) => ctx.user!.roles.includes(r));

export function requireRole(ctx: OpContext, roles: Role[], what: string): void {
  if (!hasRole(ctx, ...roles)) throw forbidden(`只有${roleNames(roles)}可以${what}。`);
}
