// Where the browser harness keeps the session id (the Electron main process keeps its own).
// sessionStorage: a reload keeps the user signed in, closing the tab signs out.

const KEY = 'sanxiang.session';

export function getSessionId(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setSessionId(id: string): void {
  try {
    sessionStorage.setItem(KEY, id);
  } catch {
    /* storage disabled: the session lasts until reload */
  }
}

export function clearSessionId(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    /* ignore */
  }
}
