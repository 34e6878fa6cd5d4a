import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/**
 * Unbuffered (O_DIRECT) writes into the vault on Linux. Buffered writes copy every byte into the
 * page cache and then write it back; for a one-pass copy that is followed by fsync anyway, writing
 * straight from the read buffer to the disk is markedly faster and leaves the page cache to the
 * source. O_DIRECT needs buffers, offsets and lengths aligned to the block size: buffers are
 * aligned by chunk-buffers.ts, every chunk except the last is a full chunk, the last one is padded
 * and the file is then truncated to its real size.
 * Elsewhere (Windows, macOS, tmpfs) and with SANXIANG_NO_DIRECT_IO=1, buffered writes are used.
 */

export const directIoWanted = () =>
  process.platform === 'linux' && typeof constants.O_DIRECT === 'number' && process.env.SANXIANG_NO_DIRECT_IO !== '1';

/** Opens a new file for unbuffered writing, or null when the file system refuses O_DIRECT. */
export async function openDirect(path: string): Promise<FileHandle | null> {
  try {
    return await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_DIRECT, 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EINVAL') return null;
    throw e;
  }
}
