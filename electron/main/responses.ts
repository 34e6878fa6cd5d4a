// The responses of the app:// and media:// protocols, as plain fetch-API functions (Request in,
// Response out) so they are tested with Node alone; protocol.ts only registers them with Electron.
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { CSP } from '../../core/harness/server.js';
import { contentType } from '../../core/harness/static-files.js';
import type { Vault } from '../../core/vault/vault.js';
import { sniffMediaType, SNIFF_BYTES } from '../../core/media/media-type.js';
import { planRangeResponse } from '../../shared/logic/http-range.js';
import { mediaSha256, resolveAppFile } from './urls.js';

const COMMON_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };

export const textResponse = (status: number, body: string) =>
  new Response(body, { status, headers: { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

export async function serveAppRequest(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'GET only');
  const file = resolveAppFile(rendererDir, request.url);
  if (!file) return textResponse(404, '未找到');
  const body = request.method === 'HEAD' ? null : await readFile(file);
  return new Response(body, {
    status: 200,
    headers: { ...COMMON_HEADERS, 'Content-Type': contentType(file), 'Content-Security-Policy': CSP },
  });
}

async function readHead(file: string): Promise<Uint8Array> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export async function serveMediaRequest(request: Request, vault: Vault | null): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'GET only');
  const sha = mediaSha256(request.url);
  if (!sha) return textResponse(404, '未找到');
  if (!vault) return textResponse(503, '数据文件夹尚未打开');
  const file = vault.pathOf(sha);
  let size: number;
  try {
    const st = await stat(file);
    if (!st.isFile()) return textResponse(404, '未找到');
    size = st.size;
  } catch {
    return textResponse(404, '证据库中没有这个文件');
  }
  const plan = planRangeResponse(request.headers.get('range'), size);
  const headers = { ...COMMON_HEADERS, ...plan.headers, 'Content-Type': sniffMediaType(await readHead(file)) };
  const body =
    request.method === 'GET' && plan.range
      ? (Readable.toWeb(createReadStream(file, { start: plan.range.start, end: plan.range.end })) as unknown as ReadableStream<Uint8Array>)
      : null;
  return new Response(body, { status: plan.status, headers });
}

