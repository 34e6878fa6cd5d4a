import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { hashFile } from '../../core/vault/hash-file.js';
import { acquireHasher } from '../../core/vault/hasher-pool.js';

// SHA-256 on worker threads: the hashers behind every import, vault check and backup check.

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const shared = (b: Buffer) => {
  const s = Buffer.from(new SharedArrayBuffer(b.length));
  b.copy(s);
  return s;
};

describe('hashing on worker threads', () => {
  test('a hasher gives the SHA-256 of what it was sent, in order, and a reused one starts afresh', async () => {
    const parts = [randomBytes(1000), randomBytes(65536), randomBytes(7)];
    const h = acquireHasher();
    for (const p of parts) await h.update(shared(p), p.length);
    assert.equal(await h.digest(), sha(Buffer.concat(parts)));
    // A copy that failed half-way releases its hasher without a digest; the next file must not inherit those bytes.
    await h.update(shared(parts[0]), parts[0].length);
    h.release();
    const again = acquireHasher();
    const only = shared(parts[1]);
    await again.update(only, 100);
    assert.equal(await again.digest(), sha(parts[1].subarray(0, 100)));
    again.release();
  });

  test('two hashers run side by side without mixing their streams', async () => {
    const a = randomBytes(3 << 20);
    const b = randomBytes(2 << 20);
    const [ha, hb] = [acquireHasher(), acquireHasher()];
    const chunk = 1 << 20;
    const feeds = [
      (async () => {
        for (let i = 0; i < a.length; i += chunk) await ha.update(shared(a.subarray(i, i + chunk)), Math.min(chunk, a.length - i));
      })(),
      (async () => {
        for (let i = 0; i < b.length; i += chunk) await hb.update(shared(b.subarray(i, i + chunk)), Math.min(chunk, b.length - i));
      })(),
    ];
    await Promise.all(feeds);
    assert.equal(await ha.digest(), sha(a));
    assert.equal(await hb.digest(), sha(b));
    ha.release();
    hb.release();
  });
});

describe('hashFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sanxiang-hash-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('matches crypto for an empty file, a small one and one that ends mid-chunk', async () => {
    for (const size of [0, 1000, 9 * 1024 * 1024 + 123]) {
      const data = randomBytes(size);
      const p = join(dir, `f${size}`);
      writeFileSync(p, data);
      let heard = 0;
      const h = await hashFile(p, { onBytes: (n) => (heard += n) });
      assert.deepEqual(h, { sha256: sha(data), size }, `size ${size}`);
      assert.equal(heard, size, 'progress adds up to the size');
    }
  });

  test('stops with an AbortError when cancelled, and the hashers are fine afterwards', async () => {
    const data = randomBytes(12 * 1024 * 1024);
    const p = join(dir, 'big');
    writeFileSync(p, data);
    const c = new AbortController();
    await assert.rejects(
      hashFile(p, { signal: c.signal, onBytes: () => c.abort() }),
      (e: Error) => e.name === 'AbortError',
    );
    assert.equal((await hashFile(p)).sha256, sha(data));
  });

  test('a missing file is an ENOENT error, not a hash', async () => {
    await assert.rejects(hashFile(join(dir, 'nope')), (e: NodeJS.ErrnoException) => e.code === 'ENOENT');
  });
});
