import type { UserError } from '../errors.js';
import { isNoSuchFile, type SftpSession } from './sftp-client.js';
import { fastJoin } from './remote-paths.js';

/**
 * The few file operations a release needs, on paths relative to the target's folder (forward
 * slashes). Implemented over SFTP (this file) and over a local or mounted folder (folder-target.ts),
 * so both get the same release layout:
 *
 *   <folder>/releases/<id>/…   one complete copy of the site per release (unchanged files hard-linked)
 *   <folder>/releases/<id>/.manifest.json
 *   <folder>/current → releases/<id>   switched in one atomic rename
 *   <folder>/releases.json     the release history, newest last (for keeping the last N)
 */
export interface ReleaseFs {
  readonly where: string;
  stat(rel: string): Promise<{ isDir: boolean; isLink: boolean; size: number } | null>;
  mkdir(rel: string): Promise<void>;
  list(rel: string): Promise<{ name: string; isDir: boolean; size: number }[]>;
  readlink(rel: string): Promise<string | null>;
  readFile(rel: string): Promise<Buffer | null>;
  writeFile(rel: string, data: Buffer): Promise<void>;
  /** Writes `rel` through a temporary name and an atomic rename. */
  replaceFile(rel: string, data: Buffer): Promise<void>;
  unlink(rel: string): Promise<void>;
  rmdir(rel: string): Promise<void>;
  /** Hard link; false when the server or file system cannot. */
  hardlink(from: string, to: string): Promise<boolean>;
  freeBytes(rel: string): Promise<number | null>;
  /** Points `current` at `releases/<id>` in one atomic step. */
  switchCurrent(id: string): Promise<void>;
  /** Turns a raw failure into the user's message (connection lost, permission, disk full …). */
  fail(e: unknown): UserError;
}

/** ReleaseFs over one SFTP session; every path is checked to stay inside the remote folder. */
export class SftpReleaseFs implements ReleaseFs {
  readonly where: string;
  constructor(
    private readonly s: SftpSession,
    private readonly base: string,
  ) {
    this.where = s.where;
  }
  private abs = (rel: string) => (rel === '' ? this.base : fastJoin(this.base, rel));

  async stat(rel: string) {
    const st = await this.s.stat(this.abs(rel));
    return st ? { isDir: st.isDirectory(), isLink: st.isSymbolicLink(), size: st.size } : null;
  }
  mkdir = (rel: string) => this.s.mkdir(this.abs(rel));
  async list(rel: string) {
    const entries = await this.s.readdir(this.abs(rel));
    return entries
      .filter((e) => e.filename !== '.' && e.filename !== '..')
      .map((e) => ({ name: e.filename, isDir: e.attrs.isDirectory(), size: e.attrs.size }));
  }
  readlink = (rel: string) => this.s.readlink(this.abs(rel));
  readFile = (rel: string) => this.s.readFile(this.abs(rel)).catch((e) => (isNoSuchFile(e) ? null : Promise.reject(e)));
  writeFile = (rel: string, data: Buffer) => this.s.writeFile(this.abs(rel), data);
  async replaceFile(rel: string, data: Buffer) {
    const tmp = `${rel}.tmp`;
    await this.s.writeFile(this.abs(tmp), data);
    await this.s.rename(this.abs(tmp), this.abs(rel));
  }
  unlink = (rel: string) => this.s.unlink(this.abs(rel));
  rmdir = (rel: string) => this.s.rmdir(this.abs(rel));
  hardlink = (from: string, to: string) => this.s.hardlink(this.abs(from), this.abs(to));
  freeBytes = (rel: string) => this.s.freeBytes(this.abs(rel));
  async switchCurrent(id: string) {
    const tmp = `current.tmp-${id}`;
    await this.s.unlink(this.abs(tmp)).catch(() => undefined);
    await this.s.symlink(`releases/${id}`, this.abs(tmp));
    await this.s.rename(this.abs(tmp), this.abs('current'));
  }
  fail = (e: unknown) => this.s.fail(e);
}
