import { randomBytes } from 'node:crypto';
import type { AppContext } from '../app.js';
import type { VaultVerifyJob, VaultVerifyReport, VaultVerifyStatus } from '../../shared/media-types.js';
import { notFound } from '../errors.js';
import { auditVerify, lastVerify, verifyVault } from './vault-verify.js';
import { saveVerifyAttempt } from './verify-attempt.js';
import { loadVerifyCheckpoint, saveVerifyCheckpoint } from './verify-checkpoint.js';

interface Starter {
  id: number | null;
  username: string;
  displayName: string;
}

/**
 * The vault check started from the UI or the schedule: one at a time per data folder (a second start
 * joins the running one), live progress by bytes for `media.verifyStatus`, cancellable. A completed
 * check is audited; a cancelled one is not a check and leaves 上次校验 as it was. A failed or
 * cancelled check is remembered, so the schedule retries later rather than at once.
 */
export class VerifyJobs {
  private current: { status: VaultVerifyJob; controller: AbortController; done: Promise<void> } | null = null;
  constructor(private readonly app: AppContext) {}

  /**
   * Starts a check (or returns the running one). With `resumeWithinDays` (the schedule) it goes on
   * from the checkpoint of an interrupted check begun within those days; a check started by a person
   * checks everything. Either way it keeps a checkpoint while it runs, removed once it completes.
   */
  start(by: Starter, opts: { resumeWithinDays?: number } = {}): VaultVerifyJob {
    if (this.current?.status.state === 'running') return this.current.status;
    const resume = opts.resumeWithinDays ? loadVerifyCheckpoint(this.app, opts.resumeWithinDays) : null;
    const totals = this.app.db.prepare(`SELECT count(*) AS n, coalesce(sum(size), 0) AS bytes FROM vault_objects`).get() as { n: number; bytes: number };
    const controller = new AbortController();
    const t0 = Date.now();
    const status: VaultVerifyJob = {
      jobId: randomBytes(8).toString('hex'),
      state: 'running',
      filesDone: resume?.checked ?? 0,
      filesTotal: totals.n,
      bytesDone: resume?.bytes ?? 0,
      bytesTotal: totals.bytes,
      mbPerSec: 0,
      etaSeconds: null,
      report: null,
      error: null,
      startedAt: this.app.now().toISOString(),
      finishedAt: null,
      startedBy: by.displayName,
      scheduled: !!opts.resumeWithinDays,
    };
    let bytesNow = 0;
    const onBytes = (n: number) => {
      status.bytesDone += n;
      bytesNow += n;
      const secs = (Date.now() - t0) / 1000;
      status.mbPerSec = secs > 0.5 ? bytesNow / 1024 / 1024 / secs : 0;
      status.etaSeconds = status.mbPerSec > 0 ? Math.max(0, status.bytesTotal - status.bytesDone) / 1024 / 1024 / status.mbPerSec : null;
    };
    const done = verifyVault(this.app, {
      signal: controller.signal,
      onBytes,
      onProgress: (checked) => (status.filesDone = checked),
      resume,
      onCheckpoint: (c) => saveVerifyCheckpoint(this.app, c),
    })
      .then((r) => {
        status.report = r;
        status.state = 'done';
        status.bytesDone = r.bytes;
        auditVerify(this.app, by, r);
        saveVerifyAttempt(this.app, null);
        saveVerifyCheckpoint(this.app, null);
      })
      .catch((e: Error) => {
        if (e.name === 'AbortError' || controller.signal.aborted) status.state = 'cancelled';
        else {
          status.state = 'failed';
          status.error = `校验时出错：${e.message}`;
        }
        saveVerifyAttempt(this.app, { at: this.app.now().toISOString(), outcome: status.state });
      })
      .finally(() => {
        status.finishedAt = this.app.now().toISOString();
        status.etaSeconds = null;
      });
    this.current = { status, controller, done };
    return status;
  }

  /** Whether a check is running now (the schedule waits for it). */
  running(): boolean {
    return this.current?.status.state === 'running';
  }

  /** The check's progress and the last completed check (the schedule is added by `vaultVerifyStatus`). */
  status(): Omit<VaultVerifyStatus, 'schedule'> {
    const totals = this.app.db.prepare(`SELECT count(*) AS n, coalesce(sum(size), 0) AS bytes FROM vault_objects`).get() as { n: number; bytes: number };
    return { job: this.current?.status ?? null, last: lastVerify(this.app), objects: totals.n, bytes: totals.bytes };
  }

  cancel(jobId: string): VaultVerifyJob {
    if (!this.current || this.current.status.jobId !== jobId) throw notFound('该校验任务');
    this.current.controller.abort();
    return this.current.status;
  }

  /** Waits for a check to end and returns its report (throws if it was cancelled or failed). */
  async wait(jobId: string): Promise<VaultVerifyReport> {
    if (!this.current || this.current.status.jobId !== jobId) throw notFound('该校验任务');
    await this.current.done;
    const s = this.current.status;
    if (!s.report) throw new Error(s.error ?? '校验已取消');
    return s.report;
  }
}

const registries = new WeakMap<AppContext, VerifyJobs>();

export function verifyJobsFor(app: AppContext): VerifyJobs {
  let j = registries.get(app);
  if (!j) registries.set(app, (j = new VerifyJobs(app)));
  return j;
}
