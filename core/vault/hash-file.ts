import { open } from 'node:fs/promises';
import { giveChunks, takeChunk } from './chunk-buffers.js';
import { acquireHasher } from './hasher-pool.js';

const CHUNK = 4 * 1024 * 1024;

/**
 * SHA-256 and size of a file. Two 4 MiB buffers take turns: one is read into while the other is
 * hashed on a worker thread, so the calling thread (the desktop app's main process) stays free and
 * reading and hashing overlap. `signal` stops it between chunks (AbortError); `onBytes` hears each
 * chunk once it is hashed (progress).
 */
export async function hashFile(path: string, opts: { signal?: AbortSignal; onBytes?: (bytes: number) => void } = {}): Promise<{ sha256: string; size: number }> {
  opts.signal?.throwIfAborted();
  const fh = await open(path, 'r');
  const hasher = acquireHasher();
  const buffers = [takeChunk(CHUNK), takeChunk(CHUNK)];
  // What each buffer is waiting for: the hash of the bytes last read into it.
  const hashed: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
  try {
    let size = 0;
    for (let i = 0; ; i = 1 - i) {
      await hashed[i];
      opts.signal?.throwIfAborted();
      const buf = buffers[i].view;
      const { bytesRead } = await fh.read(buf, 0, CHUNK, size);
      if (bytesRead === 0) break;
      size += bytesRead;
      hashed[i] = hasher.update(buf, bytesRead).then(() => opts.onBytes?.(bytesRead));
    }
    await Promise.all(hashed);
    return { sha256: await hasher.digest(), size };
  } finally {
    // The buffers go back to the pool only once the worker is done with them.
    await Promise.allSettled(hashed);
    hasher.release();
    giveChunks(buffers);
    await fh.close();
  }
}
