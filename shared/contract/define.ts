import type { z } from 'zod';
import type { Role } from '../roles.js';

/**
 * How an operation touches data:
 * - `query`: reads only;
 * - `command`: a synchronous change, run by the dispatcher inside one transaction and audited;
 * - `job`: asynchronous or long work that manages its own transactions and audit rows.
 */
export type OperationKind = 'query' | 'command' | 'job';

/** Who may call: a list of roles (any one suffices), any signed-in user, or anyone (login, first run). */
export type Access = readonly Role[] | 'signed-in' | 'anyone';

export interface Operation<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  access: Access;
  kind: OperationKind;
  /** Short Chinese name of the action, used in the audit trail and messages. */
  title: string;
  /** Phantom: the result type. Never read at run time. */
  readonly output?: O;
}

/** Declares an operation; `O` is the result type, given as the type argument of `returns<O>()`. */
export function defineOp<I extends z.ZodType, O>(def: {
  input: I;
  access: Access;
  kind: OperationKind;
  title: string;
  output: Returns<O>;
}): Operation<I, O> {
  return { input: def.input, access: def.access, kind: def.kind, title: def.title };
}

/** Type-only marker for an operation's result type. */
export interface Returns<O> {
  readonly __returns?: O;
}
export const returns = <O>(): Returns<O> => ({});
