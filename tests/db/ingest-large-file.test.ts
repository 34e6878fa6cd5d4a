import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { offload } from '../../core/ingest/offload.js';
import { makeTestApp } from '../helpers/app.js';

// A recording over 4 GiB (long 1080p/4K sessions; FAT32 recorders split at 4 GiB, exFAT ones do not):
// offsets past 2^32 in the copy, the size check and the vault. The source is a sparse file, so only
// the vault copy takes real disk space; it is removed at the end.

const SIZE = 4 * 1024 ** 3 + 5 * 1024 ** 2 + 12_345;
const freeBytes = (dir: string) => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};

/** SHA-256 of SIZE bytes that start with `head` and are zero after it, on this thread (not the code under test). */
function expectedSha(head: Buffer): string {
  const h = createHash('sha256').update(head);
  const zeros = Buffer.alloc(16 * 1024 * 1024);
  for (let left = SIZE - head.length; left > 0; left -= zeros.length) h.update(left >= zeros.length ? zeros : zeros.subarray(0, left));
  return h.digest('hex');
}

test('a file over 4 GiB is copied, hashed and size-checked correctly', async (t) => {
  const base = mkdtempSync(join(tmpdir(), 'sanxiang-big-'));
  const app = await makeTestApp();
  try {
    if (freeBytes(app.dir) < SIZE + 3 * 1024 ** 3) {
      t.skip(`not enough free disk for a ${(SIZE / 1024 ** 3).toFixed(1)} GB vault copy plus the import's 1 GB margin`);
      return;
    }
    const media = join(base, 'REC', 'DCIM', '100MEDIA');
    mkdirSync(media, { recursive: true });
    const file = join(media, 'DCAM_DSJ2026A001_000001_20260310_080000.mp4');
    const head = Buffer.from('ftypisom 这是一个超过 4 GB 的测试文件');
    writeFileSync(file, head);
    truncateSync(file, SIZE);
    const r = await offload(app.app, { folder: join(base, 'REC'), actor: { id: null, username: '(命令行)', officerId: null }, filesInFlight: 1 });
    assert.equal(r.copied, 1);
    const item = r.items[0];
    assert.equal(item.size, SIZE);
    assert.equal(item.sha256, expectedSha(head));
    assert.equal(statSync(app.app.vault.pathOf(item.sha256)).size, SIZE);
    const row = app.app.db.prepare('SELECT size FROM vault_objects WHERE sha256 = ?').get(item.sha256) as { size: number };
    assert.equal(row.size, SIZE);
    assert.equal(r.warnings.length, 1, 'not a playable MP4: kept as evidence with a warning');
  } finally {
    app.close();
    rmSync(base, { recursive: true, force: true });
  }
});
