import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { sniffMediaType, SNIFF_BYTES } from './media-type.js';
import type { ServerResponse } from 'node:http';
import { SHA256_RE, type Vault } from '../vault/vault.js';
import { planRangeResponse } from '../../shared/logic/http-range.js';

/**
 * `GET /media/<sha256>` for the browser harness (the Electron shell has its own `media://`
 * handler): serves a vault object with HTTP Range support so the player can seek.
 * Status and ranges as in shared/logic/http-range.ts (200, 206 for the first satisfiable range, 416).
 * Objects are content-addressed, hence immutable: cached for a year with the hash as ETag.
 */

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
  const headers: Record<string, string> = {
    'Content-Type': opts.contentType ?? sniffFile(path),
    'Cache-Control': 'private, max-age=31536000, immutable',
    ETag: `"${sha256}"`,
    'X-Content-Type-Options': 'nosniff',
  };
  if (opts.fileName) headers['Content-Disposition'] = `inline; filename*=UTF-8''${encodeURIComponent(opts.fileName)}`;
  const plan = planRangeResponse(rangeHeader, size);
  res.writeHead(plan.status, { ...headers, ...plan.headers });
  if (!plan.range || opts.head) {
    res.end();
    return;
  }
  const { start, end } = plan.range;
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
