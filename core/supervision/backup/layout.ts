import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupInfo } from '../../../shared/supervision-types.js';
import { UserError } from '../../errors.js';

/**
 * Backup layout on the target (second disk, NAS share):
 *   <target>/sanxiang-backup/vault/ab/cd/<sha256>   shared, content-addressed, read-only (incremental)
 *   <target>/sanxiang-backup/<id>/sanxiang.db       online copy of the database
 *   <target>/sanxiang-backup/<id>/vault.txt         the vault objects this backup needs ("<sha256> <size>")
 *   <target>/sanxiang-backup/<id>/manifest.json     hashes, counts, audit head (written last)
 * A backup is written into `.tmp-<id>` and renamed when complete, so a failed run never touches
 * the previous backups.
 */
export const BACKUP_DIR = 'sanxiang-backup';
export const ID_RE = /^\d{4}-\d{2}-\d{2}T\d{6}(-\d+)?$/;

export interface BackupManifest {
  format: 1;
  app: 'sanxiang';
  id: string;
  createdAt: string;
  createdBy: string;
  bureau: string;
  schemaVersion: number;
  db: { file: 'sanxiang.db'; size: number; sha256: string };
  vault: { list: 'vault.txt'; objects: number; bytes: number; listSha256: string };
  audit: { entries: number; head: string };
  counts: Record<string, number>;
  /** The live database file when the snapshot was taken (size, mtime), for "nothing new" next time. */
  source: { size: number; mtimeMs: number } | null;
}

export const rootOf = (target: string) => join(target, BACKUP_DIR);
export const sharedVault = (root: string) => join(root, 'vault');
export const objectPath = (vaultRoot: string, sha: string) => join(vaultRoot, sha.slice(0, 2), sha.slice(2, 4), sha);

/** A backup id from the local time: 2026-03-01T183000 (no colons: valid on Windows). */
export function backupId(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** How a clerk names a backup in a message: 2026-03-01T183000-2 → “2026-03-01 18:30:00（2）的备份”. */
export function backupName(id: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})(?:-(\d+))?$/.exec(id);
  return m ? `${m[1]} ${m[2]}:${m[3]}:${m[4]}${m[5] ? `（${m[5]}）` : ''} 的备份` : `备份“${id}”`;
}

export function readManifest(dir: string): BackupManifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new UserError('BACKUP_INVALID', `“${dir}”不是完整的备份（缺少 manifest.json）。备份可能未写完或已损坏，请选择其他备份。`);
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
    if (m.app !== 'sanxiang' || m.format !== 1) throw new Error('format');
    return m;
  } catch {
    throw new UserError('BACKUP_INVALID', `备份“${dir}”的 manifest.json 已损坏或不是本程序的备份文件。请选择其他备份。`);
  }
}

export const infoOf = (dir: string, m: BackupManifest): BackupInfo => ({
  id: m.id,
  path: dir,
  createdAt: m.createdAt,
  dbSize: m.db.size,
  dbSha256: m.db.sha256,
  vaultObjects: m.vault.objects,
  vaultBytes: m.vault.bytes,
  auditEntries: m.audit.entries,
  auditHead: m.audit.head,
  counts: m.counts,
  schemaVersion: m.schemaVersion,
});

/** The complete backups under a backup root, newest first. */
export function listBackups(root: string): BackupInfo[] {
  if (!existsSync(root)) return [];
  const out: BackupInfo[] = [];
  for (const name of readdirSync(root)) {
    if (!ID_RE.test(name)) continue;
    try {
      out.push(infoOf(join(root, name), readManifest(join(root, name))));
    } catch {
      /* an incomplete folder is not a backup */
    }
  }
  return out.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/**
 * Resolves what the user pointed at — a backup folder, the `sanxiang-backup` folder, or the target
 * above it — to one backup folder (the newest when several).
 */
export function resolveBackupDir(path: string): string {
  if (!existsSync(path)) throw new UserError('BACKUP_NOT_FOUND', `找不到备份位置“${path}”。如果备份在移动硬盘或网络共享上，请先连接。`);
  if (existsSync(join(path, 'manifest.json'))) return path;
  const root = basename(path) === BACKUP_DIR ? path : rootOf(path);
  const newest = listBackups(root)[0];
  if (!newest) throw new UserError('BACKUP_NOT_FOUND', `“${path}”中没有找到完整的备份。请选择备份文件夹（例如 …\\${BACKUP_DIR}\\2026-03-01T183000）。`);
  return newest.path;
}

/** The objects a backup needs, from its vault.txt. */
export function readVaultList(dir: string): { sha256: string; size: number }[] {
  const text = readFileSync(join(dir, 'vault.txt'), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [sha256, size] = l.split(' ');
      return { sha256, size: Number(size) };
    });
}
