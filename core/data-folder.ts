import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, parse, resolve } from 'node:path';
import { UserError } from './errors.js';
import { processRuns } from './util/process.js';

/** The per-user default data folder: %APPDATA%\sanxiang on Windows, $XDG_DATA_HOME/sanxiang elsewhere. */
export function defaultDataDir(): string {
  if (process.platform === 'win32' && process.env.APPDATA) return join(process.env.APPDATA, 'sanxiang');
  return join(process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'sanxiang');
}

/** `--data` flag, then SANXIANG_DATA, then the per-user default. */
export function resolveDataDir(flag?: string): string {
  return resolve(flag || process.env.SANXIANG_DATA || defaultDataDir());
}

export const dataPaths = (dir: string) => ({
  dir,
  db: join(dir, 'sanxiang.db'),
  vault: join(dir, 'vault'),
  lock: join(dir, 'sanxiang.lock'),
});

/**
 * Makes sure the data folder can be used: its drive exists (a removable or network drive
 * may be gone), it is a folder, and it can be created when asked.
 */
export function ensureDataDir(dir: string, create: boolean): void {
  const root = parse(dir).root;
  if (root && !existsSync(root)) {
    throw new UserError('DATA_FOLDER_UNAVAILABLE', `数据文件夹所在的磁盘 ${root} 不可用。请插入或连接该磁盘，或选择其他数据文件夹（--data）。`);
  }
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new UserError('DATA_FOLDER_UNAVAILABLE', `${dir} 不是文件夹，不能作为数据文件夹。`);
    return;
  }
  if (!create) {
    throw new UserError('DATA_FOLDER_UNAVAILABLE', `找不到数据文件夹 ${dir}。如果它在移动硬盘或网络盘上，请先连接；否则请先初始化（sanxiang init）。`);
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UserError('DATA_FOLDER_UNAVAILABLE', `无法创建数据文件夹 ${dir}：${(e as Error).message}`);
  }
}

/**
 * Single-instance lock on a data folder, held by the running app (desktop or harness) so that
 * two instances never serve the same data. A lock left by a process that no longer runs is taken over.
 */
export function acquireInstanceLock(dir: string): () => void {
  const file = dataPaths(dir).lock;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, at: new Date().toISOString() }));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let pid = 0;
      try {
        pid = JSON.parse(readFileSync(file, 'utf8')).pid;
      } catch {
        /* unreadable lock: treat as stale */
      }
      if (pid && pid !== process.pid && processRuns(pid)) {
        throw new UserError('ALREADY_RUNNING', `本数据文件夹已被另一个正在运行的程序使用（进程 ${pid}）。请切换到已打开的窗口，或先关闭它。`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new UserError('ALREADY_RUNNING', '无法锁定数据文件夹，请稍后重试。');
}

