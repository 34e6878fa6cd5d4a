import { open, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { UserError } from '../../errors.js';

/**
 * A small ZIP reader for verifying archive packages anywhere (no database, no unzip tool): reads
 * the central directory (ZIP64 too), and streams an entry's bytes (stored or deflated).
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  isDirectory: boolean;
  encrypted: boolean;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const bad = (file: string, why: string) => new UserError('ZIP_UNREADABLE', `“${file}”不是完整的 ZIP 文件（${why}），可能在复制时被截断或已损坏。`);

async function readAt(fh: FileHandle, pos: number, len: number): Promise<Buffer> {
  const buf = Buffer.alloc(len);
  const { bytesRead } = await fh.read(buf, 0, len, pos);
  return buf.subarray(0, bytesRead);
}

const u64 = (b: Buffer, off: number) => Number(b.readBigUInt64LE(off));

export async function readZipDirectory(file: string): Promise<ZipEntry[]> {
  const fh = await open(file, 'r');
  try {
    const size = (await fh.stat()).size;
    const tailLen = Math.min(size, 65_557);
    const tail = await readAt(fh, size - tailLen, tailLen);
    let e = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        e = i;
        break;
      }
    }
    if (e < 0) throw bad(file, '找不到目录结尾');
    let count = tail.readUInt16LE(e + 10);
    let cdSize = tail.readUInt32LE(e + 12);
    let cdOffset = tail.readUInt32LE(e + 16);
    if (e >= 20 && tail.readUInt32LE(e - 20) === ZIP64_LOCATOR) {
      const z = await readAt(fh, u64(tail, e - 20 + 8), 56);
      if (z.readUInt32LE(0) !== ZIP64_EOCD) throw bad(file, 'ZIP64 目录结尾损坏');
      count = u64(z, 32);
      cdSize = u64(z, 40);
      cdOffset = u64(z, 48);
    }
    if (cdOffset + cdSize > size) throw bad(file, '目录超出文件末尾');
    const cd = await readAt(fh, cdOffset, cdSize);
    const out: ZipEntry[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw bad(file, `第 ${i + 1} 个目录项损坏`);
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      let compressedSize = cd.readUInt32LE(p + 20);
      let uncompressed = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      let localOffset = cd.readUInt32LE(p + 42);
      const nameBuf = cd.subarray(p + 46, p + 46 + nameLen);
      const name = nameBuf.toString(flags & 0x800 ? 'utf8' : 'latin1');
      // ZIP64 extended information: the fields that overflowed, in this order.
      let x = p + 46 + nameLen;
      const xEnd = x + extraLen;
      while (x + 4 <= xEnd) {
        const id = cd.readUInt16LE(x);
        const len = cd.readUInt16LE(x + 2);
        if (id === 0x0001) {
          let q = x + 4;
          if (uncompressed === 0xffffffff) (uncompressed = u64(cd, q)), (q += 8);
          if (compressedSize === 0xffffffff) (compressedSize = u64(cd, q)), (q += 8);
          if (localOffset === 0xffffffff) localOffset = u64(cd, q);
        }
        x += 4 + len;
      }
      out.push({ name, method, compressedSize, size: uncompressed, localOffset, isDirectory: name.endsWith('/'), encrypted: (flags & 1) === 1 });
      p = xEnd + commentLen;
    }
    return out;
  } finally {
    await fh.close();
  }
}

/** The bytes of one entry as a stream (inflated when deflated). */
export async function openZipEntry(file: string, entry: ZipEntry): Promise<Readable> {
  if (entry.encrypted) throw bad(file, `“${entry.name}”已加密`);
  if (entry.method !== 0 && entry.method !== 8) throw bad(file, `“${entry.name}”使用了不支持的压缩方式 ${entry.method}`);
  const fh = await open(file, 'r');
  let header: Buffer;
  try {
    header = await readAt(fh, entry.localOffset, 30);
  } finally {
    await fh.close();
  }
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw bad(file, `“${entry.name}”的文件头损坏`);
  const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(file, { start, end: start + entry.compressedSize - 1, highWaterMark: 4 * 1024 * 1024 });
  if (entry.method === 0) return raw;
  const inflate = createInflateRaw();
  raw.on('error', (e) => inflate.destroy(e));
  return raw.pipe(inflate);
}
