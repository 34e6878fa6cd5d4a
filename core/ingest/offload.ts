import { existsSync, statSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { AppContext } from '../app.js';
import type { IngestItem, IngestProgress, IngestResult, MediaFacts } from '../../shared/media-types.js';
import { UserError } from '../errors.js';
import { mediaRepo } from '../media/media-repo.js';
import { kindOfExt, probeFile, ProbeError } from '../media/probe.js';
import { CopyError, stageCopy, type CopyIo } from './copy-verify.js';
import { compileProfile, findProfile, getProfiles } from './device-profiles.js';
import { allExtensions, listFootage, readIdentity, recogniseFolder, recogniseVolume, type FootageFile, type Recognition } from './device-scan.js';
import { registerCopied, type Actor, type RunContext } from './register.js';

export const GIB = 1024 ** 3;

export interface OffloadOptions {
  /** The recorder's root, or any folder chosen by hand. */
  folder: string;
  /** Device serial when the folder does not say (sanxiang ingest --device). */
  deviceSerial?: string;
  profileId?: string;
  actor: Actor;
  signal?: AbortSignal;
  onProgress?: (p: IngestProgress) => void;
  /** Called after each file is registered (tests simulate an unplug here). */
  onFileDone?: (item: IngestItem) => void | Promise<void>;
  /** Wakes the background thumbnail/proxy queue when new work was queued. */
  onQueued?: () => void;
  io?: CopyIo;
  statfs?: (path: string) => Promise<{ bavail: number | bigint; bsize: number | bigint }>;
  /** Space kept free on the vault disk (default 1 GiB). */
  marginBytes?: number;
  /** Files copied at once (tests). By default this follows the source's speed (see filesInFlightAfter). */
  filesInFlight?: number;
}

export const fmtBytes = (n: number) =>
  n >= GIB ? `${(n / GIB).toFixed(2)} GB` : n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(1)} MB` : `${Math.max(0, Math.round(n / 1024))} KB`;

/** The device behind a folder (identity file, profile, serial, assigned officer) and its footage. */
export async function scanDevice(
  app: AppContext,
  o: Pick<OffloadOptions, 'deviceSerial' | 'profileId' | 'actor'>,
  folder: string,
): Promise<{ rc: RunContext; files: FootageFile[] }> {
  const profiles = getProfiles(app);
  const chosen = findProfile(profiles, o.profileId);
  let rec: Recognition | null = null;
  if (chosen) {
    const id = await readIdentity(folder, chosen);
    rec = { profile: chosen, identity: id?.identity ?? null, identityFile: id?.file ?? null };
  } else rec = await recogniseVolume(folder, profiles);
  let files: FootageFile[];
  if (rec) {
    files = await listFootage(folder, rec.profile);
  } else {
    files = await listFootage(folder, { ...profiles[0], folders: [] }, allExtensions(profiles));
    rec = await recogniseFolder(folder, profiles, files);
  }
  const serial = o.deviceSerial?.trim() || rec.identity?.serial || '';
  const device = serial ? app.repos.devices.bySerial(serial) : null;
  const officersByNo = new Map(app.repos.officers.list().filter((x) => x.officerNo).map((x) => [x.officerNo, x.id]));
  const identityOfficer = rec.identity?.officerNo ? officersByNo.get(rec.identity.officerNo) ?? null : null;
  return {
    files,
    rc: {
      deviceKey: serial ? `serial:${serial}` : `folder:${folder}`,
      deviceSerial: serial,
      deviceModel: device?.model || rec.identity?.model || '',
      identity: rec.identity,
      profile: compileProfile(rec.profile),
      fallback: profiles.filter((p) => p.id !== rec!.profile.id).map(compileProfile),
      folder,
      actor: o.actor,
      officersByNo,
      deviceOfficerId: device?.officerId ?? identityOfficer,
    },
  };
}

/**
 * Offloads a recorder (or a folder) into the vault: lists footage by the model profile, skips files
 * already offloaded (device + path + size + mtime, then by hash), checks free space, copies the rest
 * them (read once: hash + write + fsync + size check + rename), probes each copy and registers it
 * only after the rename. Probing and registering file N overlaps with copying the next files. A
 * recorder is read one file at a time; a fast source two at a time (see filesInFlightAfter).
 *
 * Stops with DEVICE_DISCONNECTED ("设备已断开，已导入 N 个文件，重新插入后将继续") when the recorder goes
 * away and DISK_FULL when the vault disk fills; unreadable or empty files are listed in `failed` and
 * the rest continues. A truncated MP4 is still evidence: it is copied as is and listed in `warnings`.
 */
export async function offload(app: AppContext, o: OffloadOptions): Promise<IngestResult> {
  const t0 = Date.now();
  const folder = resolve(o.folder);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UserError('FOLDER_NOT_FOUND', `找不到文件夹 ${folder}。如果是执法记录仪，请检查是否已连接并解锁。`);
  }
  const repo = mediaRepo(app.db);
  const { rc, files } = await scanDevice(app, o, folder);
  const runId = repo.startRun(rc.deviceKey, rc.deviceSerial, folder, app.now().toISOString(), o.actor.id, o.actor.username);
  const result: IngestResult = {
    runId, deviceKey: rc.deviceKey, deviceSerial: rc.deviceSerial, copied: 0, duplicates: 0, skipped: 0,
    failed: [], warnings: [], bytes: 0, items: [], cancelled: false, durationMs: 0,
  };
  const todo: FootageFile[] = [];
  for (const f of files) {
    if (f.size === 0) result.failed.push({ path: f.rel, reason: '文件为空（0 字节），可能录制未完成，未导入' });
    else if (repo.knownSource(rc.deviceKey, f.rel, f.size, f.mtimeMs) !== null) result.skipped++;
    else todo.push(f);
  }
  const progress: IngestProgress = {
    phase: 'copying', filesDone: 0, filesTotal: todo.length, bytesDone: 0,
    bytesTotal: todo.reduce((s, f) => s + f.size, 0), mbPerSec: 0, etaSeconds: null, currentFiles: [],
  };
  const finishRun = (state: string, message = '') =>
    app.db.transaction(() => {
      repo.finishRun({ id: runId, state, copied: result.copied, duplicates: result.duplicates, skipped: result.skipped,
        failed: result.failed.length, bytes: result.bytes, message, at: app.now().toISOString() });
      app.audit.append({ userId: o.actor.id, username: o.actor.username, operation: 'media.ingest', objectType: 'ingest', objectId: runId,
        summary: { state, folder, device: rc.deviceKey, copied: result.copied, duplicates: result.duplicates, skipped: result.skipped,
          failed: result.failed, warnings: result.warnings.length, bytes: result.bytes, message } });
    })();

  try {
    await checkSpace(app, o, progress.bytesTotal);
  } catch (e) {
    finishRun('failed', (e as Error).message);
    throw e;
  }

  const started = Date.now();
  const tick = () => {
    const secs = (Date.now() - started) / 1000;
    progress.mbPerSec = secs > 0 ? Math.round((progress.bytesDone / 1024 ** 2 / secs) * 10) / 10 : 0;
    const rate = secs > 0.5 ? progress.bytesDone / secs : 0;
    progress.etaSeconds = rate > 0 ? Math.round((progress.bytesTotal - progress.bytesDone) / rate) : null;
    o.onProgress?.({ ...progress });
  };
  let finishing: Promise<void> = Promise.resolve();
  let queued = false;
  const finish = async (f: FootageFile, copy: { sha256: string; size: number }) => {
    let facts: MediaFacts | null = null;
    let probeError: string | null = null;
    if (kindOfExt(extname(f.rel).slice(1)) !== 'other') {
      try {
        facts = await probeFile(app.vault.pathOf(copy.sha256));
      } catch (e) {
        probeError = e instanceof ProbeError ? e.message : `无法读取音视频信息：${(e as Error).message}`;
      }
    }
    const r = registerCopied(app, rc, f, copy, facts, probeError);
    const item: IngestItem = { source: f.rel, sha256: copy.sha256, size: copy.size, mediaId: r.mediaId, duplicate: r.duplicate };
    result.items.push(item);
    if (r.duplicate) result.duplicates++;
    else {
      result.copied++;
      queued = true;
    }
    if (probeError && !r.duplicate) result.warnings.push({ path: f.rel, reason: probeError, mediaId: r.mediaId });
    await o.onFileDone?.(item);
  };

  let stop: { state: string; error: UserError | null } | null = null;
  let finishError: unknown = null;
  // Stops the other file in flight when the device goes away or the disk fills.
  const halt = new AbortController();
  const signal = o.signal ? AbortSignal.any([o.signal, halt.signal]) : halt.signal;
  const stopWith = (state: string, error: UserError | null) => {
    stop ??= { state, error };
    halt.abort();
  };
  // fsync + rename + probe + register run in file order, while the next files are read.
  let unfinished = 0;
  // Files that failed to read: if the device then turns out to be unplugged, that was the cause.
  const readFailures = new Set<string>();
  let filesInFlight = o.filesInFlight ?? 1;
  const copyOne = async (f: FootageFile) => {
    progress.currentFiles = [...progress.currentFiles, f.rel];
    tick();
    let done = 0;
    try {
      const staged = await stageCopy(app.vault, f.abs, {
        io: o.io,
        signal,
        deviceRoot: folder,
        onBytes: (n) => {
          done += n;
          progress.bytesDone += n;
          tick();
        },
      });
      filesInFlight = o.filesInFlight ?? filesInFlightAfter(staged, filesInFlight);
      result.bytes += staged.size;
      unfinished++;
      finishing = finishing
        .then(async () => {
          if (finishError) return staged.discard();
          await finish(f, await staged.commit());
        })
        .catch((err: unknown) => {
          finishError ??= err;
          halt.abort();
        })
        .finally(() => unfinished--);
      progress.filesDone++;
    } catch (e) {
      progress.bytesDone -= done;
      progress.bytesTotal -= f.size;
      if (!(e instanceof CopyError)) throw e;
      if (e.code === 'CANCELLED') {
        if (o.signal?.aborted) stopWith('cancelled', null);
      } else if (e.code === 'DEVICE_DISCONNECTED' || !existsSync(folder)) {
        stopWith('disconnected', e);
      } else if (e.code === 'DISK_FULL' || e.code === 'VAULT_WRITE_FAILED') {
        stopWith('failed', e);
      } else if (!stop) {
        // (Once the run has stopped, a read error of the other file in flight is part of that stop.)
        result.failed.push({ path: f.rel, reason: e.message });
        if (e.code === 'SOURCE_IO' || e.code === 'SOURCE_VANISHED') readFailures.add(f.rel);
        progress.filesDone++;
      }
    } finally {
      progress.currentFiles = progress.currentFiles.filter((x) => x !== f.rel);
    }
  };
  const active = new Set<Promise<void>>();
  try {
    for (const f of todo) {
      while (active.size >= filesInFlight) await Promise.race(active);
      if (unfinished > 2) await finishing;
      if (stop || finishError) break;
      if (o.signal?.aborted) {
        stopWith('cancelled', null);
        break;
      }
      const copying: Promise<void> = copyOne(f)
        .catch((e: unknown) => {
          finishError ??= e;
          halt.abort();
        })
        .finally(() => active.delete(copying));
      active.add(copying);
    }
  } catch (e) {
    finishError ??= e;
    halt.abort();
  }
  await Promise.all([...active]);
  await finishing;
  if (finishError instanceof CopyError && (finishError.code === 'DISK_FULL' || finishError.code === 'VAULT_WRITE_FAILED')) {
    stop = { state: 'failed', error: finishError };
  } else if (finishError) {
    finishRun('failed', (finishError as Error).message);
    throw finishError;
  }
  if (queued) o.onQueued?.();
  progress.phase = 'done';
  progress.currentFiles = [];
  tick();
  result.durationMs = Date.now() - t0;
  const imported = result.copied + result.duplicates;
  if (stop?.state === 'cancelled') {
    result.cancelled = true;
    finishRun('cancelled', `已取消，已导入 ${imported} 个文件`);
    return result;
  }
  if (stop?.state === 'disconnected') {
    // Not broken files: the recorder went away while they were read. They are copied when it is back.
    result.failed = result.failed.filter((x) => !readFailures.has(x.path));
    const message = `设备已断开，已导入 ${imported} 个文件，重新插入后将继续`;
    finishRun('disconnected', message);
    throw new UserError('DEVICE_DISCONNECTED', message, { imported, result });
  }
  if (stop?.error) {
    const code = stop.error.code;
    const message =
      code === 'DISK_FULL'
        ? `证据库所在磁盘已满，已导入 ${imported} 个文件，正在复制的文件未导入。请清理磁盘或更换数据文件夹后重新导入，已导入的文件不会重复复制。`
        : `${stop.error.message}已导入 ${imported} 个文件。`;
    finishRun('failed', message);
    throw new UserError(code, message, { imported, result });
  }
  finishRun('done');
  return result;
}

/**
 * How many files to copy at once, decided again after every file by how fast the source delivered
 * it. A recorder on USB (at most about 400 MB/s on USB 3.0, 30–40 MB/s on USB 2.0) is the limit of
 * its own import and is read one file at a time, which is the fastest way to read it. A faster
 * source (a local disk or SSD) leaves hashing (one core per file) and vault writes as the limit, so
 * two files are copied at once, each hashed on its own core. Small files say too little to decide.
 */
export function filesInFlightAfter(s: { size: number; readMs: number }, current: number): number {
  if (s.size < 32 * 1024 ** 2) return current;
  return s.size / Math.max(s.readMs, 1) > FAST_SOURCE_BYTES_PER_MS ? 2 : 1;
}
const FAST_SOURCE_BYTES_PER_MS = 600 * 1000; // 600 MB/s

/** Refuses to start when the vault disk lacks the bytes to copy plus a margin. */
async function checkSpace(app: AppContext, o: OffloadOptions, needed: number): Promise<void> {
  if (needed === 0) return;
  const margin = o.marginBytes ?? GIB;
  const s = await (o.statfs ?? statfs)(app.vault.root);
  const free = Number(s.bavail) * Number(s.bsize);
  if (needed + margin > free) {
    throw new UserError(
      'DISK_SPACE_LOW',
      `证据库所在磁盘空间不足：本次需要 ${fmtBytes(needed)}，另需保留 ${fmtBytes(margin)}，当前可用 ${fmtBytes(free)}。请清理磁盘或更换数据文件夹后再导入。`,
      { needed, free, margin },
    );
  }
}
