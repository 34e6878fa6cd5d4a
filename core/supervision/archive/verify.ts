import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import type { ArchiveProblem, ArchiveVerifyResult } from '../../../shared/supervision-types.js';
import { formatBytes } from '../../../shared/logic/text.js';
import { UserError } from '../../errors.js';
import { CERTIFICATE_NAME, MANIFEST_NAME, manifestHashInCertificate, parseManifest, sha256Hex } from './manifest.js';
import { openZipEntry, readZipDirectory } from './zip-read.js';

/** Files Windows Explorer and macOS Finder drop into folders they show; not part of the package. */
const OS_FILES = /(^|\/)(Thumbs\.db|desktop\.ini|\.DS_Store)$/i;

/** A package seen as files: relative path → a way to read it. Works the same for a folder and a zip. */
interface PackageView {
  kind: 'folder' | 'zip';
  files: Map<string, { size: number; open: () => Promise<Readable> }>;
}

async function folderView(dir: string): Promise<PackageView> {
  const files: PackageView['files'] = new Map();
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else files.set(relative(dir, p).split(sep).join('/'), { size: (await stat(p)).size, open: async () => createReadStream(p, { highWaterMark: 4 * 1024 * 1024 }) });
    }
  };
  await walk(dir);
  return { kind: 'folder', files };
}

async function zipView(file: string): Promise<PackageView> {
  const entries = (await readZipDirectory(file)).filter((e) => !e.isDirectory);
  // Packages put everything under one top folder; strip it so paths match the manifest.
  const tops = new Set(entries.map((e) => (e.name.includes('/') ? e.name.slice(0, e.name.indexOf('/') + 1) : '')));
  const prefix = tops.size === 1 ? [...tops][0] : '';
  const files: PackageView['files'] = new Map();
  for (const e of entries) files.set(e.name.slice(prefix.length), { size: e.size, open: () => openZipEntry(file, e) });
  return { kind: 'zip', files };
}

const cancelled = () => new UserError('CANCELLED', '已取消校验案卷包（案卷包本身未受影响）。');

/** SHA-256 of a stream; stops within a chunk when `signal` aborts (CANCELLED). */
async function hashStream(s: Readable, onBytes: (n: number) => void, signal?: AbortSignal): Promise<{ sha256: string; size: number }> {
  const h = createHash('sha256');
  let size = 0;
  for await (const chunk of s) {
    if (signal?.aborted) {
      s.destroy();
      throw cancelled();
    }
    h.update(chunk as Buffer);
    size += (chunk as Buffer).length;
    onBytes((chunk as Buffer).length);
  }
  return { sha256: h.digest('hex'), size };
}

async function readAll(s: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Checks an archive package — a folder or its zip — anywhere, without the database: every file in
 * `manifest.sha256` is present and matches its hash, nothing is missing or extra, and the manifest's
 * own hash is the one stated in the verification certificate. Reads every byte once.
 */
/** How far a package check has come: files and bytes (the bytes move within a large file too). */
export interface ArchiveVerifyProgress {
  files: number;
  filesTotal: number;
  bytes: number;
  bytesTotal: number;
}

/** “已校验 3/12 个文件（120 MB / 2.1 GB）” */
export const verifyProgressText = (p: ArchiveVerifyProgress) => `已校验 ${p.files}/${p.filesTotal} 个文件（${formatBytes(p.bytes)} / ${formatBytes(p.bytesTotal)}）`;

export async function verifyArchive(path: string, onProgress?: (p: ArchiveVerifyProgress) => void, signal?: AbortSignal): Promise<ArchiveVerifyResult> {
  if (!existsSync(path)) throw new UserError('NOT_FOUND', `找不到案卷包“${path}”。请检查路径（移动硬盘或网络盘是否已连接）。`);
  const isDir = (await stat(path)).isDirectory();
  const view = isDir ? await folderView(path) : await zipView(path);
  const problems: ArchiveProblem[] = [];
  const result = (manifestSha256: string | null, certificateManifestSha256: string | null, files: number, totalBytes: number): ArchiveVerifyResult => {
    const ok = problems.length === 0;
    return {
      ok,
      kind: view.kind,
      path,
      files,
      totalBytes,
      manifestSha256,
      certificateManifestSha256,
      problems,
      message: ok
        ? `案卷包完整：${files} 个文件全部与清单一致，清单哈希与验证证书一致。`
        : `案卷包校验未通过，发现 ${problems.length} 处问题：${problems.slice(0, 5).map((p) => `${p.path}：${p.problem}`).join('；')}${problems.length > 5 ? '……' : ''}`,
    };
  };
  const manifestFile = view.files.get(MANIFEST_NAME);
  if (!manifestFile) {
    problems.push({ path: MANIFEST_NAME, problem: '缺少文件清单，无法校验（这可能不是本程序生成的案卷包，或清单被删除）' });
    return result(null, null, 0, 0);
  }
  const manifestBytes = await readAll(await manifestFile.open());
  const manifestSha256 = sha256Hex(manifestBytes);
  const { entries, problems: lineProblems } = parseManifest(manifestBytes.toString('utf8'));
  for (const p of lineProblems) problems.push({ path: MANIFEST_NAME, problem: p });

  let certificateHash: string | null = null;
  const cert = view.files.get(CERTIFICATE_NAME);
  if (!cert) problems.push({ path: CERTIFICATE_NAME, problem: '缺少验证证书' });
  else {
    certificateHash = manifestHashInCertificate(await readAll(await cert.open()));
    if (!certificateHash) problems.push({ path: CERTIFICATE_NAME, problem: '验证证书中找不到清单哈希（证书可能被替换或损坏）' });
    else if (certificateHash !== manifestSha256) problems.push({ path: MANIFEST_NAME, problem: '清单文件的哈希与验证证书记载的不一致（清单被修改或替换）' });
  }

  const progress: ArchiveVerifyProgress = { files: 0, filesTotal: entries.size, bytes: 0, bytesTotal: 0 };
  for (const p of entries.keys()) progress.bytesTotal += view.files.get(p)?.size ?? 0;
  // Within a file, progress is told every 8 MiB (and after each file).
  let toldAt = 0;
  const onBytes = (n: number) => {
    progress.bytes += n;
    if (progress.bytes - toldAt >= 8 * 1024 * 1024) {
      toldAt = progress.bytes;
      onProgress?.({ ...progress });
    }
  };
  let totalBytes = 0;
  for (const [p, expected] of entries) {
    if (signal?.aborted) throw cancelled();
    const f = view.files.get(p);
    if (!f) {
      problems.push({ path: p, problem: '清单中列出的文件缺失' });
      continue;
    }
    try {
      const h = await hashStream(await f.open(), onBytes, signal);
      totalBytes += h.size;
      if (h.sha256 !== expected) problems.push({ path: p, problem: '文件内容与清单不符（已被修改或损坏）' });
    } catch (e) {
      if (e instanceof UserError && e.code === 'CANCELLED') throw e;
      problems.push({ path: p, problem: `无法读取（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}），文件可能已损坏` });
    }
    progress.files++;
    toldAt = progress.bytes;
    onProgress?.({ ...progress });
  }
  for (const p of view.files.keys()) {
    if (OS_FILES.test(p)) continue;
    if (p !== MANIFEST_NAME && p !== CERTIFICATE_NAME && !entries.has(p)) problems.push({ path: p, problem: '文件不在清单中（案卷包中多出的文件）' });
  }
  return result(manifestSha256, certificateHash, entries.size, totalBytes);
}
