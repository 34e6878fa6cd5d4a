// Opening the data folder at start-up, and what to do when it cannot be opened (removable or
// network drive missing, database from a newer version, damaged file, folder in use elsewhere).
// The decisions are here, without Electron; the dialogs that ask the clerk are in data-folder-dialogs.ts.
import { existsSync } from 'node:fs';
import { openApp, type AppContext } from '../../core/app.js';
import { acquireInstanceLock, dataPaths, defaultDataDir, ensureDataDir } from '../../core/data-folder.js';
import { UserError } from '../../core/errors.js';
import type { SettingsStore } from './settings-store.js';

export interface OpenedData {
  app: AppContext;
  dataDir: string;
  /** Releases the data-folder lock. */
  release: () => void;
}

/** The questions asked while opening the data folder. */
export interface DataFolderUi {
  /** First run: use the default folder, pick another, or quit. */
  firstRun(defaultDir: string): Promise<'default' | 'choose' | 'quit'>;
  /** A folder picker; null when cancelled. */
  pickFolder(near: string): Promise<string | null>;
  /** The picked folder holds no database: start a new one there, pick again, or cancel. */
  confirmNewData(dir: string): Promise<'create' | 'again' | 'cancel'>;
  /** Opening failed with `message` (Chinese, for the clerk): pick another folder, retry, or quit. */
  failure(dir: string, message: string): Promise<'choose' | 'retry' | 'quit'>;
}

/**
 * Lock first, then open: another program (a second desktop, the browser harness) must not
 * migrate or write the database while this one decides. `create` makes a new database in an
 * empty folder; a folder remembered from an earlier run is never silently recreated.
 */
export function openDataFolderAt(dataDir: string, create: boolean): OpenedData {
  ensureDataDir(dataDir, create);
  const release = acquireInstanceLock(dataDir);
  try {
    return { app: openApp({ dataDir, create }), dataDir, release };
  } catch (e) {
    release();
    throw e;
  }
}

/** The message shown when opening fails: the core's own Chinese sentence, or a generic one. */
export function failureMessage(e: unknown): string {
  if (e instanceof UserError) return e.message;
  return `打开数据文件夹时出错：${(e as Error)?.message ?? String(e)}`;
}

/**
 * The data folder to use: `override` (--data / SANXIANG_DATA; used as given, not remembered),
 * else the one remembered, else asked on first run. Returns null when the clerk chooses to quit.
 */
export async function openDataFolder(store: SettingsStore, override: string | null, ui: DataFolderUi): Promise<OpenedData | null> {
  let dir: string | null = override ?? store.dataDir();
  let create = override !== null;
  if (!dir) {
    dir = await firstRun(ui);
    if (!dir) return null;
    create = true;
  }
  for (;;) {
    try {
      const opened = openDataFolderAt(dir, create);
      if (override === null) store.setDataDir(dir);
      return opened;
    } catch (e) {
      if (!(e instanceof UserError)) console.error('[sanxiang] opening the data folder failed:', e);
      const action = await ui.failure(dir, failureMessage(e));
      if (action === 'quit') return null;
      if (action === 'choose') {
        const chosen = await chooseFolder(ui, dir);
        if (chosen) {
          dir = chosen;
          create = true;
        }
      }
    }
  }
}

async function firstRun(ui: DataFolderUi): Promise<string | null> {
  const def = defaultDataDir();
  for (;;) {
    const answer = await ui.firstRun(def);
    if (answer === 'default') return def;
    if (answer === 'quit') return null;
    const chosen = await chooseFolder(ui, def);
    if (chosen) return chosen;
  }
}

/** Asks for a folder; confirms before starting a new database in a folder that has none. */
async function chooseFolder(ui: DataFolderUi, near: string): Promise<string | null> {
  for (;;) {
    const dir = await ui.pickFolder(near);
    if (!dir) return null;
    if (existsSync(dataPaths(dir).db)) return dir;
    const answer = await ui.confirmNewData(dir);
    if (answer === 'create') return dir;
    if (answer === 'cancel') return null;
  }
}

/**
 * The arguments to start again with `dataDir`: any --data of this run is replaced (it would win over
 * the remembered folder), everything else is kept.
 */
export function argsWithDataFolder(args: string[], dataDir: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--data') i++;
    else if (!args[i].startsWith('--data=')) out.push(args[i]);
  }
  return [...out, `--data=${dataDir}`];
}
