// The Electron side of the API: ONE invoke channel, `api`, for every operation in the contract.
// The checks and the session handling live in api-handler.ts (tested without Electron).
import { ipcMain, Notification, type WebContents } from 'electron';
import type { AppContext } from '../../core/app.js';
import { createApiHandler, type ApiHandler } from './api-handler.js';

export const API_CHANNEL = 'api';

export interface IpcOptions {
  getApp: () => AppContext | null;
  /** True for webContents created by this shell (the main window). */
  isOurs: (contents: WebContents) => boolean;
}

export function registerIpc(opts: IpcOptions): ApiHandler {
  const handler = createApiHandler(opts.getApp);
  const watched = new Set<number>();

  ipcMain.handle(API_CHANNEL, (event, op: unknown, input: unknown) => {
    const contents = event.sender;
    if (!watched.has(contents.id)) {
      watched.add(contents.id);
      // `id` is captured now: the object cannot be asked for it once destroyed.
      const id = contents.id;
      contents.once('destroyed', () => {
        watched.delete(id);
        handler.forget(id);
      });
    }
    return handler.handle({ senderId: contents.id, frameUrl: event.senderFrame?.url ?? null, ours: opts.isOurs(contents) }, op, input);
  });
  return handler;
}

/** What the core (ingest, publish jobs…) may call to tell the user something finished; it never imports Electron. */
export type Notify = (title: string, body: string) => void;

let onNotificationClick: (() => void) | null = null;

/** Called once by the shell: what clicking a notification does (bring the main window forward). */
export function setNotificationClickHandler(fn: () => void): void {
  onNotificationClick = fn;
}

/** A Windows toast (Action Center). Silently does nothing where notifications are unsupported. */
export const showNotification: Notify = (title, body) => {
  if (!Notification.isSupported()) return;
  const n = new Notification({ title, body, silent: false });
  n.on('click', () => onNotificationClick?.());
  n.show();
};
