import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ArchiveCreateResult } from '../../../shared/supervision-types.js';
import type { SessionUser } from '../../accounts/sessions.js';
import type { AppContext } from '../../app.js';
import { invalid, notFound, UserError } from '../../errors.js';
import { explainWriteError } from '../files/write-target.js';
import { loadComposition } from './composition.js';
import { archiveInfo } from './info.js';
import { commitPath, copyFromVault, removeQuietly, zipAndVerify } from './write-package.js';
import type { ArchiveRunOptions } from './create.js';

const CANCELLED = '已取消导出：写入的文件已删除。';

/**
 * Writes an archived case's package again from the vault (after a restore, or when the archive
 * room's copy was lost or damaged): the same files, byte for byte, so the manifest hash is the one
 * its certificate states; both copies are verified before this returns. The case is not changed.
 */
export async function exportArchive(
  app: AppContext,
  user: SessionUser,
  req: { caseId: number; dest?: string; zip?: boolean },
  opts: ArchiveRunOptions = {},
): Promise<ArchiveCreateResult> {
  const tell = opts.onProgress ?? (() => undefined);
  const info = archiveInfo(app, req.caseId);
  if (!info) throw notFound('该案件的案卷包记录');
  if (!info.composition) throw invalid('该案卷包生成于早期版本，证据库中没有保存它的组成，无法重新导出。请使用原案卷包或其备份。');
  const comp = loadComposition(app, info.composition);
  const root = req.dest ?? dirname(info.folder);
  const folder = join(root, comp.name);
  const zipPath = req.zip === false ? null : join(root, `${comp.name}.zip`);
  for (const p of [folder, zipPath]) {
    if (p && existsSync(p)) throw new UserError('ARCHIVE_EXISTS', `目标位置已有同名案卷包“${p}”。原案卷包仍在时可直接校验；如需另存一份，请另选保存位置。`);
  }
  const created: string[] = [];
  const stopIfCancelled = () => {
    if (opts.signal?.aborted) throw new UserError('CANCELLED', CANCELLED);
  };
  try {
    await mkdir(root, { recursive: true }).catch((e) => {
      throw explainWriteError(e, folder);
    });
    const partial = `${folder}.partial`;
    await removeQuietly(partial);
    created.push(partial);
    for (const [i, f] of comp.files.entries()) {
      stopIfCancelled();
      const dest = join(partial, ...f.path.split('/'));
      await mkdir(dirname(dest), { recursive: true });
      await copyFromVault(app.vault, f.sha256, dest, opts.signal, CANCELLED);
      tell(`正在写入案卷材料 ${i + 1}/${comp.files.length}…`, i + 1, comp.files.length);
    }
    await commitPath(partial, folder);
    created.push(folder);
    const failed = await zipAndVerify({
      folder,
      name: comp.name,
      paths: comp.files.map((f) => f.path),
      zipPath,
      zipDate: new Date(comp.zipDate),
      created,
      tell,
      stopIfCancelled,
      signal: opts.signal,
      expectManifest: info.manifestSha256,
    });
    if (failed) throw new UserError('ARCHIVE_VERIFY_FAILED', `重新导出的案卷包校验未通过（${failed.message}）。请运行“证据库校验”检查证据库，或更换保存位置后重试。`, failed);
    app.db.transaction(() =>
      app.audit.append({
        userId: user.id,
        username: user.username,
        operation: 'archive.export',
        objectType: 'case',
        objectId: req.caseId,
        summary: { caseNo: info.caseNo, folder, zip: zipPath, manifestSha256: info.manifestSha256 },
      }),
    )();
    return { ...info, folder, zip: zipPath };
  } catch (e) {
    for (const p of created.reverse()) await removeQuietly(p);
    throw e instanceof UserError ? e : explainWriteError(e, folder);
  }
}
