import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { sniffMediaType, SNIFF_BYTES } from './media-type.js';
import type { ServerResponse } from 'node:http';
import { SHA256_RE, type Vault } from '../vault/vault.js';

/**
 * `GET /media/<sha256>` for the browser harness (the Electron shell has its own `media://`
 * handler): serves a vault object with HTTP Range support so the player can seek.
 * 200 for the whole file, 206 for one satisfiable range, 416 when the range starts past the end;
 * several ranges or a malformed header are ignored (whole file), as RFC 9110 allows.
 * Objects are content-addressed, hence immutable: cached for a year with the hash as ETag.
 */

export type ByteRange = { start: number; end: number };

/** Parses a single `bytes=` range against a size; null = serve the whole file; 'unsatisfiable' = 416. */
export function parseRange(header: string | undefined | null, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

export function serveVaultObject(
  vault: Vault,
  sha256: string,
  rangeHeader: string | undefined | null,
  res: ServerResponse,
  opts: { contentType?: string; head?: boolean; fileName?: string } = {},
): void {
  if (!SHA256_RE.test(sha256)) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('文件标识格式不正确');
    return;
  }
  const path = vault.pathOf(sha256);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('证据库中没有该文件');
    return;
  }
  const headers: Record<string, string | number> = {
    'Accept-Ranges': 'bytes',
    'Content-Type': opts.contentType ?? sniffFile(path),
    'Cache-Control': 'private, max-age=31536000, immutable',
    ETag: `"${sha256}"`,
    'X-Content-Type-Options': 'nosniff',
  };
  if (opts.fileName) headers['Content-Disposition'] = `inline; filename*=UTF-8''${encodeURIComponent(opts.fileName)}`;
  const range = parseRange(rangeHeader, size);
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}`, 'Content-Length': 0 });
    res.end();
    return;
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const length = size === 0 ? 0 : end - start + 1;
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  res.writeHead(range ? 206 : 200, { ...headers, 'Content-Length': length });
  if (opts.head || length === 0) {
    res.end();
    return;
  }
  const stream = createReadStream(path, { start, end, highWaterMark: 1024 * 1024 });
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}

/** The Content-Type of a vault object from its first bytes (objects are named by hash only). */
function sniffFile(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    return sniffMediaType(head.subarray(0, readSync(fd, head, 0, SNIFF_BYTES, 0)));
  } finally {
    closeSync(fd);
  }
}
