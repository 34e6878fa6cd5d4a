import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { AppContext } from '../app.js';
import type { DetectedDevice, IngestJobStatus } from '../../shared/media-types.js';
import { conflict, notFound, UserError } from '../errors.js';
import { mediaRepo } from '../media/media-repo.js';
import { deriveQueueFor } from '../media/proxy-queue.js';
import { DeviceDetector, type RecorderVolume } from './device-detect.js';
import { getProfiles } from './device-profiles.js';
import { offload, scanDevice, type OffloadOptions } from './offload.js';
import type { Actor } from './register.js';

/**
 * Imports running in this process (one per device at a time, several devices in parallel), with
 * their live progress for `media.ingestStatus` and an AbortController for `media.cancelIngest`.
 * The import itself is async I/O (reads, hashing, writes in the thread pool), so the UI stays responsive.
 */
export class IngestJobs {
  private readonly jobs = new Map<string, { status: IngestJobStatus; controller: AbortController; done: Promise<void> }>();
  constructor(private readonly app: AppContext) {}

  start(o: Omit<OffloadOptions, 'signal' | 'onProgress'>): IngestJobStatus {
    const folder = resolve(o.folder);
    for (const j of this.jobs.values()) {
      if (j.status.state === 'running' && j.status.folder === folder) throw conflict('该设备正在导入，请等待当前导入完成。');
    }
    const jobId = randomBytes(8).toString('hex');
    const controller = new AbortController();
    const status: IngestJobStatus = {
      jobId,
      folder,
      state: 'running',
      progress: { phase: 'scanning', filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0, mbPerSec: 0, etaSeconds: null, currentFiles: [] },
      result: null,
      error: null,
      startedAt: this.app.now().toISOString(),
      finishedAt: null,
    };
    const queue = deriveQueueFor(this.app);
    const done = offload(this.app, {
      ...o,
      folder,
      signal: controller.signal,
      onProgress: (p) => (status.progress = p),
      onQueued: () => queue.start().poke(),
    })
      .then((r) => {
        status.result = r;
        status.state = r.cancelled ? 'cancelled' : 'done';
      })
      .catch((e: unknown) => {
        const code = e instanceof UserError ? e.code : 'INTERNAL';
        status.state = code === 'DEVICE_DISCONNECTED' ? 'disconnected' : 'failed';
        status.error = { code, message: e instanceof UserError ? e.message : `导入时程序出错：${(e as Error)?.message ?? e}` };
        const partial = (e as UserError)?.details as { result?: IngestJobStatus['result'] } | undefined;
        status.result = partial?.result ?? null;
      })
      .finally(() => {
        status.finishedAt = this.app.now().toISOString();
        this.prune();
      });
    this.jobs.set(jobId, { status, controller, done });
    return status;
  }

  get(jobId: string): IngestJobStatus {
    const j = this.jobs.get(jobId);
    if (!j) throw notFound('该导入任务');
    return j.status;
  }

  list(): IngestJobStatus[] {
    return [...this.jobs.values()].map((j) => j.status).reverse();
  }

  cancel(jobId: string): IngestJobStatus {
    const j = this.jobs.get(jobId);
    if (!j) throw notFound('该导入任务');
    j.controller.abort();
    return j.status;
  }

  /** Waits for a job to end (tests, shutdown). */
  async wait(jobId: string): Promise<IngestJobStatus> {
    const j = this.jobs.get(jobId);
    if (!j) throw notFound('该导入任务');
    await j.done;
    return j.status;
  }

  private prune(): void {
    const finished = [...this.jobs.entries()].filter(([, j]) => j.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - 20))) this.jobs.delete(id);
  }
}

const registries = new WeakMap<AppContext, { jobs: IngestJobs; detector: DeviceDetector | null }>();

function entry(app: AppContext) {
  let e = registries.get(app);
  if (!e) registries.set(app, (e = { jobs: new IngestJobs(app), detector: null }));
  return e;
}

export const ingestJobsFor = (app: AppContext) => entry(app).jobs;

/** The volume poller of this process, started on first use (the desktop shell may also subscribe to its events). */
export async function deviceDetectorFor(app: AppContext): Promise<DeviceDetector> {
  const e = entry(app);
  if (!e.detector) {
    e.detector = new DeviceDetector({ profiles: () => getProfiles(app) }).start();
    await e.detector.poll();
  }
  return e.detector;
}

/** Stops the poller of this data folder (on close). */
export function stopDeviceDetector(app: AppContext): void {
  registries.get(app)?.detector?.stop();
}

/** A detected recorder, with its officer and the count of files not yet offloaded. */
export async function describeDevice(app: AppContext, v: RecorderVolume, actor: Actor): Promise<DetectedDevice> {
  const { rc, files } = await scanDevice(app, { actor, profileId: v.profile.id }, v.volume);
  const repo = mediaRepo(app.db);
  const fresh = files.filter((f) => f.size > 0 && repo.knownSource(rc.deviceKey, f.rel, f.size, f.mtimeMs) === null);
  const officerId = rc.deviceOfficerId;
  const officer = officerId ? app.repos.officers.get(officerId) : null;
  return {
    volume: v.volume,
    deviceKey: rc.deviceKey,
    profileId: v.profile.id,
    profileName: v.profile.name,
    identity: v.identity,
    serial: rc.deviceSerial,
    model: rc.deviceModel,
    officerNo: v.identity?.officerNo ?? '',
    officer: officer ? { id: officer.id, name: officer.name } : null,
    attachedAt: v.attachedAt.toISOString(),
    newFiles: fresh.length,
    newBytes: fresh.reduce((s, f) => s + f.size, 0),
  };
}
