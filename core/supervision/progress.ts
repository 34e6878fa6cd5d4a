import type { JobProgress } from '../../shared/supervision-types.js';
import type { AppContext } from '../app.js';
import { UserError } from '../errors.js';

/**
 * Progress and cancellation of a long supervision operation (归档, 备份, 校验) that the UI awaits as
 * one call: the caller names the run with a `progressId` it made up, polls `supervision.progress`
 * with it meanwhile, and may ask `supervision.cancel`. Kept in memory only, per app and per user.
 */
export interface ProgressHandle {
  /** Tells what is happening now; `done`/`total` when the step is countable. */
  report(line: string, done?: number | null, total?: number | null): void;
  signal: AbortSignal;
  /** Throws the cancellation error (with `message`) when the user asked to stop. */
  stopIfCancelled(message: string): void;
  finish(): void;
}

interface Entry {
  userId: number | null;
  state: JobProgress;
  controller: AbortController;
  finishedAt: number | null;
}

const KEEP_FINISHED_MS = 60_000;
const registries = new WeakMap<AppContext, Map<string, Entry>>();

function registry(app: AppContext): Map<string, Entry> {
  let r = registries.get(app);
  if (!r) registries.set(app, (r = new Map()));
  const now = Date.now();
  for (const [id, e] of r) if (e.finishedAt != null && now - e.finishedAt > KEEP_FINISHED_MS) r.delete(id);
  return r;
}

const QUIET: ProgressHandle = {
  report: () => undefined,
  signal: new AbortController().signal,
  stopIfCancelled: () => undefined,
  finish: () => undefined,
};

/** Starts tracking a run (a no-op handle without an id, as for the CLI). */
export function trackProgress(app: AppContext, progressId: string | undefined, userId: number | null, first: string): ProgressHandle {
  if (!progressId) return QUIET;
  const r = registry(app);
  if (r.get(progressId)?.finishedAt === null) throw new UserError('CONFLICT', '同一项操作已在进行中，请等待完成。');
  const entry: Entry = {
    userId,
    state: { line: first, done: null, total: null, cancelRequested: false, finished: false },
    controller: new AbortController(),
    finishedAt: null,
  };
  r.set(progressId, entry);
  return {
    report(line, done = null, total = null) {
      entry.state = { ...entry.state, line, done, total };
    },
    signal: entry.controller.signal,
    stopIfCancelled(message) {
      if (entry.controller.signal.aborted) throw new UserError('CANCELLED', message);
    },
    finish() {
      entry.state = { ...entry.state, finished: true };
      entry.finishedAt = Date.now();
    },
  };
}

/** What a run of this user is doing, or null when unknown (not started yet, or long finished). */
export function progressOf(app: AppContext, progressId: string, userId: number | null): JobProgress | null {
  const e = registry(app).get(progressId);
  return e && e.userId === userId ? e.state : null;
}

/** Asks a run to stop at its next safe point. False when there is no such run (or it has finished). */
export function cancelProgress(app: AppContext, progressId: string, userId: number | null): boolean {
  const e = registry(app).get(progressId);
  if (!e || e.userId !== userId || e.finishedAt != null) return false;
  e.state = { ...e.state, cancelRequested: true, line: '正在取消…' };
  e.controller.abort();
  return true;
}

/** Runs `work` with a progress handle, finishing it however the work ends. */
export async function withProgress<T>(app: AppContext, progressId: string | undefined, userId: number | null, first: string, work: (p: ProgressHandle) => Promise<T>): Promise<T> {
  const p = trackProgress(app, progressId, userId, first);
  try {
    return await work(p);
  } finally {
    p.finish();
  }
}
