import { constants as fsc, existsSync } from 'node:fs';
import { cp, link, lstat, mkdir, readdir, readFile, readlink, rename, rm, rmdir, statfs, symlink, unlink, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Manifest } from '../disclosure/manifest.js';
import { UserError } from '../errors.js';
import { publishRelease, type ReleaseOptions, type ReleaseReport } from './publisher.js';
import type { ReleaseFs } from './release-fs.js';
import { checkRelative } from './remote-paths.js';
import type { PublishSource } from './source.js';

/**
 * Publishing to a mounted share or a USB stick, with the same release layout as SFTP.
 *
 * Switching `current`:
 * - Linux/macOS: a symlink `current.tmp-<id>` renamed over `current` (atomic, like SFTP).
 * - Windows: a directory junction (no administrator rights needed) — Windows cannot rename over
 *   an existing folder, so the old `current` is renamed aside first and removed after: visitors
 *   may miss the site for the instant between the two renames.
 * - File systems without links (FAT32/exFAT USB sticks): `current` is a plain copy of the
 *   release, written as `current.new` and swapped in with the same two renames.
 * Unchanged files are hard-linked where the file system allows (NTFS, ext4), else copied.
 */
export class LocalReleaseFs implements ReleaseFs {
  readonly where: string;
  constructor(private readonly base: string) {
    this.where = base;
  }
  private abs = (rel: string) => (rel === '' ? this.base : join(this.base, ...checkRelative(rel).split('/')));

  async stat(rel: string) {
    try {
      const s = await lstat(this.abs(rel));
      return { isDir: s.isDirectory(), isLink: s.isSymbolicLink(), size: s.size };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }
  mkdir = (rel: string) => mkdir(this.abs(rel)).then(() => undefined);
  async list(rel: string) {
    const out: { name: string; isDir: boolean; size: number }[] = [];
    for (const d of await readdir(this.abs(rel), { withFileTypes: true })) {
      const isDir = d.isDirectory();
      out.push({ name: d.name, isDir, size: isDir ? 0 : (await lstat(join(this.abs(rel), d.name))).size });
    }
    return out;
  }
  /** The release `current` points at (a link, a junction, or a copy carrying its manifest). */
  async readlink(rel: string) {
    try {
      return await readlink(this.abs(rel));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      const m = await this.readFile(`${rel}/.manifest.json`);
      if (m) return `releases/${(JSON.parse(m.toString('utf8')) as { release: string }).release}`;
      if (code === 'EINVAL' || code === 'UNKNOWN') return null;
      throw e;
    }
  }
  async readFile(rel: string) {
    try {
      return await readFile(this.abs(rel));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }
  writeFile = (rel: string, data: Buffer) => writeFile(this.abs(rel), data);
  async replaceFile(rel: string, data: Buffer) {
    await writeFile(this.abs(`${rel}.tmp`), data);
    await rename(this.abs(`${rel}.tmp`), this.abs(rel));
  }
  unlink = (rel: string) => unlink(this.abs(rel));
  rmdir = (rel: string) => rmdir(this.abs(rel));
  async hardlink(from: string, to: string) {
    try {
      await link(this.abs(from), this.abs(to));
      return true;
    } catch (e) {
      if (['EXDEV', 'EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP', 'EMLINK'].includes((e as NodeJS.ErrnoException).code ?? '')) return false;
      throw e;
    }
  }
  async freeBytes(rel: string) {
    try {
      const s = await statfs(this.abs(rel));
      return s.bavail * s.bsize;
    } catch {
      return null;
    }
  }
  async switchCurrent(id: string) {
    const release = this.abs(`releases/${id}`);
    const tmp = this.abs(`current.tmp-${id}`);
    await rm(tmp, { recursive: true, force: true });
    if (process.platform !== 'win32') {
      await symlink(`releases/${id}`, tmp, 'dir');
      await rename(tmp, this.abs('current'));
      return;
    }
    try {
      await symlink(release, tmp, 'junction');
    } catch {
      await cp(release, tmp, { recursive: true, mode: fsc.COPYFILE_FICLONE });
    }
    const current = this.abs('current');
    const old = this.abs(`current.old-${id}`);
    if (existsSync(current)) await rename(current, old);
    await rename(tmp, current);
    const s = await lstat(old).catch(() => null);
    if (s?.isSymbolicLink()) await rmdir(old).catch(() => unlink(old));
    else if (s) await rm(old, { recursive: true, force: true });
  }
  fail(e: unknown): UserError {
    if (e instanceof UserError) return e;
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOSPC') {
      return new UserError('REMOTE_DISK_FULL', `目标文件夹 ${this.base} 所在磁盘空间不足，发布未完成；原有内容未受影响。请清理磁盘或换一个文件夹后重试。`);
    }
    if (err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS') {
      return new UserError('PERMISSION_DENIED', `没有权限写入 ${err.path ?? this.base}。请检查共享文件夹的写权限，或U盘是否处于写保护状态。原有内容未受影响。`);
    }
    if (err.code === 'ENOENT' && !existsSync(this.base)) {
      return new UserError('FOLDER_UNAVAILABLE', `找不到目标文件夹 ${this.base}。如果是U盘或网络共享，请先连接后重试。`);
    }
    return new UserError('FOLDER_PUBLISH_FAILED', `写入目标文件夹 ${this.base} 失败：${err.message}。原有内容未受影响，请重试。`);
  }
}

export async function publishFolder(folder: string, src: PublishSource, m: Manifest, o: ReleaseOptions): Promise<ReleaseReport> {
  const base = resolve(folder);
  const root = base.split(sep)[0] + sep;
  if (!existsSync(root) || (!existsSync(base) && !existsSync(resolve(base, '..')))) {
    throw new UserError('FOLDER_UNAVAILABLE', `找不到目标文件夹 ${base}。如果是U盘或网络共享，请先连接后重试。`);
  }
  return publishRelease(new LocalReleaseFs(base), src, m, o);
}
