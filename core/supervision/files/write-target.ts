import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../../errors.js';

/**
 * Writing an export where the user chose: into a temp file beside the target, then one rename, so a
 * failed export never leaves half a file and never destroys the previous one. A target that is
 * read-only or held open by another program (Excel on Windows: EBUSY/EPERM) is refused up front with
 * a sentence saying what to do, instead of failing after a long export.
 */
export function explainWriteError(e: unknown, target: string): UserError {
  if (e instanceof UserError) return e;
  const code = (e as NodeJS.ErrnoException)?.code ?? '';
  const name = basename(target);
  const dir = dirname(target);
  switch (code) {
    case 'EBUSY':
    case 'EPERM':
      return new UserError('FILE_LOCKED', `文件“${name}”正被其他程序（例如 Excel 或 WPS）打开，无法覆盖。请先关闭该文件再导出，或另选一个文件名。`, { path: target, errno: code });
    case 'EACCES':
      return new UserError('FILE_NOT_WRITABLE', `没有权限写入“${target}”。请另选有写入权限的位置（例如“文档”或桌面），或请管理员检查文件夹权限。`, { path: target, errno: code });
    case 'EROFS':
      return new UserError('FILE_NOT_WRITABLE', `保存位置“${dir}”是只读的（例如写保护的 U 盘或光盘）。请另选保存位置。`, { path: target, errno: code });
    case 'ENOENT':
    case 'ENOTDIR':
      return new UserError('FOLDER_MISSING', `保存位置“${dir}”不存在（移动硬盘或网络盘可能已断开）。请重新选择保存位置。`, { path: target, errno: code });
    case 'ENOSPC':
    case 'EDQUOT':
      return new UserError('DISK_FULL', `“${dir}”所在磁盘空间不足，文件未保存。请清理磁盘或另选保存位置。`, { path: target, errno: code });
    case 'ENAMETOOLONG':
      return new UserError('PATH_TOO_LONG', `文件路径太长：“${target}”。请选择层级较浅的文件夹或缩短文件名。`, { path: target, errno: code });
    default:
      return new UserError('EXPORT_FAILED', `无法写入“${target}”：${(e as Error)?.message ?? String(e)}。请另选保存位置后重试。`, { path: target, errno: code });
  }
}

/** Refuses a target that is read-only or locked, or whose folder is missing, before any work is done. */
export async function assertWritable(target: string): Promise<void> {
  const dir = dirname(target);
  if (!existsSync(dir)) throw explainWriteError(Object.assign(new Error('missing'), { code: 'ENOENT' }), target);
  let s;
  try {
    s = await stat(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw explainWriteError(e, target);
  }
  if (s.isDirectory()) throw new UserError('INVALID_INPUT', `“${target}”是一个文件夹，请填写要保存的文件名。`);
  // Windows reports the read-only attribute as a mode without write bits (and so does chmod 444 elsewhere).
  if ((s.mode & 0o222) === 0) {
    throw new UserError('FILE_READ_ONLY', `文件“${basename(target)}”是只读文件，无法覆盖。请在文件属性中取消“只读”，或另选一个文件名。`, { path: target });
  }
  try {
    const fh = await open(target, 'r+');
    await fh.close();
  } catch (e) {
    throw explainWriteError(e, target);
  }
}

/** Runs `write(tmp)` and moves the finished file over `target`. Returns the size written. */
export async function writeAtomically(target: string, write: (tmp: string) => Promise<void>): Promise<number> {
  await assertWritable(target);
  const tmp = join(dirname(target), `.~${basename(target)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    await write(tmp);
    const size = (await stat(tmp)).size;
    await rename(tmp, target);
    return size;
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw explainWriteError(e, target);
  }
}
