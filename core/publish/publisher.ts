import { posix } from 'node:path';
import type { PublishProgress } from '../../shared/disclosure-types.js';
import { UserError } from '../errors.js';
import { manifestJson, parseManifest, type Manifest } from '../disclosure/manifest.js';
import { checkRelative, checkRemoteDir } from './remote-paths.js';
import { SftpReleaseFs, type ReleaseFs } from './release-fs.js';
import type { ResumeEntry, ResumeLog } from './resume-log.js';
import { diskFull, openSftp, type SftpTarget } from './sftp-client.js';
import { bytesOf, type PublishSource } from './source.js';

export interface ReleaseOptions {
  keepReleases: number;
  resumeLog: ResumeLog;
  signal?: AbortSignal;
  onProgress?: (p: PublishProgress) => void;
  /** Called as soon as the new release is live (before old releases are cleaned up). */
  onLive?: (r: ReleaseReport) => void;
  /** Parallel file operations in flight (SFTP requests are pipelined). */
  concurrency?: number;
  /** Extra fields for `.manifest.json` (who published, when). */
  meta?: Record<string, unknown>;
}

export interface ReleaseReport {
  release: string;
  switched: boolean;
  files: number;
  uploaded: number;
  linked: number;
  resumed: number;
  deleted: number;
  bytes: number;
  prunedReleases: number;
}

const cancelled = () => new UserError('CANCELLED', '发布已取消，线上网站未受影响；已上传的文件会在下次发布时继续使用。');

/** Runs `fn` over items with at most `n` in flight; stops at the first error. */
async function pool<T>(items: T[], n: number, fn: (t: T) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let next = 0;
  let failed: unknown = null;
  const worker = async () => {
    while (next < items.length && failed === null) {
      if (signal?.aborted) throw cancelled();
      const item = items[next++];
      try {
        await fn(item);
      } catch (e) {
        failed ??= e;
        throw e;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(n, items.length) }, worker));
  if (failed !== null) throw failed;
  const bad = results.find((r) => r.status === 'rejected') as PromiseRejectedResult | undefined;
  if (bad) throw bad.reason;
}

/**
 * Publishes a site as a new release: upload into `releases/<id>/` (unchanged files hard-linked
 * from the live release), write its manifest, then switch `current` in one atomic rename and
 * keep the last N releases. Visitors see the old site or the new one, never half. Nothing
 * changed → nothing sent and no switch. An interrupted publish leaves `current` untouched and
 * the next one resumes from the resume log. Removing old releases happens after the switch and
 * is best effort (what is left is removed by the next publish).
 */
export async function publishRelease(fs: ReleaseFs, src: PublishSource, m: Manifest, o: ReleaseOptions): Promise<ReleaseReport> {
  for (const p of m.files.keys()) checkRelative(p);
  let id = m.release;
  const report: ReleaseReport = { release: id, switched: false, files: m.files.size, uploaded: 0, linked: 0, resumed: 0, deleted: 0, bytes: 0, prunedReleases: 0 };
  const progress: PublishProgress = { phase: 'connecting', filesDone: 0, filesTotal: m.files.size, bytesDone: 0, bytesTotal: 0 };
  let told = 0;
  /** Progress every 25 files or 100 ms (and at each phase change): one call per file would cost more than the link itself. */
  const tell = (force = true) => {
    const now = Date.now();
    if (!force && progress.filesDone % 25 !== 0 && now - told < 100) return;
    told = now;
    o.onProgress?.({ ...progress });
  };
  try {
    if (!(await fs.stat(''))) await fs.mkdir('');
    if (!(await fs.stat('releases'))) await fs.mkdir('releases');
    const link = await fs.readlink('current');
    const prevId = link ? posix.basename(link) : null;
    const prevText = prevId ? await fs.readFile(`releases/${prevId}/.manifest.json`) : null;
    const prev = prevText ? parseManifest(prevText.toString('utf8')) : null;
    if (prev) report.deleted = [...prev.files.keys()].filter((p) => !m.files.has(p)).length;
    if (prevId === id && prev?.sha256 === m.sha256) {
      o.resumeLog.clear();
      return { ...report, deleted: 0 };
    }
    // The live folder's manifest is missing or damaged: never write into the live folder.
    if (prevId === id) id = `${id}-b`;
    report.release = id;
    const dir = `releases/${id}`;
    const sources = linkSources(prev, prevId, o.resumeLog.read(), id);
    const toSend = [...m.files.values()].filter((e) => !sources.has(e.sha256));
    progress.bytesTotal = toSend.reduce((s, e) => s + e.size, 0);
    const free = await fs.freeBytes('');
    if (free !== null && free < progress.bytesTotal + 1024 * 1024) throw diskFull(fs.where);

    const existed = !!(await fs.stat(dir));
    const kept = existed ? await keptFiles(fs, dir, m, o.resumeLog.read().filter((e) => e.release === id)) : new Set<string>();
    if (!existed) await fs.mkdir(dir);
    await makeDirs(fs, dir, [...m.files.keys()], existed);
    progress.phase = 'uploading';
    tell();
    await pool(
      [...m.files.keys()],
      o.concurrency ?? 48,
      async (p) => {
        const entry = m.files.get(p)!;
        const target = `${dir}/${p}`;
        if (kept.has(p)) report.resumed++;
        else if (!(await linkFrom(fs, sources.get(entry.sha256), target, existed))) {
          const data = bytesOf(src, p);
          if (existed) await fs.unlink(target).catch(() => undefined);
          await writeChecked(fs, target, data);
          report.uploaded++;
          report.bytes += entry.size;
          progress.bytesDone += entry.size;
        } else report.linked++;
        o.resumeLog.add({ release: id, path: p, sha256: entry.sha256, size: entry.size });
        progress.filesDone++;
        tell(false);
      },
      o.signal,
    );
    if (o.signal?.aborted) throw cancelled();
    await fs.writeFile(`${dir}/.manifest.json`, Buffer.from(manifestJson(m, o.meta ?? {})));
    progress.phase = 'switching';
    tell();
    await fs.switchCurrent(id);
    report.switched = true;
    o.resumeLog.clear();
    // The release is live: record it before the old releases are cleaned up.
    o.onLive?.(report);
    progress.phase = 'cleaning';
    tell();
  } catch (e) {
    o.resumeLog.flush();
    throw e instanceof UserError ? e : fs.fail(e);
  }
  try {
    report.prunedReleases = await prune(fs, id, o.keepReleases);
  } catch {
    // Best effort once the new release is live: the next publish removes what is left.
  }
  return report;
}

/** sha256 → a path on the server holding that content: the live release, else a file of an interrupted publish. */
function linkSources(prev: Manifest | null, prevId: string | null, log: ResumeEntry[], id: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of log) if (e.release !== id) out.set(e.sha256, `releases/${e.release}/${e.path}`);
  if (prev && prevId) for (const [p, e] of prev.files) out.set(e.sha256, `releases/${prevId}/${p}`);
  return out;
}

/** Files of an interrupted attempt at this same release that are complete (logged, same size on the server). */
async function keptFiles(fs: ReleaseFs, dir: string, m: Manifest, log: ResumeEntry[]): Promise<Set<string>> {
  const sizes = new Map<string, number>();
  const walk = async (rel: string): Promise<void> => {
    for (const e of await fs.list(rel ? `${dir}/${rel}` : dir)) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDir) await walk(p);
      else sizes.set(p, e.size);
    }
  };
  await walk('');
  const kept = new Set<string>();
  for (const e of log) {
    const want = m.files.get(e.path);
    if (want && want.sha256 === e.sha256 && sizes.get(e.path) === want.size) kept.add(e.path);
  }
  return kept;
}

async function makeDirs(fs: ReleaseFs, dir: string, paths: string[], existed: boolean): Promise<void> {
  const dirs = new Set<string>();
  for (const p of paths) {
    const parts = p.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const byDepth = [...dirs].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
  for (const d of byDepth) {
    try {
      await fs.mkdir(`${dir}/${d}`);
    } catch (e) {
      if (!existed || !(await fs.stat(`${dir}/${d}`))?.isDir) throw e;
    }
  }
}

/** Hard-links unchanged content; false when there is no source or the link cannot be made. */
async function linkFrom(fs: ReleaseFs, source: string | undefined, target: string, existed: boolean): Promise<boolean> {
  if (!source) return false;
  if (existed) await fs.unlink(target).catch(() => undefined);
  try {
    return await fs.hardlink(source, target);
  } catch (e) {
    if ((e as { code?: unknown }).code === 'CONNECTION_LOST') throw e;
    return false;
  }
}

/** Writes a file; a generic failure with little free space left is reported as a full disk. */
async function writeChecked(fs: ReleaseFs, rel: string, data: Buffer): Promise<void> {
  try {
    await fs.writeFile(rel, data);
  } catch (e) {
    const free = await fs.freeBytes('').catch(() => null);
    if (free !== null && free < data.length + 64 * 1024) throw diskFull(fs.where);
    throw e;
  }
}

/** Records the release in `releases.json` and removes release folders beyond the last N (and stale partial ones). */
async function prune(fs: ReleaseFs, id: string, keep: number): Promise<number> {
  const text = await fs.readFile('releases.json');
  let history: string[] = [];
  try {
    history = text ? ((JSON.parse(text.toString('utf8')) as { releases?: string[] }).releases ?? []) : [];
  } catch {
    history = [];
  }
  history = [...history.filter((r) => r !== id), id];
  const keepSet = new Set(history.slice(-keep));
  await fs.replaceFile('releases.json', Buffer.from(JSON.stringify({ releases: history.slice(-50) }, null, 1)));
  let pruned = 0;
  for (const e of await fs.list('releases')) {
    if (!e.isDir || keepSet.has(e.name)) continue;
    await removeTree(fs, `releases/${e.name}`);
    pruned++;
  }
  return pruned;
}

async function removeTree(fs: ReleaseFs, rel: string): Promise<void> {
  const entries = await fs.list(rel);
  const files = entries.filter((e) => !e.isDir);
  await pool(files, 48, (f) => fs.unlink(`${rel}/${f.name}`));
  for (const d of entries.filter((e) => e.isDir)) await removeTree(fs, `${rel}/${d.name}`);
  await fs.rmdir(rel);
}

/** Publishes to an SFTP target (SFTP operations only, no remote commands). */
export async function publishSftp(target: SftpTarget, src: PublishSource, m: Manifest, o: ReleaseOptions): Promise<ReleaseReport> {
  const base = checkRemoteDir(target.remoteDir);
  for (const p of m.files.keys()) checkRelative(p);
  const session = await openSftp(target, { signal: o.signal });
  const onAbort = () => session.destroy();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await publishRelease(new SftpReleaseFs(session, base), src, m, o);
  } catch (e) {
    if (o.signal?.aborted) throw cancelled();
    throw e;
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    session.close();
  }
}
