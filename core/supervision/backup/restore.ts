import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArchiveProblem, RestoreResult } from '../../../shared/supervision-types.js';
import { openApp } from '../../app.js';
import { dataPaths } from '../../data-folder.js';
import { formatBytes } from '../../../shared/logic/text.js';
import { UserError } from '../../errors.js';
import { checkAuditOf } from './check.js';
import { copyVerified } from './copy.js';
import { backupName, infoOf, objectPath, readManifest, readVaultList, resolveBackupDir, sharedVault } from './layout.js';
import { tableCounts } from './snapshot.js';

export interface RestoreOptions {
  /** Who restores, for the restored folder's audit trail. */
  actor?: string;
  /** What is happening, with the bytes copied and checked so far. */
  onProgress?: (line: string, done?: number, total?: number) => void;
  /** Stops the restore (within a file too); what was written is removed. */
  signal?: AbortSignal;
}

const CANCELLED = '已取消恢复，已写入的文件已全部删除，目标文件夹保持为空（备份本身未受影响）。';

/**
 * Restores a backup into an EMPTY data folder (a non-empty one is refused: nothing is ever overwritten).
 * Every file is copied with its hash checked; the audit chain and the table counts of the restored
 * database are verified against the manifest before the database is put in place. On any damage, or
 * when cancelled, the restore stops, names the damaged files, and removes what it wrote (the folder is
 * left empty).
 */
export async function restoreBackup(source: string, dataDir: string, opts: RestoreOptions = {}): Promise<RestoreResult> {
  const dir = resolveBackupDir(source);
  const m = readManifest(dir);
  const existed = existsSync(dataDir);
  if (existed && readdirSync(dataDir).length > 0) {
    throw new UserError('RESTORE_TARGET_NOT_EMPTY', `数据文件夹“${dataDir}”不是空的。为防止覆盖现有数据，只能恢复到空文件夹。请新建一个空文件夹，或先把现有数据移走。`);
  }
  await mkdir(dataDir, { recursive: true });
  const paths = dataPaths(dataDir);
  const partialDb = `${paths.db}.restore-partial`;
  const damaged: ArchiveProblem[] = [];
  const cleanup = async () => {
    for (const name of existsSync(dataDir) ? readdirSync(dataDir) : []) await rm(join(dataDir, name), { recursive: true, force: true });
    if (!existed) await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const list = readVaultList(dir);
    damaged.push(...(await copyBackupFiles(dir, m, list, { partialDb, vault: paths.vault }, opts)));
    if (!damaged.length) damaged.push(...checkRestoredDatabase(dir, m, list, partialDb));
    if (damaged.length) {
      throw new UserError(
        'BACKUP_DAMAGED',
        `${backupName(m.id)}已损坏，恢复已停止，数据文件夹保持为空。损坏的文件：${damaged.slice(0, 10).map((d) => `${d.path}（${d.problem}）`).join('；')}${damaged.length > 10 ? `……共 ${damaged.length} 处` : ''}。请改用另一份备份。`,
        { damaged },
      );
    }
    await rename(partialDb, paths.db);
    const app = openApp({ dataDir });
    try {
      app.db.transaction(() =>
        app.audit.append({ userId: null, username: opts.actor ?? '(恢复程序)', operation: 'backup.restore', objectType: 'backup', objectId: m.id, summary: { from: dir, createdAt: m.createdAt, objects: list.length } }),
      )();
      return {
        ok: true,
        backup: infoOf(dir, m),
        checkedObjects: list.length,
        checkedBytes: m.db.size + m.vault.bytes,
        damaged: [],
        auditOk: true,
        message: `已从${backupName(m.id)}恢复到“${dataDir}”：数据库和 ${list.length} 个证据文件全部通过哈希校验，审计链完整（${m.audit.entries} 条），各数据表行数与备份一致。`,
        dataDir,
        counts: m.counts,
      };
    } finally {
      app.close();
    }
  } catch (e) {
    await cleanup();
    // Stopped inside a copy (the signal's reason is thrown) or between files: the same for the user.
    throw opts.signal?.aborted ? new UserError('CANCELLED', CANCELLED) : e;
  }
}

/**
 * Copies the backup's database (to `to.partialDb`) and evidence files (into `to.vault`), each
 * checked by hash, telling the bytes done; returns what was missing or damaged.
 */
async function copyBackupFiles(
  dir: string,
  m: ReturnType<typeof readManifest>,
  list: { sha256: string; size: number }[],
  to: { partialDb: string; vault: string },
  opts: RestoreOptions,
): Promise<ArchiveProblem[]> {
  const damaged: ArchiveProblem[] = [];
  const total = m.db.size + list.reduce((n, o) => n + o.size, 0);
  let done = 0;
  let current = '正在恢复数据库';
  const tell = () => opts.onProgress?.(`${current}（${formatBytes(done)} / ${formatBytes(total)}）…`, done, total);
  const copy = {
    signal: opts.signal,
    onBytes: (n: number) => {
      done += n;
      tell();
    },
  };
  tell();
  const dbSrc = join(dir, 'sanxiang.db');
  if (!existsSync(dbSrc)) damaged.push({ path: dbSrc, problem: '数据库副本缺失' });
  else if (!(await copyVerified(dbSrc, to.partialDb, m.db.sha256, { ...copy, readOnly: false })).ok) damaged.push({ path: dbSrc, problem: '数据库副本与备份清单的哈希不符（已损坏或被修改）' });
  const shared = sharedVault(join(dir, '..'));
  for (const [i, o] of list.entries()) {
    current = `正在恢复证据文件 ${i + 1}/${list.length}`;
    const src = objectPath(shared, o.sha256);
    if (!existsSync(src)) {
      damaged.push({ path: src, problem: '证据文件缺失' });
      continue;
    }
    const r = await copyVerified(src, objectPath(to.vault, o.sha256), o.sha256, copy);
    if (!r.ok) damaged.push({ path: src, problem: '证据文件内容与其哈希不符（已损坏或被修改）' });
  }
  current = '正在校验审计链和数据表';
  tell();
  return damaged;
}

/** The copied database against the manifest: its audit chain, every table's row count, and the vault list. */
function checkRestoredDatabase(dir: string, m: ReturnType<typeof readManifest>, list: { sha256: string }[], partialDb: string): ArchiveProblem[] {
  const dbSrc = join(dir, 'sanxiang.db');
  const problem = checkAuditOf(partialDb, m);
  if (problem) return [{ path: dbSrc, problem }];
  const damaged: ArchiveProblem[] = [];
  const db = new Database(partialDb, { readonly: true });
  try {
    const counts = tableCounts(db);
    const diff = Object.keys({ ...counts, ...m.counts }).filter((k) => counts[k] !== m.counts[k]);
    if (diff.length) damaged.push({ path: dbSrc, problem: `数据表行数与备份清单不一致：${diff.join('、')}` });
    const registered = db.prepare('SELECT sha256 FROM vault_objects').pluck().all() as string[];
    const listed = new Set(list.map((o) => o.sha256));
    const unlisted = registered.filter((s) => !listed.has(s));
    if (unlisted.length) damaged.push({ path: join(dir, 'vault.txt'), problem: `证据文件清单缺少 ${unlisted.length} 个数据库登记的文件` });
  } finally {
    db.close();
  }
  return damaged;
}
