import { existsSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UserError } from '../errors.js';
import { BLOCK, giveChunks, takeAlignedChunk, takeChunk, type ChunkBuffer } from '../vault/chunk-buffers.js';
import { acquireHasher, type Hasher } from '../vault/hasher-pool.js';
import { directIoWanted, openDirect } from './direct-io.js';
import type { Vault } from '../vault/vault.js';

/** The file operations the copy needs; tests inject failures (full disk, unreadable source). */
export interface ReadHandle {
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  stat(): Promise<{ size: number }>;
  close(): Promise<void>;
}
export interface WriteHandle {
  write(buffer: Buffer, offset: number, length: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  stat(): Promise<{ size: number }>;
  close(): Promise<void>;
}
export interface CopyIo {
  openRead(path: string): Promise<ReadHandle>;
  openWrite(path: string): Promise<WriteHandle>;
}

export const nodeIo: CopyIo = {
  openRead: (p) => open(p, 'r'),
  openWrite: (p) => open(p, 'wx'),
};

export interface CopyOptions {
  io?: CopyIo;
  signal?: AbortSignal;
  /** Called after each chunk is written, with the chunk's size. */
  onBytes?: (n: number) => void;
  /** Chunk size (default 4 MiB; a ring of three buffers is used, so memory stays at 12 MiB per file whatever its size). */
  chunkSize?: number;
  /** The device root: when it has gone, a read error means the recorder was unplugged. */
  deviceRoot?: string;
}

export interface CopyResult {
  sha256: string;
  size: number;
  /** The same content was already in the vault; nothing new was stored. */
  existed: boolean;
}

/** Codes: DEVICE_DISCONNECTED, DISK_FULL, SOURCE_UNREADABLE, SOURCE_VANISHED, SOURCE_IO, SOURCE_CHANGED, VAULT_WRITE_FAILED, CANCELLED. */
export class CopyError extends UserError {}

const GONE = new Set(['ENOENT', 'EIO', 'ENXIO', 'ENODEV', 'EBADF', 'ESHUTDOWN', 'ENOTCONN', 'ENOTDIR', 'UNKNOWN', 'ENOMEDIUM']);

function readError(e: unknown, src: string, deviceRoot?: string): CopyError {
  const code = (e as NodeJS.ErrnoException)?.code ?? '';
  if (e instanceof CopyError) return e;
  if (GONE.has(code) && (!deviceRoot || !existsSync(deviceRoot))) {
    return new CopyError('DEVICE_DISCONNECTED', '设备已断开，当前文件未导入。', { path: src, errno: code });
  }
  if (code === 'EACCES' || code === 'EPERM') return new CopyError('SOURCE_UNREADABLE', '无法读取：没有读取权限或文件被锁定', { path: src, errno: code });
  if (code === 'EBUSY') return new CopyError('SOURCE_UNREADABLE', '无法读取：文件正被其他程序占用', { path: src, errno: code });
  if (code === 'ENOENT') return new CopyError('SOURCE_VANISHED', '文件在导入过程中消失（可能已被删除或改名）', { path: src, errno: code });
  return new CopyError('SOURCE_IO', `读取出错（${code || (e as Error)?.message}），文件可能已损坏或存储卡有坏块`, { path: src, errno: code });
}

function writeError(e: unknown): CopyError {
  const code = (e as NodeJS.ErrnoException)?.code ?? '';
  if (e instanceof CopyError) return e;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new CopyError('DISK_FULL', '证据库所在磁盘已满，当前文件未导入。', { errno: code });
  }
  return new CopyError('VAULT_WRITE_FAILED', `写入证据库失败（${code || (e as Error)?.message}），当前文件未导入。请检查数据文件夹所在磁盘。`, { errno: code });
}

const cancelled = () => new CopyError('CANCELLED', '已取消导入。');

/** A file read, hashed and written to the vault's temp folder, waiting for `commit` (fsync, checks, rename). */
export interface StagedCopy {
  sha256: string;
  size: number;
  /** Time spent waiting for the source and the whole read pass, in ms: tells a slow device from a fast disk. */
  readMs: number;
  elapsedMs: number;
  /** fsync, size check on disk, atomic rename to the content address (read-only). Deletes the temp file on failure. */
  commit(): Promise<CopyResult>;
  /** Drops the temp file. */
  discard(): Promise<void>;
}

/** Chunks in flight per file: one being read, one being written, one being hashed. */
const RING = 3;

/** Where the chunks go: buffered writes through the (injectable) io layer, or unbuffered O_DIRECT writes. */
interface Sink {
  buffers: ChunkBuffer[];
  /** Writes are issued one at a time, in file order. */
  writeChunk(buf: Buffer, n: number, pos: number): Promise<void>;
  /** Cuts the padding of the last unbuffered block. */
  setSize(size: number): Promise<void>;
  handle: WriteHandle;
}

async function openSink(io: CopyIo, tmp: string, chunk: number): Promise<Sink> {
  if (io === nodeIo && directIoWanted() && chunk % BLOCK === 0) {
    const fh = await openDirect(tmp);
    if (fh) {
      const buffers: ChunkBuffer[] = [];
      try {
        for (let b: ChunkBuffer | null = null; buffers.length < RING; buffers.push(b)) {
          b = await takeAlignedChunk(chunk, fh);
          if (!b) break;
        }
      } catch (e) {
        // The probe write itself failed (a full or failing disk).
        giveChunks(buffers);
        await fh.close().catch(() => undefined);
        throw e;
      }
      if (buffers.length === RING) {
        return {
          buffers,
          handle: fh,
          async writeChunk(buf, n, pos) {
            const len = Math.ceil(n / BLOCK) * BLOCK;
            for (let off = 0; off < len; ) off += (await fh.write(buf, off, len - off, pos + off)).bytesWritten;
          },
          setSize: (size) => fh.truncate(size),
        };
      }
      giveChunks(buffers);
      await fh.close();
      await rm(tmp, { force: true });
    }
  }
  const wh = await io.openWrite(tmp);
  return {
    buffers: Array.from({ length: RING }, () => takeChunk(chunk)),
    handle: wh,
    async writeChunk(buf, n) {
      for (let off = 0; off < n; ) off += (await wh.write(buf, off, n - off)).bytesWritten;
    },
    setSize: async () => undefined,
  };
}

/**
 * The read pass of a copy, as a three-stage pipeline over a ring of chunk buffers: chunks are read
 * one after another (the source is read sequentially, once), each chunk's write to
 * `vault/tmp/*.partial` is queued behind the previous one, and the same bytes are hashed (SHA-256) on
 * a worker thread. A buffer is read into again only once both its write and its hash are done, so
 * reading, writing and hashing run at the same time and memory stays at RING chunks per file.
 * Ends with a size check (bytes read = size at open). On failure or cancellation the partial file
 * is deleted. Split from `commit` so a caller can fsync and rename one file while the next is read.
 */
export async function stageCopy(vault: Vault, src: string, opts: CopyOptions = {}): Promise<StagedCopy> {
  const io = opts.io ?? nodeIo;
  const chunk = opts.chunkSize ?? 4 * 1024 * 1024;
  if (opts.signal?.aborted) throw cancelled();
  const started = performance.now();
  let rh: ReadHandle;
  try {
    rh = await io.openRead(src);
  } catch (e) {
    throw readError(e, src, opts.deviceRoot);
  }
  const tmp = vault.tempPath();
  let sink: Sink | null = null;
  let hasher: Hasher | null = null;
  const inflight = new Set<Promise<void>>();
  let ok = false;
  try {
    let expected: number;
    try {
      expected = (await rh.stat()).size;
    } catch (e) {
      throw readError(e, src, opts.deviceRoot);
    }
    try {
      sink = await openSink(io, tmp, chunk);
    } catch (e) {
      throw writeError(e);
    }
    const out = sink;
    const hashFailed = (e: unknown) =>
      new CopyError('VAULT_WRITE_FAILED', `计算校验值失败（${(e as Error)?.message ?? e}），当前文件未导入。请重新导入；如果反复出现，请重启程序。`);
    let hash: Hasher;
    try {
      hash = hasher = acquireHasher();
    } catch (e) {
      throw hashFailed(e);
    }
    const free = out.buffers.map((b) => b.view);
    let wake: (() => void) | null = null;
    let failure: CopyError | null = null;
    let writes: Promise<void> = Promise.resolve();
    // Full chunks only (a short read would misalign unbuffered writes): read until the chunk is full or EOF.
    let readMs = 0;
    const readFull = async (buf: Buffer, at: number) => {
      let got = 0;
      const t0 = performance.now();
      try {
        while (got < chunk) {
          const { bytesRead } = await rh.read(buf, got, chunk - got, at + got);
          if (bytesRead === 0) break;
          got += bytesRead;
        }
      } catch (e) {
        throw readError(e, src, opts.deviceRoot);
      } finally {
        readMs += performance.now() - t0;
      }
      return got;
    };
    let pos = 0;
    for (;;) {
      while (free.length === 0 && !failure) await new Promise<void>((r) => (wake = r));
      if (failure) throw failure;
      if (opts.signal?.aborted) throw cancelled();
      const buf = free.pop()!;
      const n = await readFull(buf, pos).catch((e: unknown) => {
        free.push(buf);
        throw e;
      });
      if (n === 0) {
        free.push(buf);
        break;
      }
      const at = pos;
      pos += n;
      const written = (writes = writes.then(() =>
        out.writeChunk(buf, n, at).then(
          () => opts.onBytes?.(n),
          (e: unknown) => {
            throw writeError(e);
          },
        ),
      ));
      const done: Promise<void> = Promise.allSettled([written, hash.update(buf, n)]).then(([w, h]) => {
        if (w.status === 'rejected') failure ??= w.reason as CopyError;
        else if (h.status === 'rejected') failure ??= hashFailed(h.reason);
        free.push(buf);
        inflight.delete(done);
        wake?.();
        wake = null;
      });
      inflight.add(done);
      if (n < chunk) break; // a short chunk is the end of the file
    }
    await Promise.all(inflight);
    if (failure) throw failure;
    if (pos !== expected) {
      throw new CopyError('SOURCE_CHANGED', `文件在复制过程中发生变化（应为 ${expected} 字节，读到 ${pos} 字节），可能仍在录制或存储卡有故障`, { path: src });
    }
    const sha256 = await hash.digest().catch((e: unknown) => {
      throw hashFailed(e);
    });
    const size = pos;
    const wh = out.handle;
    ok = true;
    let settled = false;
    const finish = async () => {
      settled = true;
      await wh.close().catch(() => undefined);
      await rm(tmp, { force: true }).catch(() => undefined);
    };
    return {
      sha256,
      size,
      readMs,
      elapsedMs: performance.now() - started,
      async commit() {
        if (settled) throw new Error('commit after discard');
        try {
          await out.setSize(size);
          await wh.sync();
          const onDisk = (await wh.stat()).size;
          if (onDisk !== size) throw new CopyError('VAULT_WRITE_FAILED', `写入证据库后大小不符（${onDisk} ≠ ${size}），磁盘可能有故障。`);
          await wh.close();
          settled = true;
          const existed = vault.has(sha256);
          vault.commitTemp(tmp, sha256);
          if (!existed) await syncDir(dirname(vault.pathOf(sha256)));
          return { sha256, size, existed };
        } catch (e) {
          throw writeError(e);
        } finally {
          await finish();
        }
      },
      discard: finish,
    };
  } catch (e) {
    await Promise.all(inflight);
    throw e;
  } finally {
    // Every write and hash of a buffer has settled by now, so the buffers can go back to the pool.
    hasher?.release();
    if (sink) giveChunks(sink.buffers);
    await rh.close().catch(() => undefined);
    if (!ok) {
      if (sink) await sink.handle.close().catch(() => undefined);
      await rm(tmp, { force: true }).catch(() => undefined);
    }
  }
}

/** Copies one file into the vault in a single read pass, then fsync, size check and atomic rename. */
export async function copyIntoVault(vault: Vault, src: string, opts: CopyOptions = {}): Promise<CopyResult> {
  const staged = await stageCopy(vault, src, opts);
  return staged.commit();
}

/** Makes a rename durable (POSIX); Windows cannot open folders this way and journals renames itself. */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    /* best effort */
  }
}
