import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { processRuns } from '../util/process.js';

export const SHA256_RE = /^[0-9a-f]{64}$/;

/**
 * The content-addressed evidence vault: `<root>/ab/cd/<sha256>`, files read-only once stored.
 * Everything is written to `<root>/tmp/*.partial`, fsynced, checked, then renamed into place,
 * so a crash leaves either nothing or a complete, verified object.
 */
export class Vault {
  readonly tmpDir: string;
  constructor(readonly root: string) {
    this.tmpDir = join(root, 'tmp');
    mkdirSync(this.tmpDir, { recursive: true });
  }

  pathOf(sha256: string): string {
    if (!SHA256_RE.test(sha256)) throw new UserError('INVALID_INPUT', '文件标识（SHA-256）格式不正确。');
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  /** A fresh temp path for a write in progress, named after the writing process. */
  tempPath(): string {
    return join(this.tmpDir, `${process.pid}-${Date.now()}-${randomBytes(6).toString('hex')}.partial`);
  }

  /** Stores bytes (attachments, generated documents). Returns the content address. */
  putBytes(data: Uint8Array): { sha256: string; size: number; existed: boolean } {
    const sha256 = createHash('sha256').update(data).digest('hex');
    const dest = this.pathOf(sha256);
    if (existsSync(dest) && statSync(dest).size === data.length) return { sha256, size: data.length, existed: true };
    const tmp = this.tempPath();
    const fd = openSync(tmp, 'wx');
    try {
      let off = 0;
      while (off < data.length) off += writeSync(fd, data, off, data.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const check = createHash('sha256').update(readFileSync(tmp)).digest('hex');
    if (check !== sha256) {
      rmSync(tmp, { force: true });
      throw new UserError('VAULT_WRITE_FAILED', '写入证据库后校验失败（磁盘可能有故障）。文件未保存，请检查磁盘后重试。');
    }
    this.commitTemp(tmp, sha256);
    return { sha256, size: data.length, existed: false };
  }

  /** Moves a verified temp file to its content address and makes it read-only. */
  commitTemp(tmp: string, sha256: string): void {
    const dest = this.pathOf(sha256);
    mkdirSync(join(this.root, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
    if (existsSync(dest)) {
      rmSync(tmp, { force: true });
      return;
    }
    chmodSync(tmp, 0o444);
    renameSync(tmp, dest);
  }

  read(sha256: string): Buffer {
    return readFileSync(this.pathOf(sha256));
  }

  /**
   * Removes temp files left by interrupted writes: those whose writing process no longer runs.
   * Another process's write in progress (the desktop app importing while a CLI command opens
   * the same folder) is left alone. Returns how many were removed.
   */
  cleanTemp(): number {
    let n = 0;
    for (const name of readdirSync(this.tmpDir)) {
      if (!name.endsWith('.partial')) continue;
      const pid = Number(name.split('-')[0]);
      if (pid !== process.pid && Number.isInteger(pid) && pid > 0 && processRuns(pid)) continue;
      rmSync(join(this.tmpDir, name), { force: true });
      n++;
    }
    return n;
  }
}

