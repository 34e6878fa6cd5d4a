import { chmodSync, closeSync, openSync, readSync, statSync, writeSync } from 'node:fs';

/**
 * Flips one byte of a file in place (a read-only vault object too; its mode is put back): the
 * tampering that every check of a hash must find. Flipping the same byte again restores the file.
 */
export function flipByte(path: string, at: number): void {
  const mode = statSync(path).mode & 0o777;
  chmodSync(path, 0o644);
  const fd = openSync(path, 'r+');
  try {
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, at);
    b[0] ^= 0xff;
    writeSync(fd, b, 0, 1, at);
  } finally {
    closeSync(fd);
    chmodSync(path, mode);
  }
}
