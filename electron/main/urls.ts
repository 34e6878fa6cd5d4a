// The shell's two private URL schemes and the pure functions that map their URLs to files.
// No Electron in here, so the mapping is unit-tested with Node alone.
import { resolveInside } from '../../core/harness/static-files.js';
import { SHA256_RE } from '../../core/vault/vault.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'sanxiang';
/** The renderer's origin. Everything trusted (IPC senders, navigation targets) starts with this. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL_PREFIX = `${APP_ORIGIN}/`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const MEDIA_SCHEME = 'media';
export const MEDIA_HOST = 'vault';
/** `media://vault/<sha256>`: a read-only view of one vault object (evidence video, photo, document). */
export const mediaUrl = (sha256: string) => `${MEDIA_SCHEME}://${MEDIA_HOST}/${sha256}`;

/** True for a URL of our renderer (`app://sanxiang/...`); the trailing slash rules out `app://sanxiang.evil`. */
export const isAppUrl = (url: string | null | undefined): boolean => typeof url === 'string' && url.startsWith(APP_URL_PREFIX);

/**
 * Maps an `app://sanxiang/<path>` request to a file inside the built renderer, through the same
 * path-traversal guard as the browser harness. A path without a file extension that matches no
 * file falls back to index.html (client-side routes); anything refused or missing gives null (404).
 */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  const path = url.pathname === '/' || url.pathname === '' ? '/index.html' : url.pathname;
  const file = resolveInside(rendererDir, path);
  if (file) return file;
  const last = path.slice(path.lastIndexOf('/') + 1);
  if (last.includes('.') || path.includes('\\') || /%5c|%2f|%00/i.test(path)) return null;
  return resolveInside(rendererDir, '/index.html');
}

/** The SHA-256 named by a `media://vault/<sha256>` URL, or null for anything else. */
export function mediaSha256(requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${MEDIA_SCHEME}:` || url.host !== MEDIA_HOST) return null;
  const sha = url.pathname.replace(/^\//, '');
  return SHA256_RE.test(sha) ? sha : null;
}
