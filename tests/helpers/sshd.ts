import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { startLocalSshd, sshdAvailable, type LocalSshd } from '../../core/bench/local-sshd.js';
import type { SftpTarget } from '../../core/publish/sftp-client.js';

/**
 * A real OpenSSH sshd on 127.0.0.1 started by the tests (throwaway host and client keys,
 * SFTP-only account, absolute paths); see core/bench/local-sshd.ts. Kill it in `after`.
 */
export { startLocalSshd as startSshd, sshdAvailable, type LocalSshd as Sshd };

/** An SFTP target for the server, publishing into `<webRoot>/<sub>`. */
export function sftpTarget(s: LocalSshd, sub = 'site', over: Partial<SftpTarget> = {}): SftpTarget {
  return {
    host: s.host,
    port: s.port,
    username: s.username,
    remoteDir: join(s.webRoot, sub),
    hostKey: s.hostKeyFingerprint,
    privateKey: s.clientKey,
    ...over,
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

/** A static web server over a published folder (`current` is followed like nginx does). 127.0.0.1 only. */
export function serveFolder(root: string): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const base = realpathSync(root);
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(base, path));
    if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('404');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}/`, server, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}
