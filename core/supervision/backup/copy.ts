import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { chmod, mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { hashReading } from '../../vault/hash-file.js';

export interface CopyOptions {
  /** Vault objects are made read-only (the default); a database copy is not. */
  readOnly?: boolean;
  /** Stops the copy between chunks: the partial file is removed and the signal's reason thrown. */
  signal?: AbortSignal;
  /** Hears each chunk once it is written (progress within a large file). */
  onBytes?: (bytes: number) => void;
}

/**
 * Copies `src` to `dest` in one pass while hashing: written to `<dest>.<rand>.partial`, fsynced, the
 * hash compared with `expected`, then made read-only and renamed. Returns the actual hash; on a
 * mismatch, a failure or a cancel the partial file is removed and nothing is left at `dest`.
 * Two shared chunks take turns: while one is written and hashed (on a worker thread, see
 * hasher-pool.ts), the next is read into the other.
 */
export async function copyVerified(src: string, dest: string, expected: string, opts: CopyOptions = {}): Promise<{ ok: boolean; sha256: string; size: number }> {
  opts.signal?.throwIfAborted();
  await mkdir(dirname(dest), { recursive: true });
  const tmp = `${dest}.${randomBytes(4).toString('hex')}.partial`;
  const input = await open(src, 'r');
  let out: FileHandle | undefined;
  let kept = false;
  try {
    out = await open(tmp, 'wx');
    const target = out;
    const { sha256, size } = await hashReading(input, { signal: opts.signal, onBytes: opts.onBytes, write: (buf, length, at) => writeAll(target, buf, length, at) });
    await out.sync();
    await out.close();
    out = undefined;
    if (sha256 !== expected) return { ok: false, sha256, size };
    if (opts.readOnly !== false) await chmod(tmp, 0o444);
    await rename(tmp, dest);
    kept = true;
    return { ok: true, sha256, size };
  } finally {
    // Closed before the removal: Windows cannot delete a file that is still open.
    await out?.close().catch(() => undefined);
    await input.close().catch(() => undefined);
    if (!kept) await removeReadOnly(tmp).catch(() => undefined);
  }
}

async function writeAll(out: FileHandle, buf: Buffer, length: number, position: number): Promise<void> {
  for (let off = 0; off < length; ) off += (await out.write(buf, off, length - off, position + off)).bytesWritten;
}

/** Whether a content-addressed object is present with the right size (checked by hash when it was copied). */
export const hasObject = (path: string, size: number) => existsSync(path) && statSync(path).size === size;

/** Deletes a read-only file (Windows refuses to unlink read-only files). */
export async function removeReadOnly(path: string): Promise<void> {
  await chmod(path, 0o666).catch(() => undefined);
  await rm(path, { force: true });
}
