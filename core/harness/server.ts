import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../app.js';
import { dispatch } from '../dispatch.js';
import { readStatic } from './static-files.js';
import { serveVaultObject } from '../media/media-route.js';

export interface Harness {
  url: string;
  /** The URL to open: carries the access token once; the page then keeps it in a cookie. */
  openUrl: string;
  token: string;
  close(): Promise<void>;
}

const COOKIE = 'sanxiang_token';
const MAX_BODY = 80 * 1024 * 1024;

/**
 * The browser harness: serves the built renderer and routes `POST /api/<operation>` to the same
 * dispatcher the Electron shell uses. Listens on 127.0.0.1 only; every request must carry the
 * random token (cookie set from `?token=` on first load) and a loopback Host header.
 */
export async function startHarness(app: AppContext, opts: { port?: number; staticDir: string }): Promise<Harness> {
  const token = randomBytes(24).toString('base64url');
  let port = 0;

  const tokenOk = (req: IncomingMessage, url: URL) => {
    const given = url.searchParams.get('token') ?? cookie(req, COOKIE) ?? (req.headers['x-sanxiang-token'] as string | undefined);
    if (!given) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const server = createServer(async (req, res) => {
    try {
      const host = req.headers.host ?? '';
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 403, 'text/plain', 'forbidden host');
      const url = new URL(req.url ?? '/', `http://${host}`);
      if (!tokenOk(req, url)) {
        return send(res, 401, 'text/plain; charset=utf-8', '访问令牌无效。请使用 sanxiang serve 打印的完整地址打开。');
      }
      if (url.searchParams.has('token')) {
        res.setHeader('Set-Cookie', `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`);
        res.writeHead(302, { Location: '/' });
        return res.end();
      }
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
        const op = decodeURIComponent(url.pathname.slice('/api/'.length));
        const body = await readBody(req);
        let input: unknown = {};
        try {
          input = body.length ? JSON.parse(body.toString('utf8')) : {};
        } catch {
          return sendJson(res, { ok: false, error: { code: 'INVALID_INPUT', message: '请求内容不是有效的 JSON。' } });
        }
        const sessionToken = (req.headers['x-sanxiang-session'] as string | undefined) ?? null;
        return sendJson(res, await dispatch(app, op, input, { sessionToken }));
      }
      if (url.pathname.startsWith('/media/') && (req.method === 'GET' || req.method === 'HEAD')) {
        // Vault objects for playback in the browser, with HTTP Range (the desktop shell uses media://).
        return serveVaultObject(app.vault, url.pathname.slice('/media/'.length), req.headers.range, res, { head: req.method === 'HEAD' });
      }
      if (req.method !== 'GET') return send(res, 405, 'text/plain', 'GET only');
      const file = readStatic(opts.staticDir, url.pathname) ?? (url.pathname.includes('.') ? null : readStatic(opts.staticDir, '/'));
      if (!file) return send(res, 404, 'text/plain; charset=utf-8', '未找到');
      res.setHeader('Content-Security-Policy', CSP);
      return send(res, 200, file.type, file.body);
    } catch (e) {
      if ((e as Error).message === 'BODY_TOO_LARGE') {
        return sendJson(res, { ok: false, error: { code: 'TOO_LARGE', message: '上传内容超过 80 MB，请拆分后重试。' } }, 413);
      }
      console.error('[harness]', e);
      return sendJson(res, { ok: false, error: { code: 'INTERNAL', message: `程序内部错误：${(e as Error).message}` } }, 500);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    openUrl: `${url}?token=${token}`,
    token,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Same policy as the Electron shell: nothing external, no inline scripts. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: media:; media-src 'self' blob: media:; connect-src 'self'; font-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('BODY_TOO_LARGE'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
  res.end(body);
}

function sendJson(res: ServerResponse, value: unknown, status = 200) {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}
