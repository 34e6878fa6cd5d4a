import assert from 'node:assert/strict';
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { nodeIo, type CopyIo } from '../../core/ingest/copy-verify.js';
import { filesInFlightAfter, offload } from '../../core/ingest/offload.js';
import { makeRecorder } from '../fixtures/recorder.js';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import { cliActor, fileSha, mediaCount, registered, rejectsWithUserError, vaultFiles, diskFullFrom, unplugWhileReading } from '../helpers/ingest.js';

// Two files copied at once (a fast source). The worker-thread hashing itself: tests/unit/worker-hashing.test.ts.

const actor = cliActor;
const sha = fileSha;
const rejects = rejectsWithUserError;

describe('files in flight', () => {
  test('a USB-speed source is read one file at a time, a disk-speed source two at a time', () => {
    const mb = 1024 ** 2;
    assert.equal(filesInFlightAfter({ size: 200 * mb, readMs: 6000 }, 1), 1, 'USB 2.0, ~35 MB/s');
    assert.equal(filesInFlightAfter({ size: 200 * mb, readMs: 600 }, 2), 1, 'USB 3.0, ~350 MB/s');
    assert.equal(filesInFlightAfter({ size: 200 * mb, readMs: 100 }, 1), 2, 'SSD or page cache, ~2 GB/s');
    assert.equal(filesInFlightAfter({ size: 4 * mb, readMs: 1 }, 1), 1, 'a small file says too little: keep the current choice');
    assert.equal(filesInFlightAfter({ size: 4 * mb, readMs: 1000 }, 2), 2);
  });

  test('two files at once: every hash matches its source, the duplicate is stored once, nothing left in tmp', async () => {
    const rec = makeRecorder({ fillerMb: [9, 5, 13] });
    const t = await makeTestApp();
    try {
      let open = 0;
      let mostOpen = 0;
      const io: CopyIo = {
        openWrite: nodeIo.openWrite,
        async openRead(p) {
          const h = await nodeIo.openRead(p);
          mostOpen = Math.max(mostOpen, ++open);
          return { read: (...a) => h.read(...a), stat: () => h.stat(), close: () => (open--, h.close()) };
        },
      };
      let mostShown = 0;
      let last: string[] = ['?'];
      const r = await offload(t.app, {
        folder: rec.root,
        actor,
        io,
        filesInFlight: 2,
        onProgress: (p) => {
          mostShown = Math.max(mostShown, p.currentFiles.length);
          last = p.currentFiles;
        },
      });
      assert.equal(mostOpen, 2, 'two files were being read at once');
      assert.equal(mostShown, 2, 'the progress names both files in flight');
      assert.deepEqual(last, [], 'and none once done');
      const distinct = new Set(rec.importable.map((rel) => sha(join(rec.root, rel))));
      assert.equal(r.copied, distinct.size);
      assert.equal(r.duplicates, rec.importable.length - distinct.size);
      assert.equal(r.items.length, rec.importable.length);
      for (const item of r.items) {
        assert.equal(item.sha256, sha(join(rec.root, item.source)), item.source);
        assert.equal(sha(t.app.vault.pathOf(item.sha256)), item.sha256);
      }
      assert.deepEqual(vaultFiles(t.app.vault.root), [...distinct].sort());
      assert.deepEqual(vaultFiles(t.app.vault.root), registered(t));
      assert.deepEqual(readdirSync(t.app.vault.tmpDir), []);
      const again = await offload(t.app, { folder: rec.root, actor, filesInFlight: 2 });
      assert.equal(again.skipped, rec.importable.length, 're-ingest copies nothing');
    } finally {
      t.close();
      rec.cleanup();
    }
  });

  test('two files at once, disk full: DISK_FULL, the other file is stopped too, the count is what was registered', async () => {
    const rec = makeRecorder({ fillerMb: [12, 12] });
    const t = await makeTestApp();
    try {
      const io = diskFullFrom(4);
      const err = await rejects(offload(t.app, { folder: rec.root, actor, io, filesInFlight: 2 }));
      assert.equal(err.code, 'DISK_FULL');
      const imported = (t.app.db.prepare('SELECT count(*) AS n FROM media_sources').get() as { n: number }).n;
      assert.match(err.message, new RegExp(`磁盘已满，已导入 ${imported} 个文件`));
      assert.ok(imported >= 2 && imported < rec.importable.length);
      assert.deepEqual(vaultFiles(t.app.vault.root), registered(t));
      assert.deepEqual(readdirSync(t.app.vault.tmpDir), []);
      const run = t.app.db.prepare(`SELECT state FROM ingest_runs ORDER BY id DESC`).get() as { state: string };
      assert.equal(run.state, 'failed');
    } finally {
      t.close();
      rec.cleanup();
    }
  });

  test('two files at once, unplugged while reading: both partials discarded, re-plugging completes the import', async () => {
    const rec = makeRecorder({ fillerMb: [16, 16] });
    const t = await makeTestApp();
    const moved = `${rec.root}-unplugged`;
    try {
      const io = unplugWhileReading(rec.files.filler[1], rec.root, moved);
      const err = await rejects(offload(t.app, { folder: rec.root, actor, io, filesInFlight: 2 }));
      assert.equal(err.code, 'DEVICE_DISCONNECTED');
      const imported = (t.app.db.prepare('SELECT count(*) AS n FROM media_sources').get() as { n: number }).n;
      assert.equal(err.message, `设备已断开，已导入 ${imported} 个文件，重新插入后将继续`);
      assert.deepEqual(readdirSync(t.app.vault.tmpDir), []);
      assert.deepEqual(vaultFiles(t.app.vault.root), registered(t));
      renameSync(moved, rec.root);
      const r = await offload(t.app, { folder: rec.root, actor, filesInFlight: 2 });
      assert.equal(r.skipped + r.copied + r.duplicates, rec.importable.length);
      assert.equal(mediaCount(t), new Set(rec.importable.map((rel) => sha(join(rec.root, rel)))).size);
    } finally {
      if (existsSync(moved)) renameSync(moved, rec.root);
      t.close();
      rec.cleanup();
    }
  });
});
