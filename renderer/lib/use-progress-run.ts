// Long supervision operations (归档, 备份, 校验, 导出台账) are one call the UI awaits; meanwhile it polls
// `supervision.progress` with a run name it made up, and may ask `supervision.cancel`.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, OpOutput } from '../../shared/contract/index.js';
import type { AppError, Result } from '../../shared/result.js';
import type { JobProgress } from '../../shared/supervision-types.js';
import { call } from './api.js';

type ProgressOp = 'archive.create' | 'archive.export' | 'archive.verify' | 'backup.run' | 'restore.check' | 'restore.run' | 'ledgers.export';

export interface ProgressRun<K extends ProgressOp> {
  running: boolean;
  progress: JobProgress | null;
  result: OpOutput<K> | null;
  error: AppError | null;
  /** Starts the operation; resolves with its result (or null on failure, kept in `error`). */
  start: (input: Omit<ApiInput<K>, 'progressId'>) => Promise<OpOutput<K> | null>;
  /** The same, resolving with the whole result (for callers that handle the error themselves). */
  run: (input: Omit<ApiInput<K>, 'progressId'>) => Promise<Result<OpOutput<K>>>;
  cancel: () => void;
  reset: () => void;
}

const POLL_MS = 400;

const newRunId = (): string => `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export function useProgressRun<K extends ProgressOp>(op: K): ProgressRun<K> {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [result, setResult] = useState<OpOutput<K> | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const runId = useRef<string | null>(null);
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );

  useEffect(() => {
    if (!running || !runId.current) return;
    const id = runId.current;
    const timer = setInterval(async () => {
      const r = await call('supervision.progress', { progressId: id });
      if (live.current && r.ok && r.value.progress && runId.current === id) setProgress(r.value.progress);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running]);

  const run = useCallback(
    async (input: Omit<ApiInput<K>, 'progressId'>): Promise<Result<OpOutput<K>>> => {
      const id = newRunId();
      runId.current = id;
      setRunning(true);
      setProgress(null);
      setResult(null);
      setError(null);
      const r = await call(op, { ...input, progressId: id } as ApiInput<K>);
      if (!live.current) return r;
      setRunning(false);
      if (r.ok) setResult(r.value);
      else setError(r.error);
      return r;
    },
    [op],
  );

  const start = useCallback(async (input: Omit<ApiInput<K>, 'progressId'>) => {
    const r = await run(input);
    return r.ok ? r.value : null;
  }, [run]);

  const cancel = useCallback(() => {
    const id = runId.current;
    if (!id) return;
    setProgress((p) => (p ? { ...p, cancelRequested: true, line: '正在取消…' } : p));
    void call('supervision.cancel', { progressId: id });
  }, []);

  const reset = useCallback(() => {
    runId.current = null;
    setRunning(false);
    setProgress(null);
    setResult(null);
    setError(null);
  }, []);

  return { running, progress, result, error, start, run, cancel, reset };
}
