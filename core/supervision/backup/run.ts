import { existsSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { formatBytes } from '../../../shared/logic/text.js';
import type { BackupRunResult } from '../../../shared/supervision-types.js';
import type { AppContext } from '../../app.js';
import { UserError } from '../../errors.js';
import { sha256Hex } from '../archive/manifest.js';
import { loadBackupSettings, loadBackupState, saveBackupState } from './backup-settings.js';
import { hashFile } from '../../vault/hash-file.js';
import { copyVerified, hasObject } from './copy.js';
import { backupId, backupName, infoOf, listBackups, objectPath, readManifest, rootOf, sharedVault, type BackupManifest } from './layout.js';
import { acquireTargetLock } from './lock.js';
import { applyRetention } from './retention.js';
import { currentFingerprint, describeCopy, snapshotDatabase, syncFile } from './snapshot.js';
import { explainTargetError } from './target-errors.js';

export interface BackupActor {
  id: number | null;
  username: string;
  displayName: string;
}

export interface BackupRunOptions {
  /** Overrides the target in the settings (CLI --out). */
  target?: string;
  retention?: number;
  /** What is happening; `done`/`total` in bytes while a file is copied or checked. */
  onProgress?: (line: string, done?: number, total?: number) => void;
  /**
   * Stops the run within a few megabytes, also in the middle of a large file (its partial copy is
   * removed; vault objects copied whole before are kept for the next run; earlier backups are untouched).
   */
  signal?: AbortSignal;
}

const CANCELLED = '备份已取消：本次没有写入新的备份，以前的备份不受影响。';

let running = false;

/**
 * One backup run: the database (a consistent snapshot) and the vault objects the target lacks, into
 * `<target>/sanxiang-backup/<id>`, each file verified by hash after writing; then old backups beyond
 * the retention are removed. When nothing was written since the newest backup, the run only checks
 * that backup is still there and reports it ("nothing new"). A failure leaves earlier backups intact.
 */
export async function runBackup(app: AppContext, actor: BackupActor, opts: BackupRunOptions = {}): Promise<BackupRunResult & { unchanged: boolean }> {
  const settings = loadBackupSettings(app);
  const target = opts.target ?? settings.target;
  const startedAt = app.now();
  if (!target) throw new UserError('BACKUP_NO_TARGET', '尚未设置备份位置。请在“设置—备份”中选择第二块硬盘或网络共享上的文件夹。');
  if (running) throw new UserError('BACKUP_BUSY', '另一项备份正在进行，请等它完成后再试。');
  running = true;
  const t0 = performance.now();
  const stopIfCancelled = () => {
    if (opts.signal?.aborted) throw new UserError('CANCELLED', CANCELLED);
  };
  const fail = (e: unknown, id: string | null) => {
    const err = explainTargetError(e, target);
    if (err.code === 'CANCELLED') {
      const summary = { target, message: err.message };
      app.db.transaction(() => app.audit.append({ userId: actor.id, username: actor.username, operation: 'backup.cancelled', objectType: 'backup', objectId: id ?? target, summary }))();
      return err;
    }
    saveBackupState(app, { ...loadBackupState(app), lastRunAt: startedAt.toISOString(), lastOk: false, message: err.message });
    const summary = { target, code: err.code, message: err.message };
    app.db.transaction(() => app.audit.append({ userId: actor.id, username: actor.username, operation: 'backup.failed', objectType: 'backup', objectId: id ?? target, summary }))();
    return err;
  };
  let release: (() => void) | null = null;
  let started: string | null = null;
  try {
    if (!existsSync(target) || !statSync(target).isDirectory()) {
      throw new UserError('BACKUP_TARGET_MISSING', `备份位置“${target}”不存在或无法访问（移动硬盘未插入，或网络共享未连接）。本次备份未进行，以前的备份不受影响。请连接后重试，或在设置中更换备份位置。`);
    }
    const rel = relative(resolve(app.dataDir), resolve(target));
    if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
      throw new UserError('BACKUP_TARGET_INVALID', `备份位置“${target}”在数据文件夹之内，数据所在磁盘损坏时备份会一起丢失。请选择另一块硬盘或网络共享上的文件夹。`);
    }
    const root = rootOf(target);
    await mkdir(sharedVault(root), { recursive: true });
    release = acquireTargetLock(root);
    const latest = listBackups(root)[0];
    const fp = currentFingerprint(app);
    if (latest && fp) {
      const m = readManifest(latest.path);
      const db = join(latest.path, 'sanxiang.db');
      const unchanged = m.source && m.source.size === fp.size && m.source.mtimeMs === fp.mtimeMs && m.audit.head === app.audit.head().hash;
      if (unchanged && existsSync(db) && statSync(db).size === m.db.size) {
        saveBackupState(app, { lastRunAt: startedAt.toISOString(), lastOk: true, lastSuccessAt: startedAt.toISOString(), lastBackupId: m.id, message: `数据没有变化，最新的${backupName(m.id)}仍然有效。` });
        return { ...infoOf(latest.path, m), newObjects: 0, newBytes: 0, removed: [], ms: Math.round(performance.now() - t0), unchanged: true };
      }
    }

    let id = backupId(startedAt);
    for (let n = 2; existsSync(join(root, id)); n++) id = `${backupId(startedAt)}-${n}`;
    started = id;
    app.db.transaction(() =>
      app.audit.append({ userId: actor.id, username: actor.username, operation: 'backup.run', objectType: 'backup', objectId: id, summary: { target, started: startedAt.toISOString() } }),
    )();
    const tmp = join(root, `.tmp-${id}`);
    await rm(tmp, { recursive: true, force: true });
    await mkdir(tmp);
    try {
      const signal = opts.signal;
      /** A step measured in bytes: "正在复制数据库（120 MB / 745 MB）…". */
      const tell = (what: string, done: number, total: number) => opts.onProgress?.(`${what}（${formatBytes(done)} / ${formatBytes(total)}）…`, done, total);
      opts.onProgress?.('正在复制数据库…');
      const dbCopy = join(tmp, 'sanxiang.db');
      const source = await snapshotDatabase(app, dbCopy, { signal, onBytes: (done, total) => tell('正在复制数据库', done, total) });
      stopIfCancelled();
      const desc = describeCopy(dbCopy);
      await syncFile(dbCopy);
      const dbSize = statSync(dbCopy).size;
      let dbChecked = 0;
      opts.onProgress?.('正在校验数据库副本…');
      const dbHash = await hashFile(dbCopy, { signal, onBytes: (n) => tell('正在校验数据库副本', (dbChecked += n), dbSize) });
      stopIfCancelled();

      const vaultRoot = sharedVault(root);
      const missing = desc.vault.filter((o) => !hasObject(objectPath(vaultRoot, o.sha256), o.size));
      const toCopy = missing.reduce((sum, o) => sum + o.size, 0);
      let newObjects = 0;
      let newBytes = 0;
      let copied = 0;
      const damaged: string[] = [];
      for (const [i, o] of missing.entries()) {
        stopIfCancelled();
        const src = app.vault.pathOf(o.sha256);
        if (!existsSync(src)) {
          damaged.push(`${o.sha256}（证据库中缺失）`);
          continue;
        }
        const what = `正在备份证据文件 ${i + 1}/${missing.length}`;
        tell(what, copied, toCopy);
        const r = await copyVerified(src, objectPath(vaultRoot, o.sha256), o.sha256, { signal, onBytes: (n) => tell(what, (copied += n), toCopy) });
        if (!r.ok) damaged.push(`${o.sha256}（证据库中的文件与登记的哈希不符）`);
        newObjects++;
        newBytes += r.size;
      }
      if (damaged.length) {
        throw new UserError('BACKUP_SOURCE_DAMAGED', `证据库中有 ${damaged.length} 个文件缺失或已损坏，备份未完成（以前的备份完好）：${damaged.slice(0, 5).join('；')}。请先运行“sanxiang verify”检查证据库，并从以前的备份恢复这些文件。`, { damaged });
      }
      const list = desc.vault.map((o) => `${o.sha256} ${o.size}\n`).join('');
      await writeFile(join(tmp, 'vault.txt'), list);
      const manifest: BackupManifest = {
        format: 1,
        app: 'sanxiang',
        id,
        createdAt: startedAt.toISOString(),
        createdBy: actor.displayName,
        bureau: desc.bureau,
        schemaVersion: desc.schemaVersion,
        db: { file: 'sanxiang.db', size: dbHash.size, sha256: dbHash.sha256 },
        vault: { list: 'vault.txt', objects: desc.vault.length, bytes: desc.vault.reduce((s, o) => s + o.size, 0), listSha256: sha256Hex(list) },
        audit: desc.audit,
        counts: desc.counts,
        source,
      };
      await writeFile(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2));
      await syncFile(join(tmp, 'vault.txt'));
      await syncFile(join(tmp, 'manifest.json'));
      stopIfCancelled();
      await rename(tmp, join(root, id));
      const removed = await applyRetention(root, opts.retention ?? settings.retention);
      saveBackupState(app, { lastRunAt: startedAt.toISOString(), lastOk: true, lastSuccessAt: startedAt.toISOString(), lastBackupId: id, message: `${backupName(id)}已完成并已校验。` });
      return { ...infoOf(join(root, id), manifest), newObjects, newBytes, removed, ms: Math.round(performance.now() - t0), unchanged: false };
    } catch (e) {
      await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
      // A stop inside a copy or a check (the signal's reason) reads like one between files.
      throw opts.signal?.aborted && e === opts.signal.reason ? new UserError('CANCELLED', CANCELLED) : e;
    }
  } catch (e) {
    throw fail(e, started);
  } finally {
    release?.();
    running = false;
  }
}
