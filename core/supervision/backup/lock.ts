import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../errors.js';
import { processRuns } from '../../util/process.js';

const STALE_MS = 12 * 3600_000;

/**
 * One backup at a time per target (two PCs may share a NAS folder): `<root>/.lock` names the
 * holder; a lock left by a process that is gone (or older than 12 hours) is taken over.
 */
export function acquireTargetLock(root: string): () => void {
  const file = join(root, '.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now() }));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: { pid?: number; host?: string; at?: number } = {};
      try {
        holder = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        /* unreadable: stale */
      }
      const fresh = holder.at != null && Date.now() - holder.at < STALE_MS;
      const running = holder.host === hostname() ? holder.pid != null && processRuns(holder.pid) : fresh;
      if (running && fresh) {
        throw new UserError('BACKUP_BUSY', `备份位置正被另一项备份使用（${holder.host ?? '未知电脑'}，进程 ${holder.pid ?? '?'}）。请等它完成后再试。`);
      }
      rmSync(file, { force: true });
    }
  }
  throw new UserError('BACKUP_BUSY', '无法锁定备份位置，请稍后重试。');
}
