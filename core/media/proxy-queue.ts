import { rm } from 'node:fs/promises';
import type { AppContext } from '../app.js';
import { hashFile } from '../vault/hash-file.js';
import { parseFfmpegTime, runFfmpeg } from './ffmpeg.js';
import { mediaRepo } from './media-repo.js';
import { makeContactStrip, makeThumbnail, STRIP_MIN_MS } from './thumbnails.js';

/**
 * Background work on originals: thumbnails / contact strips, and H.264/AAC 540p proxies for HEVC or
 * high-bit-rate clips so an old PC can play them. One job at a time, ffmpeg at the lowest priority,
 * never part of the import itself. State lives in `derive_jobs`, so work left by a crash or a quit
 * is picked up again on the next start ('running' rows go back to 'pending'); a job is tried
 * three times before it is marked failed.
 */

const MAX_ATTEMPTS = 3;
const SYSTEM = { userId: null, username: '(系统)' };

interface JobRow {
  id: number;
  mediaId: number;
  kind: 'thumbs' | 'proxy';
  attempts: number;
}

export interface ProxyResult {
  sha256: string;
  size: number;
  /** Seconds of video per second of work. */
  speed: number;
}

/** Transcodes an original to a small H.264/AAC MP4 in the vault's temp folder and commits it. */
export async function makeProxy(
  app: AppContext,
  sha256: string,
  durationMs: number | null,
  opts: { signal?: AbortSignal; threads?: number; onProgress?: (fraction: number) => void } = {},
): Promise<ProxyResult> {
  const tmp = app.vault.tempPath();
  const t0 = Date.now();
  try {
    await runFfmpeg(
      [
        '-v', 'info', '-y', '-i', app.vault.pathOf(sha256),
        '-map', '0:v:0', '-map', '0:a:0?', '-sn', '-dn',
        '-vf', "scale=-2:'min(540,ih)'", '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '26', '-pix_fmt', 'yuv420p',
        '-c:a', 'aac', '-b:a', '96k', '-ac', '2', '-movflags', '+faststart', '-threads', String(opts.threads ?? 2),
        '-f', 'mp4', tmp,
      ],
      {
        signal: opts.signal,
        lowPriority: true,
        timeoutMs: 6 * 3600_000,
        onStderr: (t) => {
          const ms = parseFfmpegTime(t);
          if (ms !== null && durationMs) opts.onProgress?.(Math.min(1, ms / durationMs));
        },
      },
    );
    const secs = (Date.now() - t0) / 1000;
    const { sha256: out, size } = await hashFile(tmp);
    app.vault.commitTemp(tmp, out);
    return { sha256: out, size, speed: durationMs ? durationMs / 1000 / Math.max(secs, 0.001) : 0 };
  } finally {
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}

export class DeriveQueue {
  private running = false;
  private wake: (() => void) | null = null;
  private controller: AbortController | null = null;
  private loop: Promise<void> | null = null;
  /** Progress of the current job (0–1), for status displays. */
  current: { mediaId: number; kind: string; fraction: number } | null = null;

  constructor(private readonly app: AppContext) {}

  /** Resets interrupted jobs and starts working in the background. */
  start(): this {
    if (this.running) return this;
    this.app.db.prepare(`UPDATE derive_jobs SET state = 'pending' WHERE state = 'running'`).run();
    this.running = true;
    this.loop = this.run();
    return this;
  }

  poke(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.controller?.abort();
    this.wake?.();
    await this.loop;
  }

  /** Works through every pending job, then returns (CLI, tests, bench). */
  async runUntilIdle(): Promise<{ done: number; failed: number }> {
    this.app.db.prepare(`UPDATE derive_jobs SET state = 'pending' WHERE state = 'running'`).run();
    let done = 0;
    let failed = 0;
    for (let job = this.claim(); job; job = this.claim()) {
      if (await this.process(job)) done++;
      else failed++;
    }
    return { done, failed };
  }

  pending(): number {
    return (this.app.db.prepare(`SELECT count(*) AS n FROM derive_jobs WHERE state IN ('pending','running')`).get() as { n: number }).n;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const job = this.claim();
      if (!job) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, 30_000).unref();
        });
        this.wake = null;
        continue;
      }
      await this.process(job);
    }
  }

  private claim(): JobRow | null {
    if (!this.app.db.open) return null;
    return (
      (this.app.db
        .prepare(
          `UPDATE derive_jobs SET state = 'running', attempts = attempts + 1, updated_at = ?
           WHERE id = (SELECT id FROM derive_jobs WHERE state = 'pending' ORDER BY kind = 'proxy', id LIMIT 1)
           RETURNING id, media_id AS mediaId, kind, attempts`,
        )
        .get(this.app.now().toISOString()) as JobRow | undefined) ?? null
    );
  }

  private async process(job: JobRow): Promise<boolean> {
    const { app } = this;
    const repo = mediaRepo(app.db);
    const item = repo.get(job.mediaId);
    const setState = (state: string, error: string | null) =>
      app.db.prepare(`UPDATE derive_jobs SET state = ?, error = ?, updated_at = ? WHERE id = ?`).run(state, error, app.now().toISOString(), job.id);
    if (!item || item.purgedAt) {
      setState('done', null);
      return true;
    }
    this.controller = new AbortController();
    this.current = { mediaId: job.mediaId, kind: job.kind, fraction: 0 };
    try {
      const made: { kind: string; sha256: string; size: number }[] = [];
      if (job.kind === 'thumbs') {
        const kind = item.kind === 'image' ? 'image' : 'video';
        made.push({ kind: 'thumbnail', ...(await makeThumbnail(app.vault, item.sha256, kind, item.durationMs, this.controller.signal)) });
        if (kind === 'video' && (item.durationMs ?? 0) >= STRIP_MIN_MS) {
          made.push({ kind: 'strip', ...(await makeContactStrip(app.vault, item.sha256, item.durationMs!, this.controller.signal)) });
        }
      } else {
        const p = await makeProxy(app, item.sha256, item.durationMs, {
          signal: this.controller.signal,
          onProgress: (f) => {
            if (this.current) this.current.fraction = f;
          },
        });
        made.push({ kind: 'proxy', sha256: p.sha256, size: p.size });
      }
      const at = app.now().toISOString();
      app.db.transaction(() => {
        for (const m of made) {
          repo.putObject(m.sha256, m.size, at);
          repo.addDerived(job.mediaId, m.kind, m.sha256, m.size, null, at, null);
        }
        if (job.kind === 'proxy') {
          app.audit.append({ ...SYSTEM, operation: 'media.proxy', objectType: 'media', objectId: job.mediaId,
            summary: { original: item.sha256, proxy: made[0].sha256, size: made[0].size } });
        }
        setState('done', null);
      })();
      return true;
    } catch (e) {
      const aborted = (e as Error).name === 'AbortError';
      const msg = (e as Error).message.slice(0, 500);
      if (app.db.open) setState(aborted || job.attempts < MAX_ATTEMPTS ? 'pending' : 'failed', aborted ? null : msg);
      return false;
    } finally {
      this.controller = null;
      this.current = null;
    }
  }
}

const queues = new WeakMap<AppContext, DeriveQueue>();
/** The one background queue of an open data folder. */
export function deriveQueueFor(app: AppContext): DeriveQueue {
  let q = queues.get(app);
  if (!q) queues.set(app, (q = new DeriveQueue(app)));
  return q;
}
