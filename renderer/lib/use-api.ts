// Hooks around the API: a query that loads on mount and when its input changes, and a command
// runner that tracks the pending state and reports success and failure with antd messages.
import { App } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, OpName, OpOutput } from '../../shared/contract/index.js';
import type { AppError, Result } from '../../shared/result.js';
import { call } from './api.js';

export interface QueryState<T> {
  data: T | undefined;
  error: AppError | null;
  loading: boolean;
  reload: () => void;
  /** Replaces the data locally (after a command returned the fresh value). */
  setData: (v: T) => void;
}

export function useQuery<K extends OpName>(op: K, input: ApiInput<K>, opts: { skip?: boolean } = {}): QueryState<OpOutput<K>> {
  const [data, setData] = useState<OpOutput<K>>();
  const [error, setError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(!opts.skip);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(input ?? {});
  const inputRef = useRef(input);
  inputRef.current = input;

  useEffect(() => {
    if (opts.skip) return;
    let live = true;
    setLoading(true);
    call(op, inputRef.current).then((r) => {
      if (!live) return;
      if (r.ok) {
        setData(r.value);
        setError(null);
      } else setError(r.error);
      setLoading(false);
    });
    return () => {
      live = false;
    };
  }, [op, key, tick, opts.skip]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload, setData };
}

export interface CommandOptions<T> {
  /** Success message, or a function of the result; omit for none. */
  success?: string | ((value: T) => string);
  /** Do not show the failure as a toast (the caller shows it in place). */
  quietError?: boolean;
}

/** Runs a command; `pending` disables its button meanwhile. Failures show the server's Chinese message. */
export function useCommand<K extends OpName>(op: K) {
  const { message } = App.useApp();
  const [pending, setPending] = useState(false);
  const run = useCallback(
    async (input: ApiInput<K>, opts: CommandOptions<OpOutput<K>> = {}): Promise<Result<OpOutput<K>>> => {
      setPending(true);
      try {
        const r = await call(op, input);
        if (r.ok && opts.success) message.success(typeof opts.success === 'function' ? opts.success(r.value) : opts.success);
        if (!r.ok && !opts.quietError && r.error.code !== 'SESSION_EXPIRED' && r.error.code !== 'NOT_SIGNED_IN') {
          message.error(r.error.message);
        }
        return r;
      } finally {
        setPending(false);
      }
    },
    [op, message],
  );
  return { run, pending };
}
