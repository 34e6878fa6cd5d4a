import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { openApp } from '../../core/app.js';
import { verifyAuditChain } from '../../core/audit/audit-log.js';
import { verifyVault } from '../../core/ingest/vault-verify.js';
import { backupDue } from '../../core/supervision/backup/scheduler.js';
import { explainTargetError } from '../../core/supervision/backup/target-errors.js';
import { tableCounts } from '../../core/supervision/backup/snapshot.js';
import { checkBackup } from '../../core/supervision/backup/check.js';
import { restoreBackup } from '../../core/supervision/backup/restore.js';
import { runBackup } from '../../core/supervision/backup/run.js';
import { DEFAULT_BACKUP_SETTINGS } from '../../shared/supervision-settings.js';
import { supervisionWorld, type SupervisionWorld } from '../helpers/supervision.js';

const CLI = join(process.cwd(), 'cli', 'sanxiang.mjs');
let w: SupervisionWorld;
let scratch: string;
let target: string;

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args, '--json'], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr, json: JSON.parse(r.stdout.trim().split('\n').pop() || '{}') };
};

async function attach(caseId: number, name: string, bytes: Buffer) {
  await w.t.call('cases.addRecord', { caseId, title: name, file: { name, base64: bytes.toString('base64') } }, w.officer);
}

/** Another program reading the database: an open read transaction, so the fast file copy cannot be used. */
function holdRead(dataDir: string): Database.Database {
  const reader = new Database(join(dataDir, 'sanxiang.db'), { readonly: true });
  reader.prepare('BEGIN').run();
  reader.prepare('SELECT count(*) FROM cases').get();
  return reader;
}

before(async () => {
  w = await supervisionWorld('2026-03-10T10:00:00+08:00');
  scratch = mkdtempSync(join(tmpdir(), 'sanxiang-backup-test-'));
  target = join(scratch, 'E盘');
  mkdirSync(target);
  const c = await w.newCase({ openedOn: '2026-03-02' });
  await attach(c.id, '照片1.jpg', Buffer.alloc(200_000, 1));
  await attach(c.id, '笔录.pdf', Buffer.from('%PDF-1.4 笔录'));
  w.media({ fileName: 'a.mp4', ingestedAt: '2026-03-02T04:00:00.000Z', caseId: c.id, bytes: Buffer.alloc(500_000, 9) });
  await w.t.call('backup.settings.update', { target, retention: 2 });
});
after(() => {
  w.t.close();
  rmSync(scratch, { recursive: true, force: true });
});

test('a backup writes the database and the vault, verified; a second run with nothing new does nothing', async () => {
  const first = await w.t.call('backup.run', {});
  assert.equal(first.unchanged, false);
  assert.equal(first.vaultObjects, 3);
  assert.equal(first.newObjects, 3);
  const root = join(target, 'sanxiang-backup');
  assert.ok(existsSync(join(root, first.id, 'sanxiang.db')));
  assert.ok(existsSync(join(root, 'vault')));
  const m = JSON.parse(readFileSync(join(root, first.id, 'manifest.json'), 'utf8'));
  assert.equal(m.db.sha256, first.dbSha256);
  assert.equal(m.counts.cases, 1);
  assert.ok(!existsSync(join(root, first.id, 'sanxiang.db-wal')), 'the copy is self-contained');

  const again = await w.t.call('backup.run', {});
  assert.equal(again.unchanged, true, 'no write since the last backup');
  assert.equal(again.id, first.id);

  await w.newCase({ openedOn: '2026-03-03' });
  w.clock.set('2026-03-10T10:00:05+08:00');
  const second = await w.t.call('backup.run', {});
  assert.equal(second.unchanged, false);
  assert.equal(second.newObjects, 0, 'incremental: vault objects already in the target are not copied again');
  assert.equal((await w.t.call('backup.list', {})).length, 2);
  const check = await w.t.call('restore.check', { path: target });
  assert.equal(check.ok, true, check.message);
  assert.equal(check.backup?.id, second.id, 'the newest backup');
});

test('while another program holds a read on the database, the online backup API is used instead', async () => {
  await w.newCase({ openedOn: '2026-03-03' });
  const reader = holdRead(w.t.dir);
  try {
    await w.newCase({ openedOn: '2026-03-03' });
    w.clock.set('2026-03-10T12:00:00+08:00');
    const b = await w.t.call('backup.run', {});
    assert.equal(b.unchanged, false);
    const m = JSON.parse(readFileSync(join(b.path, 'manifest.json'), 'utf8'));
    assert.equal(m.source, null, 'fallback: no fingerprint');
    assert.equal(m.counts.cases, tableCounts(w.t.app.db).cases, 'the newest committed data, not the reader snapshot');
  } finally {
    reader.prepare('COMMIT').run();
    reader.close();
  }
  const check = await w.t.call('restore.check', { path: target });
  assert.equal(check.ok, true, check.message);
});

test('retention keeps N backups and removes vault objects only they used', async () => {
  const c = await w.newCase({ openedOn: '2026-03-04' });
  await attach(c.id, '临时.jpg', Buffer.alloc(1000, 3));
  w.clock.set('2026-03-11T18:30:00+08:00');
  const third = await w.t.call('backup.run', {});
  assert.equal(third.removed.length, 1);
  assert.equal((await w.t.call('backup.list', {})).length, 2);
});

test('a backup run shows its progress to the one who started it and can be cancelled: nothing kept, not marked failed', async () => {
  const before = await w.t.call('backup.list', {});
  const stateBefore = (await w.t.call('backup.settings.get', {})).state;
  await w.newCase({ openedOn: '2026-03-05' });
  const progressId = 'backup-cancel-1';
  const run = w.t.fails('backup.run', { progressId });
  const seen = (await w.t.call('supervision.progress', { progressId })).progress;
  assert.ok(seen && !seen.finished, 'the run is under way');
  assert.equal((await w.t.call('supervision.progress', { progressId }, w.head)).progress, null, 'another user does not see it');
  assert.deepEqual(await w.t.call('supervision.cancel', { progressId }, w.head), { cancelled: false });
  assert.deepEqual(await w.t.call('supervision.cancel', { progressId }), { cancelled: true });
  const e = await run;
  assert.equal(e.code, 'CANCELLED');
  assert.match(e.message, /以前的备份不受影响/);
  assert.deepEqual((await w.t.call('backup.list', {})).map((b) => b.id), before.map((b) => b.id));
  assert.deepEqual(readdirSync(join(target, 'sanxiang-backup')).filter((n) => n.startsWith('.tmp-')), [], 'the partial copy is removed');
  assert.deepEqual((await w.t.call('backup.settings.get', {})).state, stateBefore, 'a cancelled run is not a failed backup');
  assert.equal((await w.t.call('supervision.progress', { progressId })).progress?.finished, true);
});

test('backup → wipe → restore: vault re-hash, audit chain and every table count equal', async () => {
  const fresh = join(scratch, 'restored');
  await w.newCase({ openedOn: '2026-03-05' });
  const b = await w.t.call('backup.run', {});
  assert.equal(b.unchanged, false);
  const before = tableCounts(w.t.app.db);
  const r = cli('restore', join(target, 'sanxiang-backup', b.id), '--data', fresh);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.json.ok, true);
  const app = openApp({ dataDir: fresh });
  try {
    const v = await verifyVault(app);
    assert.equal(v.ok, true);
    assert.equal(v.checked, 4);
    assert.equal(verifyAuditChain(app.db).ok, true);
    const after = tableCounts(app.db);
    assert.equal(after.audit_log, before.audit_log + 1, 'plus the row recording the restore');
    for (const k of Object.keys(before)) if (k !== 'audit_log' && k !== 'audit_head') assert.equal(after[k], before[k], k);
  } finally {
    app.close();
  }
  const verify = spawnSync(process.execPath, [CLI, 'verify', '--data', fresh, '--json'], { encoding: 'utf8' });
  assert.equal(verify.status, 0);
  const audit = spawnSync(process.execPath, [CLI, 'audit', 'verify', '--data', fresh, '--json'], { encoding: 'utf8' });
  assert.equal(audit.status, 0);
});

test('restore into a non-empty folder is refused', async () => {
  const busy = join(scratch, 'busy');
  mkdirSync(busy);
  writeFileSync(join(busy, 'something.txt'), 'x');
  await assert.rejects(restoreBackup(target, busy), (e: Error & { code?: string }) => e.code === 'RESTORE_TARGET_NOT_EMPTY' && /只能恢复到空文件夹/.test(e.message));
  assert.deepEqual(readdirSync(busy), ['something.txt']);
});

test('a damaged backup: restore stops, names the file, leaves the folder empty', async () => {
  const b = (await w.t.call('backup.list', {}))[0];
  const list = readFileSync(join(b.path, 'vault.txt'), 'utf8').trim().split('\n').map((l) => l.split(' ')[0]);
  const victim = join(target, 'sanxiang-backup', 'vault', list[0].slice(0, 2), list[0].slice(2, 4), list[0]);
  chmodSync(victim, 0o644);
  const bytes = readFileSync(victim);
  bytes[10] ^= 0xff;
  writeFileSync(victim, bytes);
  const out = join(scratch, 'from-damaged');
  const r = cli('restore', b.path, '--data', out);
  assert.equal(r.status, 1);
  assert.equal(r.json.error.code, 'BACKUP_DAMAGED');
  assert.ok(r.json.error.message.includes(victim), r.json.error.message);
  assert.ok(!existsSync(out), 'nothing left behind');
  const check = await w.t.call('restore.check', { path: b.path });
  assert.equal(check.ok, false);
  assert.deepEqual(check.damaged.map((d) => d.path), [victim]);
  bytes[10] ^= 0xff;
  writeFileSync(victim, bytes);
});

test('backup target missing: a clear message, the earlier backups untouched', async () => {
  const e = await w.t.fails('backup.run', { target: join(scratch, '拔掉的移动硬盘') });
  assert.equal(e.code, 'BACKUP_TARGET_MISSING');
  assert.match(e.message, /不存在或无法访问.*以前的备份不受影响/);
  const st = await w.t.call('backup.settings.get', {});
  assert.equal(st.state.lastOk, false);
  const r = cli('backup', '--data', w.t.dir, '--out', join(scratch, 'nowhere'));
  assert.equal(r.status, 1);
  assert.equal(r.json.error.code, 'BACKUP_TARGET_MISSING');
  const full = explainTargetError(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }), 'E:\\');
  assert.equal(full.code, 'BACKUP_TARGET_FULL');
  assert.match(full.message, /空间不足。本次备份未完成，以前的备份不受影响/);
  const ok = cli('backup', '--data', w.t.dir, '--out', target);
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(ok.json.ok, true);
});

test('schedule: daily at 18:30, catches up after the PC was off, retries a failure after an hour', () => {
  const s = { ...DEFAULT_BACKUP_SETTINGS, target: 'E:\\备份' };
  const none = { lastRunAt: null, lastOk: null, lastSuccessAt: null, lastBackupId: null, message: null };
  assert.equal(backupDue(s, none, new Date('2026-03-10T18:29:00+08:00')), true, 'no backup yet: yesterday 18:30 has passed');
  const done = { ...none, lastRunAt: '2026-03-10T10:31:00.000Z', lastOk: true, lastSuccessAt: '2026-03-10T10:31:00.000Z' };
  assert.equal(backupDue(s, done, new Date('2026-03-10T23:00:00+08:00')), false);
  assert.equal(backupDue(s, done, new Date('2026-03-11T18:29:00+08:00')), false);
  assert.equal(backupDue(s, done, new Date('2026-03-11T18:30:00+08:00')), true);
  const failed = { ...done, lastRunAt: '2026-03-11T10:30:00.000Z', lastOk: false };
  assert.equal(backupDue(s, failed, new Date('2026-03-11T19:00:00+08:00')), false);
  assert.equal(backupDue(s, failed, new Date('2026-03-11T19:31:00+08:00')), true);
  const weekly = { ...s, schedule: 'weekly' as const, weekday: 5 };
  assert.equal(backupDue(weekly, { ...done, lastSuccessAt: '2026-03-06T10:31:00.000Z' }, new Date('2026-03-12T20:00:00+08:00')), false, 'Thursday: last Friday done');
  assert.equal(backupDue(weekly, { ...done, lastSuccessAt: '2026-03-06T10:31:00.000Z' }, new Date('2026-03-13T18:31:00+08:00')), true, 'Friday 18:31');
  assert.equal(backupDue({ ...s, schedule: 'off' }, none, new Date()), false);
});

test('a damaged file in the live vault stops the backup, names it, and leaves the earlier backups intact', async () => {
  const before = await w.t.call('backup.list', {});
  const c = await w.newCase({ openedOn: '2026-03-06' });
  await attach(c.id, '新照片.jpg', Buffer.alloc(5000, 4));
  const sha = (w.t.app.db.prepare(`SELECT sha256 FROM case_records WHERE case_id = ? AND sha256 IS NOT NULL`).get(c.id) as { sha256: string }).sha256;
  const live = w.t.app.vault.pathOf(sha);
  chmodSync(live, 0o644);
  writeFileSync(live, Buffer.alloc(5000, 5));
  w.clock.set('2026-03-12T10:00:00+08:00');
  const e = await w.t.fails('backup.run', {});
  assert.equal(e.code, 'BACKUP_SOURCE_DAMAGED');
  assert.ok(e.message.includes(sha) && /以前的备份完好/.test(e.message), e.message);
  assert.deepEqual((await w.t.call('backup.list', {})).map((b) => b.id), before.map((b) => b.id));
  assert.equal((await w.t.call('restore.check', { path: target })).ok, true);
  assert.ok(!readdirSync(join(target, 'sanxiang-backup')).some((n) => n.startsWith('.tmp-')), 'no half-written backup left');
});

/** Every file under `dir`, as paths relative to it. */
const filesUnder = (dir: string): string[] => (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));

test('a cancel while a large vault object is being copied stops inside that file: no partial file, earlier backups intact, the next backup completes', async () => {
  const own = await supervisionWorld('2026-03-10T10:00:00+08:00');
  const dest = join(scratch, 'F盘');
  mkdirSync(dest);
  try {
    const c = await own.newCase({ openedOn: '2026-03-02' });
    await own.t.call('cases.addRecord', { caseId: c.id, title: '照片.jpg', file: { name: '照片.jpg', base64: Buffer.alloc(10_000, 1).toString('base64') } }, own.officer);
    await own.t.call('backup.settings.update', { target: dest, retention: 3 });
    const earlier = await own.t.call('backup.run', {});
    const large = randomBytes(64 * 1024 * 1024);
    own.media({ fileName: '执法记录_长录像.mp4', ingestedAt: '2026-03-10T02:00:00.000Z', caseId: c.id, bytes: large });
    own.clock.set('2026-03-10T11:00:00+08:00');

    const stop = new AbortController();
    let partialSeen: { bytes: number; done: number; total: number } | null = null;
    const lines: string[] = [];
    const admin = own.t.admin;
    const run = runBackup(own.t.app, { id: admin.id, username: admin.username, displayName: admin.displayName }, {
      signal: stop.signal,
      onProgress: (line, done, total) => {
        lines.push(line);
        if (partialSeen || !line.startsWith('正在备份证据文件') || !done || !total) return;
        // Bytes of the large object are on the target, in its partial file: cancel now.
        const partial = filesUnder(dest).find((f) => f.endsWith('.partial'));
        if (!partial) return;
        partialSeen = { bytes: readFileSync(partial).length, done, total };
        stop.abort();
      },
    });
    await assert.rejects(run, (e: Error & { code?: string }) => e.code === 'CANCELLED' && e.message === '备份已取消：本次没有写入新的备份，以前的备份不受影响。');
    assert.ok(partialSeen, `the run was cancelled while the large object was being copied (${lines.slice(-3).join(' | ')})`);
    const seen = partialSeen as { bytes: number; done: number; total: number };
    assert.ok(seen.bytes > 0 && seen.done < seen.total && seen.total === large.length, `inside the file: ${JSON.stringify(seen)}`);
    assert.ok(lines.some((l) => /^正在备份证据文件 1\/1（.+ \/ 64 MB）…$/.test(l)), lines.join(' | '));

    const root = join(dest, 'sanxiang-backup');
    assert.deepEqual(filesUnder(dest).filter((f) => f.endsWith('.partial')), [], 'no partial file anywhere under the target');
    assert.deepEqual(readdirSync(root).filter((n) => n.startsWith('.tmp-')), [], 'no half-written backup folder');
    assert.deepEqual((await own.t.call('backup.list', {})).map((b) => b.id), [earlier.id], 'only the earlier backup');
    const check = await own.t.call('restore.check', { path: earlier.path });
    assert.equal(check.ok, true, check.message);
    const audit = own.t.app.db.prepare(`SELECT operation, summary FROM audit_log ORDER BY id DESC LIMIT 1`).get() as { operation: string; summary: string };
    assert.equal(audit.operation, 'backup.cancelled');
    assert.match(audit.summary, /备份已取消/);
    assert.equal((await own.t.call('backup.settings.get', {})).state.lastBackupId, earlier.id, 'a cancelled run is not recorded as a backup');

    own.clock.set('2026-03-10T11:05:00+08:00');
    const next = await own.t.call('backup.run', {});
    assert.equal(next.unchanged, false);
    assert.equal(next.newObjects, 1, 'the large object, copied whole this time');
    assert.equal(next.newBytes, large.length);
    assert.deepEqual(filesUnder(dest).filter((f) => f.endsWith('.partial')), []);
    const after = await own.t.call('restore.check', { path: next.path });
    assert.equal(after.ok, true, after.message);
    assert.equal(after.checkedObjects, 2);
    assert.equal((await own.t.call('restore.check', { path: earlier.path })).ok, true, 'the earlier backup still verifies');

    // Checking that backup stops inside the large object as well.
    const halt = new AbortController();
    let stoppedAt: { done: number; total: number } | null = null;
    const checking = checkBackup(
      next.path,
      (line, done, total) => {
        // Past the database and the small file, and one chunk into the recording.
        if (!stoppedAt && line.startsWith('正在校验证据文件') && done != null && total && done >= next.dbSize + 4 * 1024 * 1024 + 10_000) {
          stoppedAt = { done, total };
          halt.abort();
        }
      },
      halt.signal,
    );
    await assert.rejects(checking, (e: Error & { code?: string }) => e.code === 'CANCELLED' && /已取消校验备份/.test(e.message));
    const s = stoppedAt as { done: number; total: number } | null;
    assert.ok(s && s.done < s.total, `stopped inside the file: ${JSON.stringify(s)}`);
  } finally {
    own.t.close();
  }
});

test('a cancel while the database is copied (fast path or online backup API) or checked stops that step; nothing is left', async () => {
  const own = await supervisionWorld('2026-03-10T10:00:00+08:00');
  const dest = join(scratch, 'G盘');
  mkdirSync(dest);
  const admin = own.t.admin;
  const actor = { id: admin.id, username: admin.username, displayName: admin.displayName };
  /** Runs a backup and cancels it at the first progress line of `step` that counts bytes. */
  const cancelAt = async (step: string) => {
    const stop = new AbortController();
    const at: { done: number; total: number }[] = [];
    const run = runBackup(own.t.app, actor, {
      target: dest,
      signal: stop.signal,
      onProgress: (line, done, total) => {
        if (!stop.signal.aborted && line.startsWith(step) && done != null && total) {
          at.push({ done, total });
          stop.abort();
        }
      },
    });
    const e = await run.then(
      () => null,
      (err: Error & { code?: string }) => err,
    );
    assert.equal(e?.code, 'CANCELLED', `${step}: ${e?.message}`);
    assert.equal(at.length, 1, `${step}: cancelled there`);
    assert.deepEqual(filesUnder(dest), [], `${step}: nothing written to the target`);
    return at[0];
  };
  try {
    for (let i = 0; i < 40; i++) await own.newCase({ openedOn: '2026-03-02' });
    await cancelAt('正在复制数据库（');
    await cancelAt('正在校验数据库副本（');

    await own.newCase({ openedOn: '2026-03-03' });
    const reader = holdRead(own.t.dir);
    try {
      await own.newCase({ openedOn: '2026-03-03' });
      const at = await cancelAt('正在复制数据库（');
      assert.ok(at.done < at.total, `the online backup API stopped part way: ${JSON.stringify(at)}`);
    } finally {
      reader.prepare('COMMIT').run();
      reader.close();
    }
    const b = await runBackup(own.t.app, actor, { target: dest });
    assert.equal((await own.t.call('restore.check', { path: b.path })).ok, true);
  } finally {
    own.t.close();
  }
});
