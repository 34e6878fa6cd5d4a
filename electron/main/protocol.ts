// app:// serves the built renderer; media:// serves vault objects with Range support (video seeking).
// Both go through pure, unit-tested code (responses.ts, urls.ts, range.ts); no file:// anywhere.
import { protocol } from 'electron';
import type { Vault } from '../../core/vault/vault.js';
import { serveAppRequest, serveMediaRequest, textResponse } from './responses.js';
import { APP_SCHEME, MEDIA_SCHEME } from './urls.js';

/** Must run before `app` is ready, and only once (a second call replaces the first). */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true, corsEnabled: true, bypassCSP: false } },
  ]);
}

/** Installs both handlers on the default session. Call once the app is ready. */
export function handleProtocols(opts: { rendererDir: string; vault: () => Vault | null }): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, opts.rendererDir));
  protocol.handle(MEDIA_SCHEME, (request) =>
    serveMediaRequest(request, opts.vault()).catch((e: unknown) => {
      console.error('[sanxiang] media:// failed:', e);
      return textResponse(500, '读取文件失败');
    }),
  );
}
