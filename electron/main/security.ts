// The Electron security checklist, in one place: CSP on every response, no navigation away from
// app://sanxiang, no new windows or webviews, no permissions (bar two harmless ones for our own page).
import { app, shell, type Session, type WebContents } from 'electron';
import { CSP } from '../../core/harness/server.js';
import { APP_ORIGIN, isAppUrl } from './urls.js';

/**
 * Permissions our own page may use: writing plain text to the clipboard (copy a case number) and
 * fullscreen for the <video> player. Everything else (camera, microphone, geolocation, notifications
 * from the page, USB/HID/serial, screen capture…) is refused.
 */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write', 'fullscreen']);

const isOurOrigin = (origin: string | undefined | null) => origin === APP_ORIGIN || isAppUrl(origin);

/** Links the user may open in the default browser (e.g. the bureau's published site). */
export function isSafeExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password && url.hostname !== '';
}

/** Session-wide rules. Call once the app is ready, for every session the app uses. */
export function hardenSession(ses: Session): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-security-policy') delete headers[k];
    headers['Content-Security-Policy'] = [CSP];
    callback({ responseHeaders: headers });
  });
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && isOurOrigin(details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => ALLOWED_PERMISSIONS.has(permission) && isOurOrigin(requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  // Downloads only of what our own page produced (exports built in the page as blob: URLs).
  ses.on('will-download', (event, item) => {
    const url = item.getURL();
    if (!(url.startsWith(`blob:${APP_ORIGIN}/`) || isAppUrl(url) || url.startsWith('data:'))) event.preventDefault();
  });
}

/** Per-webContents rules; applied to every webContents ever created (windows, devtools, popups). */
export function hardenWebContents(contents: WebContents): void {
  const refuseUnlessOurs = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      console.warn(`[sanxiang] blocked navigation to ${url}`);
    }
  };
  contents.on('will-navigate', (event) => refuseUnlessOurs(event, event.url));
  contents.on('will-frame-navigate', (event) => {
    // A subframe may be an empty document (about:blank / srcdoc); nothing else from outside.
    if (!event.isMainFrame && /^about:(blank|srcdoc)$/.test(event.url)) return;
    refuseUnlessOurs(event, event.url);
  });
  contents.on('will-redirect', (event) => refuseUnlessOurs(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    else console.warn(`[sanxiang] blocked window.open of ${url}`);
    return { action: 'deny' };
  });
}

/** Installs the per-webContents rules for the whole app. Call before the first window. */
export function installSecurity(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
