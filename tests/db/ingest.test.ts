import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { nodeIo, type CopyIo } from '../../core/ingest/copy-verify.js';
import { offload } from '../../core/ingest/offload.js';
import { makeRecorder, type RecorderFixture } from '../fixtures/recorder.js';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import { cliActor, fileSha, mediaCount, registered, rejectsWithUserError, vaultFiles, diskFullFrom, unplugWhileReading } from '../helpers/ingest.js';

const actor = cliActor;
const sha = fileSha;
const rejects = rejectsWithUserError;

describe('offload into the vault', () => {
  let rec: RecorderFixture;
  let t: TestApp;
  before(async () => {
    rec = makeRecorder();
    t = await makeTestApp();
  });
  after(() => {
    t.close();
    rec.cleanup();
  });

  test('copies every file once, hashes match the sources, duplicate stored once', async () => {
    const r = await offload(t.app, { folder: rec.root, actor });
    const distinct = new Set(rec.importable.map((rel) => sha(join(rec.root, rel))));
    assert.equal(r.copied, distinct.size);
    assert.equal(r.duplicates, rec.importable.length - distinct.size);
    assert.equal(r.duplicates, 1);
    assert.equal(r.deviceSerial, 'DSJ2026A001');
    for (const item of r.items) {
      assert.equal(item.sha256, sha(join(rec.root, item.source)), item.source);
      const stored = t.app.vault.pathOf(item.sha256);
      assert.equal(sha(stored), item.sha256);
      assert.equal(statSync(stored).mode & 0o222, 0, 'vault files are read-only');
    }
    const dup = r.items.find((i) => i.source === rec.files.duplicate)!;
    const orig = r.items.find((i) => i.source === rec.files.plain)!;
    assert.equal(dup.mediaId, orig.mediaId);
    assert.equal(dup.duplicate, true);
    assert.deepEqual(vaultFiles(t.app.vault.root), [...distinct].sort());
    assert.equal(mediaCount(t), distinct.size);
    assert.ok(r.items.some((i) => i.source.includes('现场检查/')), 'Chinese sub-folder imported');
    const sources = t.app.db.prepare('SELECT count(*) AS n FROM media_sources WHERE media_id = ?').get(orig.mediaId) as { n: number };
    assert.equal(sources.n, 2, 'both names recorded as sources');
  });

  test('zero-byte file listed with a reason; truncated MP4 kept as evidence with a warning', async () => {
    const r = await offload(t.app, { folder: rec.root, actor });
    assert.deepEqual(r.failed.map((f) => f.path), [rec.files.empty]);
    assert.match(r.failed[0].reason, /0 字节/);
    const row = t.app.db.prepare(`SELECT probe_state AS s, probe_error AS e FROM media_items WHERE file_name LIKE '%183000.mp4'`).get() as { s: string; e: string };
    assert.equal(row.s, 'failed');
    assert.match(row.e, /不完整或已损坏/);
  });

  test('re-ingest copies nothing', async () => {
    const before = mediaCount(t);
    const r = await offload(t.app, { folder: rec.root, actor });
    assert.equal(r.copied, 0);
    assert.equal(r.duplicates, 0);
    assert.equal(r.bytes, 0);
    assert.equal(r.skipped, rec.importable.length);
    assert.equal(mediaCount(t), before);
  });

  test('each imported item and the run are audited', () => {
    const n = (t.app.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE operation = 'media.ingest' AND object_type = 'media'`).get() as { n: number }).n;
    assert.ok(n >= mediaCount(t));
    const runs = t.app.db.prepare(`SELECT state FROM ingest_runs ORDER BY id`).all() as { state: string }[];
    assert.deepEqual(runs.map((x) => x.state), ['done', 'done', 'done']);
  });
});

describe('interruptions', () => {
  test('unplug mid-import: stops with the count, re-plugging resumes', async () => {
    const rec = makeRecorder();
    const t = await makeTestApp();
    const moved = `${rec.root}-unplugged`;
    try {
      let unplugged = false;
      const err = await rejects(
        offload(t.app, {
          folder: rec.root,
          actor,
          onProgress: (p) => {
            // The recorder goes away once the first file is copied, before the second is opened.
            if (p.filesDone === 1 && !unplugged) {
              unplugged = true;
              renameSync(rec.root, moved);
            }
          },
        }),
      );
      assert.equal(err.code, 'DEVICE_DISCONNECTED');
      assert.equal(err.message, '设备已断开，已导入 1 个文件，重新插入后将继续');
      assert.equal(mediaCount(t), 1);
      assert.deepEqual(readdirSync(t.app.vault.tmpDir), [], 'no partial file left');
      renameSync(moved, rec.root);
      const r = await offload(t.app, { folder: rec.root, actor });
      assert.equal(r.skipped, 1);
      assert.equal(r.copied + r.duplicates, rec.importable.length - 1);
      const run = t.app.db.prepare(`SELECT state, message FROM ingest_runs WHERE id = 1`).get() as { state: string; message: string };
      assert.equal(run.state, 'disconnected');
    } finally {
      t.close();
      rec.cleanup();
    }
  });

  test('unplug while a file is being read: the partial is discarded, the message counts what was imported', async () => {
    const rec = makeRecorder({ fillerMb: [20] });
    const t = await makeTestApp();
    const moved = `${rec.root}-unplugged`;
    try {
      const io = unplugWhileReading('20260307', rec.root, moved);
      const err = await rejects(offload(t.app, { folder: rec.root, actor, io }));
      assert.equal(err.code, 'DEVICE_DISCONNECTED');
      const imported = (t.app.db.prepare('SELECT count(*) AS n FROM media_sources').get() as { n: number }).n;
      assert.equal(err.message, `设备已断开，已导入 ${imported} 个文件，重新插入后将继续`);
      assert.ok(!(t.app.db.prepare(`SELECT 1 FROM media_items WHERE file_name LIKE '%20260307%'`).get()), 'the interrupted file is not registered');
      assert.deepEqual(readdirSync(t.app.vault.tmpDir), []);
      assert.deepEqual(vaultFiles(t.app.vault.root), registered(t));
      renameSync(moved, rec.root);
      const r = await offload(t.app, { folder: rec.root, actor });
      assert.ok(r.items.some((i) => i.source.includes('20260307')), 'resumed with the interrupted file');
    } finally {
      t.close();
      rec.cleanup();
    }
  });

  test('disk full mid-copy: DISK_FULL, nothing half-registered, partial removed', async () => {
    const rec = makeRecorder();
    const t = await makeTestApp();
    try {
      const io = diskFullFrom(3);
      const err = await rejects(offload(t.app, { folder: rec.root, actor, io }));
      assert.equal(err.code, 'DISK_FULL');
      assert.match(err.message, /磁盘已满，已导入 2 个文件/);
      assert.equal(mediaCount(t), 2);
      assert.deepEqual(vaultFiles(t.app.vault.root), registered(t));
      assert.deepEqual(readdirSync(t.app.vault.tmpDir), []);
      const r = await offload(t.app, { folder: rec.root, actor });
      assert.equal(r.skipped, 2, 'resumes after the two imported files');
    } finally {
      t.close();
      rec.cleanup();
    }
  });

  test('free-space pre-check refuses with the numbers', async () => {
    const rec = makeRecorder();
    const t = await makeTestApp();
    try {
      const err = await rejects(
        offload(t.app, { folder: rec.root, actor, statfs: async () => ({ bavail: 1024, bsize: 4096 }) }),
      );
      assert.equal(err.code, 'DISK_SPACE_LOW');
      assert.match(err.message, /本次需要 .+，另需保留 1\.00 GB，当前可用 4\.0 MB/);
      assert.equal(mediaCount(t), 0);
    } finally {
      t.close();
      rec.cleanup();
    }
  });

  test('an unreadable file is listed with its reason and the rest continues', async () => {
    const rec = makeRecorder();
    const t = await makeTestApp();
    try {
      const io: CopyIo = {
        openWrite: nodeIo.openWrite,
        openRead: async (p) => {
          if (p.endsWith('150000_IMP.mp4')) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
          return nodeIo.openRead(p);
        },
      };
      const r = await offload(t.app, { folder: rec.root, actor, io });
      assert.deepEqual(r.failed.map((f) => f.path).sort(), [rec.files.empty, rec.files.important].sort());
      assert.match(r.failed.find((f) => f.path === rec.files.important)!.reason, /没有读取权限/);
      assert.equal(r.copied + r.duplicates, rec.importable.length - 1);
    } finally {
      t.close();
      rec.cleanup();
    }
  });

  test('cancel: stops between chunks, deletes the partial, keeps what was imported', async () => {
    const rec = makeRecorder({ fillerMb: [24] });
    const t = await makeTestApp();
    try {
      const controller = new AbortController();
      let files = 0;
      const r = await offload(t.app, {
        folder: rec.root,
        actor,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.currentFiles.some((f) => f.includes('20260307')) && p.bytesDone > 0) controller.abort();
        },
        onFileDone: () => void files++,
      });
      assert.equal(r.cancelled, true);
      assert.ok(!r.items.some((i) => i.source.includes('20260307')), 'the file being copied was not registered');
      assert.deepEqual(readdirSync(t.app.vault.tmpDir), []);
      assert.equal(mediaCount(t), files - r.duplicates);
    } finally {
      t.close();
      rec.cleanup();
    }
  });

  test('a vault file without a row (crash between rename and commit) is adopted by the next import', async () => {
    const rec = makeRecorder();
    const t = await makeTestApp();
    try {
      const s = sha(join(rec.root, rec.files.plain));
      const dest = t.app.vault.pathOf(s);
      mkdirSync(dirname(dest), { recursive: true });
      copyFileSync(join(rec.root, rec.files.plain), dest);
      chmodSync(dest, 0o444);
      const r = await offload(t.app, { folder: rec.root, actor });
      const item = r.items.find((i) => i.source === rec.files.plain)!;
      assert.equal(item.sha256, s);
      assert.equal(item.duplicate, false, 'registered as a new item');
      assert.deepEqual(vaultFiles(t.app.vault.root), registered(t));
    } finally {
      t.close();
      rec.cleanup();
    }
  });

  test('buffered writes (no O_DIRECT: Windows, tmpfs) and odd chunk sizes give the same hashes', async () => {
    const rec = makeRecorder({ fillerMb: [3] });
    const t = await makeTestApp();
    process.env.SANXIANG_NO_DIRECT_IO = '1';
    try {
      const r = await offload(t.app, { folder: rec.root, actor });
      for (const item of r.items) assert.equal(sha(t.app.vault.pathOf(item.sha256)), sha(join(rec.root, item.source)));
      const { copyIntoVault } = await import('../../core/ingest/copy-verify.js');
      delete process.env.SANXIANG_NO_DIRECT_IO;
      const big = join(rec.root, rec.files.filler[0]);
      const c = await copyIntoVault(t.app.vault, big, { chunkSize: 1024 * 1024 + 4096 });
      assert.equal(c.sha256, sha(big));
      assert.equal(c.existed, true);
    } finally {
      delete process.env.SANXIANG_NO_DIRECT_IO;
      t.close();
      rec.cleanup();
    }
  });

  test('a folder that does not exist is refused in Chinese', async () => {
    const t = await makeTestApp();
    try {
      const err = await rejects(offload(t.app, { folder: join(t.dir, '不存在'), actor }));
      assert.equal(err.code, 'FOLDER_NOT_FOUND');
      assert.match(err.message, /找不到文件夹/);
    } finally {
      t.close();
    }
  });
});
