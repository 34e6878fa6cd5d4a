// 从备份恢复 in the app (设置—备份与恢复): a backup restored into a new empty folder through the
// services, with byte progress and a cancel that stops inside a large file and leaves nothing; the
// data in use untouched and its audit trail recording the restore; 改用恢复的数据 asking the desktop
// shell to restart on the restored folder, and saying what to do where there is no shell.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openApp } from '../../core/app.js';
import { verifyAuditChain } from '../../core/audit/audit-log.js';
import { restoreBackup } from '../../core/supervision/backup/restore.js';
import { supervisionWorld, type SupervisionWorld } from '../helpers/supervision.js';

let w: SupervisionWorld;
let scratch: string;
let backupPath: string;
let dbSize: number;
const LARGE = 64 * 1024 * 1024;

before(async () => {
  w = await supervisionWorld('2026-03-10T10:00:00+08:00');
  scratch = mkdtempSync(join(tmpdir(), 'sanxiang-restore-'));
  const target = join(scratch, 'E盘');
  mkdirSync(target);
  const c = await w.newCase({ openedOn: '2026-03-02' });
  w.media({ fileName: '执法记录_长录像.mp4', ingestedAt: '2026-03-02T04:00:00.000Z', caseId: c.id, bytes: randomBytes(LARGE) });
  await w.t.call('backup.settings.update', { target, retention: 2 });
  const b = await w.t.call('backup.run', {});
  backupPath = b.path;
  dbSize = b.dbSize;
});
after(() => {
  w.t.close();
  rmSync(scratch, { recursive: true, force: true });
});

test('a cancel inside a large evidence file stops there and leaves no folder behind', async () => {
  const into = join(scratch, '恢复-取消');
  const stop = new AbortController();
  let stoppedAt: { done: number; total: number } | null = null;
  const run = restoreBackup(backupPath, into, {
    signal: stop.signal,
    onProgress: (line, done, total) => {
      // Past the database, one chunk into the recording.
      if (!stoppedAt && line.startsWith('正在恢复证据文件') && done != null && total && done >= dbSize + 4 * 1024 * 1024) {
        stoppedAt = { done, total };
        stop.abort();
      }
    },
  });
  await assert.rejects(run, (e: Error & { code?: string }) => e.code === 'CANCELLED' && /已取消恢复/.test(e.message));
  const s = stoppedAt as { done: number; total: number } | null;
  assert.ok(s && s.total >= dbSize + LARGE && s.done < s.total, `stopped inside the file: ${JSON.stringify(s)}`);
  assert.equal(existsSync(into), false, 'the folder it made is gone');
});

test('restore.run: into a new folder, checked; the data in use records it; never into the data folder', async () => {
  const inside = await w.t.fails('restore.run', { path: backupPath, into: join(w.t.dir, '恢复') });
  assert.match(inside.message, /不能在数据文件夹内/);
  const officer = await w.t.fails('restore.run', { path: backupPath, into: join(scratch, 'x') }, w.officer);
  assert.equal(officer.code, 'FORBIDDEN');

  const into = join(scratch, '恢复的数据');
  const casesBefore = w.t.app.db.prepare('SELECT count(*) FROM cases').pluck().get();
  const r = await w.t.call('restore.run', { path: backupPath, into });
  assert.equal(r.ok, true, r.message);
  assert.equal(r.dataDir, into);
  assert.equal(r.checkedObjects, 1);
  assert.equal(w.t.app.db.prepare('SELECT count(*) FROM cases').pluck().get(), casesBefore, 'the data in use is unchanged');
  const row = w.t.app.db.prepare(`SELECT username, summary FROM audit_log WHERE operation = 'restore.run'`).get() as { username: string; summary: string };
  assert.equal(row.username, 'admin');
  assert.equal(JSON.parse(row.summary).restoredTo, into);

  const restored = openApp({ dataDir: into });
  try {
    assert.equal(restored.db.prepare('SELECT count(*) FROM cases').pluck().get(), casesBefore);
    assert.equal(verifyAuditChain(restored.db).ok, true);
    const own = restored.db.prepare(`SELECT username FROM audit_log WHERE operation = 'backup.restore'`).get() as { username: string };
    assert.equal(own.username, 'admin', 'the restored folder names who restored it');
  } finally {
    restored.close();
  }
  const again = await w.t.fails('restore.run', { path: backupPath, into });
  assert.equal(again.code, 'RESTORE_TARGET_NOT_EMPTY', 'a folder with data is never overwritten');
});

test('restore.useRestored: the desktop shell restarts on the folder; elsewhere it says how', async () => {
  const into = join(scratch, '恢复的数据');
  assert.equal((await w.t.fails('restore.useRestored', { dataDir: join(scratch, '空') })).code, 'NOT_FOUND');
  const browser = await w.t.fails('restore.useRestored', { dataDir: into });
  assert.equal(browser.code, 'DESKTOP_ONLY');
  assert.ok(browser.message.includes(`npm start -- --data "${into}"`), browser.message);

  const restarted = new Promise<string>((resolve) => {
    w.t.app.shell = { restartWith: resolve };
  });
  try {
    assert.deepEqual(await w.t.call('restore.useRestored', { dataDir: into }), { restarting: true });
    assert.equal(await restarted, into);
    const row = w.t.app.db.prepare(`SELECT summary FROM audit_log WHERE operation = 'restore.useRestored'`).get() as { summary: string };
    assert.ok(row.summary.includes(JSON.stringify(into).slice(1, -1)), row.summary);
  } finally {
    w.t.app.shell = undefined;
  }
});
