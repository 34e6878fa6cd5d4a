// A query re-run every `intervalMs` while `enabled` (live device lists, import progress).
// The next call starts only after the previous one answered, so a slow service is never flooded.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, OpName, OpOutput } from '../../shared/contract/index.js';
import type { AppError } from '../../shared/result.js';
import { call } from './api.js';

export interface PollState<T> {
  data: T | undefined;
  error: AppError | null;
  /** Runs the query now (e.g. right after a command changed what it returns). */
  refresh: () => void;
}

export function usePoll<K extends OpName>(op: K, input: ApiInput<K>, intervalMs: number, enabled = true): PollState<OpOutput<K>> {
  const [data, setData] = useState<OpOutput<K>>();
  const [error, setError] = useState<AppError | null>(null);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(input ?? {});
  const inputRef = useRef(input);
  inputRef.current = input;

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      const r = await call(op, inputRef.current);
      if (!live) return;
      if (r.ok) {
        setData(r.value);
        setError(null);
      } else setError(r.error);
      timer = setTimeout(run, intervalMs);
    };
    void run();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [op, key, intervalMs, enabled, tick]);

  const refresh = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, refresh };
}
