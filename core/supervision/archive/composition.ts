import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../../app.js';
import { UserError } from '../../errors.js';

/**
 * What a case-file package is made of, kept in the vault when the case is archived: every file of
 * the package (path, hash, size) — the footage and attachments were in the vault already; the
 * generated files (records, 卷内目录, manifest, certificate…) are put there too. The vault and the
 * database are what backups carry, so a package can be written again, byte for byte, after a
 * restore or when the archive room's copy is lost (`archive.export`): its manifest hash is the one
 * the certificate states.
 */
export interface PackageComposition {
  format: 1;
  /** The package's folder name (the zip is `<name>.zip`). */
  name: string;
  /** The date stamped on the zip entries, so a rewritten zip is identical too. */
  zipDate: string;
  files: { path: string; sha256: string; size: number }[];
}

/** Stores the package's files that the vault lacks (read from `folder`) and the composition; returns the composition's hash. */
export function keepComposition(app: AppContext, folder: string, comp: PackageComposition, at: string): string {
  const keep = (data: Buffer) => {
    const s = app.vault.putBytes(data);
    app.repos.cases.registerVaultObject(s.sha256, s.size, at);
    return s.sha256;
  };
  for (const f of comp.files) if (!app.vault.has(f.sha256)) keep(readFileSync(join(folder, ...f.path.split('/'))));
  return keep(Buffer.from(JSON.stringify(comp), 'utf8'));
}

export function loadComposition(app: AppContext, sha256: string): PackageComposition {
  if (!app.vault.has(sha256)) {
    throw new UserError('VAULT_OBJECT_MISSING', '证据库中缺少该案卷包的组成记录，无法重新导出。请运行“证据库校验”，并从备份恢复证据库。');
  }
  const comp = JSON.parse(app.vault.read(sha256).toString('utf8')) as PackageComposition;
  if (comp.format !== 1) throw new UserError('ARCHIVE_FORMAT', '该案卷包的组成记录格式无法识别，请升级本程序后再试。');
  return comp;
}
