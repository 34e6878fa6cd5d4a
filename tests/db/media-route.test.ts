import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { serveVaultObject } from '../../core/media/media-route.js';
import { Vault } from '../../core/vault/vault.js';

let dir: string;
let vault: Vault;
let server: Server;
let base: string;
let data: Buffer;
let sha: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sanxiang-route-'));
  vault = new Vault(join(dir, 'vault'));
  data = randomBytes(100_000);
  sha = vault.putBytes(data).sha256;
  server = createServer((req, res) => {
    const m = /^\/media\/([^/?]+)$/.exec(req.url ?? '');
    if (!m) return void res.writeHead(404).end();
    serveVaultObject(vault, m[1], req.headers.range, res, { contentType: 'video/mp4', head: req.method === 'HEAD' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

const get = (range?: string, path = `/media/${sha}`, method = 'GET') => fetch(base + path, { method, headers: range ? { Range: range } : {} });

test('whole file: 200 with length, type, ranges accepted, immutable caching', async () => {
  const r = await get();
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-length'), String(data.length));
  assert.equal(r.headers.get('content-type'), 'video/mp4');
  assert.equal(r.headers.get('accept-ranges'), 'bytes');
  assert.equal(r.headers.get('etag'), `"${sha}"`);
  assert.match(r.headers.get('cache-control') ?? '', /immutable/);
  assert.deepEqual(Buffer.from(await r.arrayBuffer()), data);
});

test('byte ranges: closed, open-ended, suffix, clamped end', async () => {
  const cases: [string, number, number][] = [
    ['bytes=0-99', 0, 99],
    ['bytes=1000-', 1000, data.length - 1],
    ['bytes=-500', data.length - 500, data.length - 1],
    ['bytes=99990-200000', 99990, data.length - 1],
  ];
  for (const [h, s, e] of cases) {
    const r = await get(h);
    assert.equal(r.status, 206, h);
    assert.equal(r.headers.get('content-range'), `bytes ${s}-${e}/${data.length}`);
    assert.equal(r.headers.get('content-length'), String(e - s + 1));
    assert.deepEqual(Buffer.from(await r.arrayBuffer()), data.subarray(s, e + 1), h);
  }
});

test('unsatisfiable range: 416 with the size', async () => {
  const r = await get(`bytes=${data.length}-`);
  assert.equal(r.status, 416);
  assert.equal(r.headers.get('content-range'), `bytes */${data.length}`);
  await r.arrayBuffer();
});

test('malformed ranges are ignored (200), of several the first is served; HEAD sends no body', async () => {
  for (const h of ['bytes=abc', 'items=0-1', 'bytes=50-10']) {
    const r = await get(h);
    assert.equal(r.status, 200, h);
    assert.equal((await r.arrayBuffer()).byteLength, data.length);
  }
  const several = await get('bytes=0-1,5-9');
  assert.equal(several.status, 206);
  assert.equal(several.headers.get('content-range'), `bytes 0-1/${data.length}`);
  assert.equal((await several.arrayBuffer()).byteLength, 2);
  const head = await get('bytes=0-9', `/media/${sha}`, 'HEAD');
  assert.equal(head.status, 206);
  assert.equal(head.headers.get('content-length'), '10');
});

test('bad address 400, unknown object 404', async () => {
  const bad = await get(undefined, '/media/..%2F..%2Fetc%2Fpasswd');
  assert.equal(bad.status, 400);
  await bad.arrayBuffer();
  const missing = await get(undefined, `/media/${'0'.repeat(64)}`);
  assert.equal(missing.status, 404);
  await missing.arrayBuffer();
});
