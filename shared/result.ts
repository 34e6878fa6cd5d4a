/** The envelope every operation returns, over IPC, HTTP and the CLI alike. */
export interface AppError {
  /** Stable machine code, e.g. `FORBIDDEN`, `INVALID_INPUT`, `HOST_KEY_MISMATCH`. */
  code: string;
  /** A Chinese sentence a clerk can act on: what happened and what to do. */
  message: string;
  /** Optional structured detail (field errors, numbers) for the UI. */
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
