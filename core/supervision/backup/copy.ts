import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { chmod, mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { giveChunks, takeChunk } from '../../vault/chunk-buffers.js';
import { acquireHasher } from '../../vault/hasher-pool.js';

const CHUNK = 4 * 1024 * 1024;

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
    const { sha256, size } = await copyChunks(input, out, opts);
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

/** Reads `input` into `out` at the same offsets, hashing on a worker; checks `signal` before each chunk. */
async function copyChunks(input: FileHandle, out: FileHandle, opts: CopyOptions): Promise<{ sha256: string; size: number }> {
  const hasher = acquireHasher();
  const buffers = [takeChunk(CHUNK), takeChunk(CHUNK)];
  // What each buffer is waiting for: the write and the hash of the bytes last read into it.
  const busy: Promise<unknown>[] = [Promise.resolve(), Promise.resolve()];
  try {
    let size = 0;
    for (let i = 0; ; i = 1 - i) {
      await busy[i];
      opts.signal?.throwIfAborted();
      const buf = buffers[i].view;
      const { bytesRead } = await input.read(buf, 0, CHUNK, size);
      if (bytesRead === 0) break;
      const at = size;
      size += bytesRead;
      const step = bothSettled(hasher.update(buf, bytesRead), writeAll(out, buf, bytesRead, at).then(() => opts.onBytes?.(bytesRead)));
      // Awaited on the buffer's next turn (or below); a failure meanwhile is not an unhandled rejection.
      step.catch(() => undefined);
      busy[i] = step;
    }
    await Promise.all(busy);
    return { sha256: await hasher.digest(), size };
  } finally {
    // The buffers go back to the pool only once the worker and the write are done with them.
    await Promise.allSettled(busy);
    hasher.release();
    giveChunks(buffers);
  }
}

/** Waits for both (the buffer stays in use until both are done), then fails with the first failure. */
async function bothSettled(a: Promise<unknown>, b: Promise<unknown>): Promise<void> {
  for (const r of await Promise.allSettled([a, b])) if (r.status === 'rejected') throw r.reason;
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
