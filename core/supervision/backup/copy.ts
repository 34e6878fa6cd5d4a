import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { chmod, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Copies `src` to `dest` in one pass while hashing: written to `<dest>.<rand>.partial`, fsynced, the
 * hash compared with `expected`, then made read-only and renamed. Returns the actual hash; on a
 * mismatch the partial file is removed and nothing is left at `dest`. Vault objects are made read-only.
 */
export async function copyVerified(src: string, dest: string, expected: string, opts: { readOnly?: boolean } = {}): Promise<{ ok: boolean; sha256: string; size: number }> {
  await mkdir(dirname(dest), { recursive: true });
  const tmp = `${dest}.${randomBytes(4).toString('hex')}.partial`;
  const out = await open(tmp, 'wx');
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of createReadStream(src, { highWaterMark: 4 * 1024 * 1024 })) {
      const b = chunk as Buffer;
      hash.update(b);
      let off = 0;
      while (off < b.length) off += (await out.write(b, off, b.length - off)).bytesWritten;
      size += b.length;
    }
    await out.sync();
  } catch (e) {
    await out.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw e;
  }
  await out.close();
  const sha256 = hash.digest('hex');
  if (sha256 !== expected) {
    await rm(tmp, { force: true });
    return { ok: false, sha256, size };
  }
  if (opts.readOnly !== false) await chmod(tmp, 0o444);
  await rename(tmp, dest);
  return { ok: true, sha256, size };
}

/** Whether a content-addressed object is present with the right size (checked by hash when it was copied). */
export const hasObject = (path: string, size: number) => existsSync(path) && statSync(path).size === size;

/** Deletes a read-only file (Windows refuses to unlink read-only files). */
export async function removeReadOnly(path: string): Promise<void> {
  await chmod(path, 0o666).catch(() => undefined);
  await rm(path, { force: true });
}
