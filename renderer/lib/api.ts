// The one way the UI talks to the services. In Electron the preload installs `window.api`
// (the session lives in the main process); in the browser harness we POST to /api/<op> with
// the session id in a header. Both return the same Result envelope.
import { OP_NAMES, type Api, type ApiInput, type OpName, type OpOutput } from '../../shared/contract/index.js';
import type { AppError, Result } from '../../shared/result.js';
import { clearSessionId, getSessionId, setSessionId } from './session.js';

export const NETWORK_MESSAGE = '无法连接到工作站服务，请确认程序仍在运行';
const SESSION_CODES = new Set(['SESSION_EXPIRED', 'NOT_SIGNED_IN']);

type AnyCall = (input: unknown) => Promise<Result<unknown>>;

const networkFailure = (): Result<never> => ({ ok: false, error: { code: 'NETWORK', message: NETWORK_MESSAGE } });

function isResult(v: unknown): v is Result<unknown> {
  return !!v && typeof v === 'object' && typeof (v as { ok?: unknown }).ok === 'boolean';
}

async function post(op: OpName, input: unknown): Promise<Result<unknown>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const session = getSessionId();
  if (session) headers['x-sanxiang-session'] = session;
  let res: Response;
  try {
    res = await fetch(`/api/${encodeURIComponent(op)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers,
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return networkFailure();
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    // The harness answers 401/403 as plain text when the page's access token is gone.
    if (res.status === 401 || res.status === 403) {
      return { ok: false, error: { code: 'NETWORK', message: '访问令牌已失效，请使用 sanxiang serve 打印的完整地址重新打开。' } };
    }
    return networkFailure();
  }
  return isResult(body) ? body : networkFailure();
}

/** The HTTP client over the harness, built from the operation list. */
function createHttpTransport(): Record<OpName, AnyCall> {
  const calls = {} as Record<OpName, AnyCall>;
  for (const op of OP_NAMES) calls[op] = (input) => post(op, input);
  return calls;
}

function transport(): Record<OpName, AnyCall> {
  const bridged = typeof window !== 'undefined' ? window.api : undefined;
  return (bridged as unknown as Record<OpName, AnyCall> | undefined) ?? createHttpTransport();
}

// ---------------------------------------------------------------- session events

type SessionListener = (error: AppError) => void;
const sessionListeners = new Set<SessionListener>();
let lastCallAt = Date.now();

/** Called when any operation answers SESSION_EXPIRED / NOT_SIGNED_IN. Returns an unsubscribe function. */
export function onSessionLost(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

/** When the last call reached the services (each call refreshes the server-side idle timer). */
export const lastApiCallAt = (): number => lastCallAt;

/** True when running inside the desktop shell (session kept by the main process). */
export const isDesktop = (): boolean => typeof window !== 'undefined' && !!window.api;

function wrap(raw: Record<OpName, AnyCall>): Api {
  const api = {} as Record<OpName, AnyCall>;
  for (const op of OP_NAMES) {
    api[op] = async (input) => {
      let result: Result<unknown>;
      try {
        result = await raw[op](input ?? {});
      } catch {
        result = networkFailure();
      }
      if (!isResult(result)) result = networkFailure();
      if (result.ok) {
        lastCallAt = Date.now();
        if (op === 'auth.login') setSessionId((result.value as { sessionId: string }).sessionId);
        if (op === 'auth.logout') clearSessionId();
      } else if (SESSION_CODES.has(result.error.code)) {
        clearSessionId();
        for (const l of sessionListeners) l(result.error);
      } else if (result.error.code !== 'NETWORK') {
        lastCallAt = Date.now();
      }
      return result;
    };
  }
  return api as unknown as Api;
}

export const api: Api = wrap(transport());

/** Typed call by name, for generic hooks. */
export function call<K extends OpName>(op: K, input: ApiInput<K>): Promise<Result<OpOutput<K>>> {
  return (api[op] as (i: ApiInput<K>) => Promise<Result<OpOutput<K>>>)(input);
}

/** Whether the harness has a stored session (Electron always asks the main process). */
export const hasStoredSession = (): boolean => isDesktop() || !!getSessionId();
