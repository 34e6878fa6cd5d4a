import type { FileHandle } from 'node:fs/promises';

/** The alignment unit of unbuffered (O_DIRECT) I/O: buffer addresses, offsets and lengths. */
export const BLOCK = 4096;

/**
 * The copy's chunk buffers: views of SharedArrayBuffers, so a hashing worker reads the very bytes
 * that were read from the source and written to the vault (see hasher-pool.ts). Buffers are pooled,
 * so memory stays flat however many (or however large) the files are.
 *
 * For unbuffered (O_DIRECT) writes the view must start at a block-aligned address. Where a shared
 * buffer's memory starts is not visible from JavaScript, so the first aligned buffer of a size is
 * found by a probe: one block is written at offset 0 of the new, empty O_DIRECT file from each
 * 16-byte offset until the kernel accepts it (the first real chunk overwrites that block).
 */

export interface ChunkBuffer {
  view: Buffer;
  /** Usable for O_DIRECT writes. */
  aligned: boolean;
}

const pool: ChunkBuffer[] = [];
/** Two files in flight with their rings of buffers, and no more. */
const MAX_POOLED = 8;

function fromPool(size: number, aligned: boolean): ChunkBuffer | null {
  const i = pool.findIndex((b) => b.view.length === size && b.aligned === aligned);
  return i >= 0 ? pool.splice(i, 1)[0] : null;
}

/** A buffer for buffered writes. */
export function takeChunk(size: number): ChunkBuffer {
  return fromPool(size, false) ?? { view: Buffer.from(new SharedArrayBuffer(size)), aligned: false };
}

/** A block-aligned buffer for O_DIRECT writes to `fh` (a new, empty file), or null when no alignment works. */
export async function takeAlignedChunk(size: number, fh: FileHandle): Promise<ChunkBuffer | null> {
  const pooled = fromPool(size, true);
  if (pooled) return pooled;
  const raw = Buffer.from(new SharedArrayBuffer(size + BLOCK));
  for (let off = 0; off < BLOCK; off += 16) {
    try {
      await fh.write(raw, off, BLOCK, 0);
      return { view: raw.subarray(off, off + size), aligned: true };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EINVAL') throw e;
    }
  }
  return null;
}

export function giveChunks(buffers: ChunkBuffer[]): void {
  for (const b of buffers) if (pool.length < MAX_POOLED) pool.push(b);
}
