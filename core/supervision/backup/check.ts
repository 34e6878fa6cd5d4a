import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatBytes } from '../../../shared/logic/text.js';
import type { ArchiveProblem, RestoreCheckResult } from '../../../shared/supervision-types.js';
import { verifyAuditChain } from '../../audit/audit-log.js';
import { sha256Hex } from '../archive/manifest.js';
import { UserError } from '../../errors.js';
import { hashFile } from '../../vault/hash-file.js';
import { backupName, infoOf, objectPath, readManifest, readVaultList, resolveBackupDir, sharedVault, type BackupManifest } from './layout.js';

/** The audit chain of a database file (read-only), checked against the head the manifest recorded. */
export function checkAuditOf(dbFile: string, m: BackupManifest): string | null {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const r = verifyAuditChain(db);
    if (!r.ok) return `审计记录哈希链被破坏：${r.problem}`;
    if (r.headHash !== m.audit.head || r.entries !== m.audit.entries) return '审计链链头与备份清单记录的不一致';
    return null;
  } finally {
    db.close();
  }
}

/**
 * Checks a backup without restoring it: the database copy and every vault object it needs are re-hashed
 * against the manifest, and the database's audit chain is verified. Names every damaged or missing file.
 */
export async function checkBackup(path: string, onProgress?: (line: string, done?: number, total?: number) => void, signal?: AbortSignal): Promise<RestoreCheckResult> {
  const cancelled = () => new UserError('CANCELLED', '已取消校验备份（备份本身未受影响）。');
  const dir = resolveBackupDir(path);
  const m = readManifest(dir);
  const damaged: ArchiveProblem[] = [];
  const dbFile = join(dir, 'sanxiang.db');
  const listText = await readFile(join(dir, 'vault.txt'), 'utf8').catch(() => null);
  const list = listText == null ? [] : readVaultList(dir);
  // Progress in bytes over the whole backup, so a long recording moves the bar too.
  const total = m.db.size + list.reduce((sum, o) => sum + o.size, 0);
  let bytes = 0;
  /** Hashes a file, telling progress per chunk; stops inside a large file too. */
  const hash = (file: string, what: string) =>
    hashFile(file, {
      signal,
      onBytes: (n) => {
        bytes += n;
        onProgress?.(`${what}（${formatBytes(bytes)} / ${formatBytes(total)}）…`, bytes, total);
      },
    }).catch((e: unknown) => {
      throw signal?.aborted && e === signal.reason ? cancelled() : e;
    });

  if (!existsSync(dbFile)) damaged.push({ path: dbFile, problem: '数据库副本缺失' });
  else if ((await hash(dbFile, '正在校验数据库副本')).sha256 !== m.db.sha256) {
    damaged.push({ path: dbFile, problem: '数据库副本与备份清单的哈希不符（已损坏或被修改）' });
  }
  if (listText == null) damaged.push({ path: join(dir, 'vault.txt'), problem: '证据文件清单缺失' });
  else if (sha256Hex(listText) !== m.vault.listSha256) damaged.push({ path: join(dir, 'vault.txt'), problem: '证据文件清单与备份清单的哈希不符' });
  const vault = sharedVault(join(dir, '..'));
  for (const [i, o] of list.entries()) {
    if (signal?.aborted) throw cancelled();
    const p = objectPath(vault, o.sha256);
    if (!existsSync(p)) {
      damaged.push({ path: p, problem: '证据文件缺失' });
      continue;
    }
    if ((await hash(p, `正在校验证据文件 ${i + 1}/${list.length}`)).sha256 !== o.sha256) {
      damaged.push({ path: p, problem: '证据文件内容与其哈希不符（已损坏或被修改）' });
    }
  }
  let auditOk: boolean | null = null;
  if (!damaged.some((d) => d.path === dbFile)) {
    const problem = checkAuditOf(dbFile, m);
    auditOk = problem == null;
    if (problem) damaged.push({ path: dbFile, problem });
  }
  const ok = damaged.length === 0;
  return {
    ok,
    backup: infoOf(dir, m),
    checkedObjects: list.length,
    checkedBytes: bytes,
    damaged,
    auditOk,
    message: ok
      ? `${backupName(m.id)}完好：数据库和 ${list.length} 个证据文件全部与哈希一致，审计链完整（${m.audit.entries} 条）。`
      : `${backupName(m.id)}有 ${damaged.length} 处损坏，不能用于恢复：${damaged.slice(0, 5).map((d) => `${d.path}（${d.problem}）`).join('；')}${damaged.length > 5 ? '……' : ''}`,
  };
}
