import { randomBytes } from 'node:crypto';
import type { PublishJobStatus } from '../../shared/disclosure-types.js';
import type { AppContext } from '../app.js';
import { conflict, notFound, UserError } from '../errors.js';
import { runPublish, type Actor } from './publish-run.js';
import type { PublishTarget } from './targets.js';

/**
 * Publishes running in this process (one per target at a time), with live progress for
 * `publish.status` and an AbortController for `publish.cancel`.
 */
export class PublishJobs {
  private readonly jobs = new Map<string, { status: PublishJobStatus; controller: AbortController; done: Promise<void> }>();
  constructor(private readonly app: AppContext) {}

  start(target: PublishTarget, actor: Actor): PublishJobStatus {
    for (const j of this.jobs.values()) {
      if (j.status.state === 'running' && j.status.targetId === target.id) throw conflict(`正在向“${target.name}”发布，请等待当前发布完成。`);
    }
    const jobId = randomBytes(8).toString('hex');
    const controller = new AbortController();
    const status: PublishJobStatus = {
      jobId,
      targetId: target.id ?? 0,
      targetName: target.name,
      state: 'running',
      progress: { phase: 'building', filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0 },
      result: null,
      error: null,
      startedAt: this.app.now().toISOString(),
      finishedAt: null,
    };
    const done = runPublish(this.app, target, actor, { signal: controller.signal, onProgress: (p) => (status.progress = p) })
      .then((r) => {
        status.result = r;
        status.state = 'done';
      })
      .catch((e: unknown) => {
        const err = e instanceof UserError ? e : new UserError('INTERNAL', `发布时程序出错：${(e as Error)?.message ?? e}`);
        status.state = err.code === 'CANCELLED' ? 'cancelled' : 'failed';
        status.error = { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) };
      })
      .finally(() => {
        status.finishedAt = this.app.now().toISOString();
        this.prune();
      });
    this.jobs.set(jobId, { status, controller, done });
    return status;
  }

  get(jobId: string): PublishJobStatus {
    const j = this.jobs.get(jobId);
    if (!j) throw notFound('该发布任务');
    return j.status;
  }

  list(): PublishJobStatus[] {
    return [...this.jobs.values()].map((j) => j.status).reverse();
  }

  cancel(jobId: string): PublishJobStatus {
    const j = this.jobs.get(jobId);
    if (!j) throw notFound('该发布任务');
    j.controller.abort();
    return j.status;
  }

  async wait(jobId: string): Promise<PublishJobStatus> {
    const j = this.jobs.get(jobId);
    if (!j) throw notFound('该发布任务');
    await j.done;
    return j.status;
  }

  private prune(): void {
    const finished = [...this.jobs.entries()].filter(([, j]) => j.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - 20))) this.jobs.delete(id);
  }
}

const registries = new WeakMap<AppContext, PublishJobs>();

export function publishJobsFor(app: AppContext): PublishJobs {
  let j = registries.get(app);
  if (!j) registries.set(app, (j = new PublishJobs(app)));
  return j;
}
