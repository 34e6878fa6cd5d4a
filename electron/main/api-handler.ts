// What the single `api` IPC channel does, without Electron: check the caller, keep the session
// token on the main side, and hand the call to `dispatch`. `ipc.ts` is the thin Electron wiring.
import type { AppContext } from '../../core/app.js';
import { dispatch } from '../../core/dispatch.js';
import { isOpName } from '../../shared/contract/index.js';
import { fail, type Result } from '../../shared/result.js';
import { isAppUrl } from './urls.js';

/** Who is calling, as the IPC layer sees it. */
export interface ApiCaller {
  /** `webContents.id` of the sender. */
  senderId: number;
  /** URL of the frame that sent the message (null when it has gone). */
  frameUrl: string | null;
  /** The sender is a webContents this shell created (not a devtools page, not a stray window). */
  ours: boolean;
}

export interface ApiHandler {
  handle(caller: ApiCaller, op: unknown, input: unknown): Promise<Result<unknown>>;
  /** The sender's webContents is gone: end its session. */
  forget(senderId: number): void;
  /** Whether a sender currently holds a session (for tests and diagnostics). */
  hasSession(senderId: number): boolean;
}

/**
 * Session tokens live here, one per webContents, and never reach the renderer: a successful
 * `auth.login` is returned with `sessionId: ''`. A compromised page therefore cannot lift the
 * token, and closing the window ends the session.
 */
export function createApiHandler(getApp: () => AppContext | null): ApiHandler {
  const tokens = new Map<number, string>();

  const endSession = (senderId: number) => {
    const token = tokens.get(senderId);
    tokens.delete(senderId);
    if (token) getApp()?.sessions.close(token);
  };

  return {
    async handle(caller, op, input) {
      if (!caller.ours || !isAppUrl(caller.frameUrl)) {
        console.warn(`[sanxiang] refused IPC call from ${caller.frameUrl ?? '(unknown frame)'} (webContents ${caller.senderId})`);
        return fail('FORBIDDEN', '拒绝访问：请求不是来自本程序的界面。');
      }
      if (typeof op !== 'string' || !isOpName(op)) return fail('UNKNOWN_OPERATION', `未知的操作：${String(op)}`);
      const app = getApp();
      if (!app) return fail('NOT_READY', '程序尚未打开数据文件夹，请稍候再试。');

      const result = await dispatch(app, op, input, { sessionToken: tokens.get(caller.senderId) ?? null });

      if (op === 'auth.login' && result.ok) {
        const value = result.value as { sessionId: string } & Record<string, unknown>;
        endSession(caller.senderId);
        tokens.set(caller.senderId, value.sessionId);
        return { ok: true, value: { ...value, sessionId: '' } };
      }
      if (op === 'auth.logout') endSession(caller.senderId);
      else if (!result.ok && result.error.code === 'SESSION_EXPIRED') tokens.delete(caller.senderId);
      return result;
    },
    forget: endSession,
    hasSession: (senderId) => tokens.has(senderId),
  };
}
