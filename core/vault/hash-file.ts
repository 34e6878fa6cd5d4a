import { open, type FileHandle } from 'node:fs/promises';
import { giveChunks, takeChunk } from './chunk-buffers.js';
import { acquireHasher } from './hasher-pool.js';

const CHUNK = 4 * 1024 * 1024;

export interface HashReadOptions {
  /** Stops it between chunks (the signal's reason is thrown). */
  signal?: AbortSignal;
  /** Hears each chunk once it is hashed (and written, with `write`): progress. */
  onBytes?: (bytes: number) => void;
  /** Also writes each chunk at its offset (a copy that hashes what it writes in the same pass). */
  write?: (buf: Buffer, length: number, position: number) => Promise<void>;
}

/**
 * Reads an open file to its end and returns its SHA-256 and size. Two 4 MiB buffers take turns: one
 * is read into while the other is hashed on a worker thread (and written, with `write`), so the
 * calling thread (the desktop app's main process) stays free and reading, hashing and writing
 * overlap. A buffer is read into again only once its hash and write have both settled.
 */
export async function hashReading(fh: FileHandle, opts: HashReadOptions = {}): Promise<{ sha256: string; size: number }> {
  const hasher = acquireHasher();
  const buffers = [takeChunk(CHUNK), takeChunk(CHUNK)];
  // What each buffer is waiting for: the hash (and write) of the bytes last read into it.
  const busy: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
  try {
    let size = 0;
    for (let i = 0; ; i = 1 - i) {
      await busy[i];
      opts.signal?.throwIfAborted();
      const buf = buffers[i].view;
      const { bytesRead } = await fh.read(buf, 0, CHUNK, size);
      if (bytesRead === 0) break;
      const at = size;
      size += bytesRead;
      const step = bothSettled(hasher.update(buf, bytesRead), opts.write?.(buf, bytesRead, at)).then(() => opts.onBytes?.(bytesRead));
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
async function bothSettled(a: Promise<unknown>, b: Promise<unknown> | undefined): Promise<void> {
  for (const r of await Promise.allSettled([a, b])) if (r.status === 'rejected') throw r.reason;
}

/** SHA-256 and size of a file (hashReading); `signal` stops it between chunks (AbortError). */
export async function hashFile(path: string, opts: Omit<HashReadOptions, 'write'> = {}): Promise<{ sha256: string; size: number }> {
  opts.signal?.throwIfAborted();
  const fh = await open(path, 'r');
  try {
    return await hashReading(fh, opts);
  } finally {
    await fh.close();
  }
}
