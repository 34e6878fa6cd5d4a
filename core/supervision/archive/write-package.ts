import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { Vault } from '../../vault/vault.js';
import { UserError } from '../../errors.js';
import { toCsv } from '../../util/csv.js';
import type { ArchiveEntryInfo, ArchiveVerifyResult } from '../../../shared/supervision-types.js';
import { INDEX_NAME, sha256Hex, type ManifestEntry } from './manifest.js';
import type { PackageEntry } from './entries.js';
import { verifyArchive, verifyProgressText } from './verify.js';
import { writeZip } from './zip-write.js';

export interface WrittenFile extends ManifestEntry {
  size: number;
}

/** Copies a vault object into the package, hashing on the way: a vault file that no longer matches its address stops the archive. */
export async function copyFromVault(vault: Vault, sha256: string, dest: string, signal?: AbortSignal, cancelledMessage = '已取消。'): Promise<number> {
  const src = vault.pathOf(sha256);
  if (!existsSync(src)) throw new UserError('VAULT_OBJECT_MISSING', `证据库中缺少文件 ${sha256}（${src}），无法归档。请先运行“证据库校验”并从备份恢复该文件。`);
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _e, cb) {
      hash.update(chunk);
      size += chunk.length;
      cb(null, chunk);
    },
  });
  const out = createWriteStream(dest, { flags: 'wx' });
  try {
    await pipeline(createReadStream(src, { highWaterMark: 4 * 1024 * 1024 }), tap, out, { signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw new UserError('CANCELLED', cancelledMessage);
    throw e;
  }
  if (hash.digest('hex') !== sha256) {
    throw new UserError('VAULT_OBJECT_DAMAGED', `证据库中的文件 ${sha256} 内容与登记的哈希不符（已损坏或被改动），无法归档。请运行“证据库校验”并从备份恢复该文件。`);
  }
  return size;
}

/** Pages of a PDF (count of page objects), or null for other files. */
export function pdfPages(data: Buffer): number | null {
  if (data.subarray(0, 5).toString('latin1') !== '%PDF-') return null;
  return (data.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length || null;
}

/**
 * Writes the entries into `dir` (which must not exist), then the 卷内目录 (index: order, title,
 * date, pages, size, path). Returns every file written with its hash and size, and the index rows.
 */
export async function writeEntries(
  vault: Vault,
  entries: PackageEntry[],
  dir: string,
  opts: { onEntry?: (done: number, total: number) => void; signal?: AbortSignal; cancelledMessage?: string } = {},
): Promise<{ files: WrittenFile[]; index: ArchiveEntryInfo[] }> {
  const files: WrittenFile[] = [];
  const index: ArchiveEntryInfo[] = [];
  for (const [i, e] of entries.entries()) {
    if (opts.signal?.aborted) throw new UserError('CANCELLED', opts.cancelledMessage ?? '已取消。');
    const dest = join(dir, ...e.path.split('/'));
    await mkdir(dirname(dest), { recursive: true });
    let size: number;
    let sha256: string;
    let pages: number | null = null;
    if (e.source.kind === 'bytes') {
      await writeFile(dest, e.source.data, { flag: 'wx' });
      size = e.source.data.length;
      sha256 = sha256Hex(e.source.data);
      pages = pdfPages(e.source.data);
    } else {
      size = await copyFromVault(vault, e.source.sha256, dest, opts.signal, opts.cancelledMessage);
      sha256 = e.source.sha256;
      if (e.path.toLowerCase().endsWith('.pdf') && size < 64 * 1024 * 1024) pages = pdfPages(vault.read(sha256));
    }
    files.push({ path: e.path, sha256, size });
    index.push({ order: i + 1, path: e.path, title: e.title, date: e.date, size, pages, category: e.category });
    opts.onEntry?.(i + 1, entries.length);
  }
  const csv = toCsv(
    ['顺序号', '文件题名', '日期', '页数', '大小（字节）', '类别', '包内路径'],
    index.map((x) => [x.order, x.title, x.date, x.pages ?? '', x.size, x.category, x.path]),
  );
  const data = Buffer.from(csv, 'utf8');
  await writeFile(join(dir, INDEX_NAME), data, { flag: 'wx' });
  files.push({ path: INDEX_NAME, sha256: sha256Hex(data), size: data.length });
  return { files, index };
}

/** Moves a finished `<final>.partial` folder or file into place; refuses to overwrite. */
export async function commitPath(partial: string, final: string): Promise<void> {
  if (existsSync(final)) throw new UserError('ARCHIVE_EXISTS', `目标位置已有同名案卷包“${final}”。请移走或改名后重试，或另选保存位置。`);
  await rename(partial, final);
}

export const removeQuietly = (p: string) => rm(p, { recursive: true, force: true }).catch(() => undefined);


/**
 * The last steps of writing a package: the zip of the finished folder (when `zipPath` is given,
 * written as `<zip>.partial` and renamed; both recorded in `created` for clean-up), then the folder
 * and the zip verified against their manifest (and `expectManifest`). Returns the first failing check, or null.
 */
export async function zipAndVerify(o: {
  folder: string;
  name: string;
  paths: string[];
  zipPath: string | null;
  zipDate: Date;
  created: string[];
  tell: (line: string, done?: number, total?: number) => void;
  stopIfCancelled: () => void;
  signal?: AbortSignal;
  /** The manifest hash the package must have (a package written again must match its certificate). */
  expectManifest?: string;
}): Promise<ArchiveVerifyResult | null> {
  if (o.zipPath) {
    o.stopIfCancelled();
    o.tell('正在生成压缩包…');
    const partial = `${o.zipPath}.partial`;
    await removeQuietly(partial); // left by an earlier run that stopped
    o.created.push(partial);
    await writeZip(o.folder, o.name, o.paths, partial, o.zipDate);
    await commitPath(partial, o.zipPath);
    o.created.push(o.zipPath);
  }
  for (const p of [o.folder, o.zipPath]) {
    if (!p) continue;
    o.stopIfCancelled();
    const what = p === o.folder ? '文件夹' : '压缩包';
    const v = await verifyArchive(p, (x) => o.tell(`正在校验${what}：${verifyProgressText(x)}`, x.bytes, x.bytesTotal), o.signal);
    if (!v.ok || (o.expectManifest && v.manifestSha256 !== o.expectManifest)) return v;
  }
  return null;
}
