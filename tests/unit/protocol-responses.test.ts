import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CSP } from '../../core/harness/server.js';
import { Vault } from '../../core/vault/vault.js';
import { sniffMediaType } from '../../core/media/media-type.js';
import { serveAppRequest, serveMediaRequest } from '../../electron/main/responses.js';
import { mediaUrl } from '../../electron/main/urls.js';

let dir: string;
let rendererDir: string;
let vault: Vault;
let videoSha: string;
let emptySha: string;
const video = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(2000, 7)]);
for (let i = 0; i < video.length; i++) if (i >= 12) video[i] = i % 251;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'sanxiang-proto-'));
  rendererDir = join(dir, 'dist-renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  vault = new Vault(join(dir, 'vault'));
  videoSha = vault.putBytes(video).sha256;
  emptySha = vault.putBytes(new Uint8Array()).sha256;
});
after(() => rmSync(dir, { recursive: true, force: true }));

const get = (url: string, headers: Record<string, string> = {}, method = 'GET') => new Request(url, { method, headers });

describe('app:// responses', () => {
  it('serves index.html with the shared CSP and nosniff', async () => {
    const res = await serveAppRequest(get('app://sanxiang/index.html'), rendererDir);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(res.headers.get('content-security-policy'), CSP);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(await res.text(), /<title>t<\/title>/);
  });

  it('404 for refused or missing paths; 405 for other methods', async () => {
    assert.equal((await serveAppRequest(get('app://sanxiang/%2e%2e/sanxiang.db'), rendererDir)).status, 404);
    const route = await serveAppRequest(get('app://sanxiang/%2e%2e/vault/tmp'), rendererDir);
    assert.match(await route.text(), /<title>t<\/title>/, 'an extension-less path is a client route: index.html, never a file outside');
    assert.equal((await serveAppRequest(get('app://sanxiang/x.js'), rendererDir)).status, 404);
    assert.equal((await serveAppRequest(get('app://sanxiang/index.html', {}, 'POST'), rendererDir)).status, 405);
  });
});

describe('media:// responses', () => {
  it('200 with the whole object, Accept-Ranges and a sniffed type', async () => {
    const res = await serveMediaRequest(get(mediaUrl(videoSha)), vault);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('accept-ranges'), 'bytes');
    assert.equal(res.headers.get('content-length'), String(video.length));
    assert.equal(res.headers.get('content-type'), 'video/mp4');
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), video);
  });

  it('206 streams exactly the requested bytes', async () => {
    const res = await serveMediaRequest(get(mediaUrl(videoSha), { Range: 'bytes=100-199' }), vault);
    assert.equal(res.status, 206);
    assert.equal(res.headers.get('content-range'), `bytes 100-199/${video.length}`);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), video.subarray(100, 200));

    const tail = await serveMediaRequest(get(mediaUrl(videoSha), { Range: 'bytes=-10' }), vault);
    assert.deepEqual(Buffer.from(await tail.arrayBuffer()), video.subarray(video.length - 10));
  });

  it('416 beyond the end; HEAD has no body', async () => {
    const res = await serveMediaRequest(get(mediaUrl(videoSha), { Range: `bytes=${video.length}-` }), vault);
    assert.equal(res.status, 416);
    assert.equal(res.headers.get('content-range'), `bytes */${video.length}`);
    const head = await serveMediaRequest(get(mediaUrl(videoSha), {}, 'HEAD'), vault);
    assert.equal(head.status, 200);
    assert.equal(head.body, null);
  });

  it('empty object: 200 empty, 416 for a range', async () => {
    const res = await serveMediaRequest(get(mediaUrl(emptySha)), vault);
    assert.equal(res.status, 200);
    assert.equal((await res.arrayBuffer()).byteLength, 0);
    assert.equal((await serveMediaRequest(get(mediaUrl(emptySha), { Range: 'bytes=0-' }), vault)).status, 416);
  });

  it('404 for unknown or malformed addresses, 503 before a data folder is open', async () => {
    assert.equal((await serveMediaRequest(get(mediaUrl('0'.repeat(64))), vault)).status, 404);
    assert.equal((await serveMediaRequest(get('media://vault/../../sanxiang.db'), vault)).status, 404);
    assert.equal((await serveMediaRequest(get(mediaUrl(videoSha)), null)).status, 503);
    assert.equal((await serveMediaRequest(get(mediaUrl(videoSha), {}, 'PUT'), vault)).status, 405);
  });
});

describe('sniffMediaType', () => {
  const b = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
  it('recognises the formats evidence comes in', () => {
    const cases: [Buffer, string][] = [
      [b([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
      [b('\x89PNG\r\n\x1a\n', [0, 0]), 'image/png'],
      [b('GIF89a'), 'image/gif'],
      [b('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
      [b('RIFF', [0, 0, 0, 0], 'WAVEfmt '), 'audio/wav'],
      [b('RIFF', [0, 0, 0, 0], 'AVI LIST'), 'video/x-msvideo'],
      [b([0, 0, 0, 0x20], 'ftypisom'), 'video/mp4'],
      [b([0, 0, 0, 0x14], 'ftypqt  '), 'video/quicktime'],
      [b([0, 0, 0, 0x18], 'ftypheic'), 'image/heic'],
      [b([0x1a, 0x45, 0xdf, 0xa3]), 'video/webm'],
      [b('%PDF-1.7'), 'application/pdf'],
      [b('ID3', [4, 0]), 'audio/mpeg'],
      [b([0xff, 0xfb, 0x90]), 'audio/mpeg'],
      [Buffer.concat([b([0x47]), Buffer.alloc(187), b([0x47])]), 'video/mp2t'],
      [b('hello'), 'application/octet-stream'],
      [Buffer.alloc(0), 'application/octet-stream'],
    ];
    for (const [head, type] of cases) assert.equal(sniffMediaType(head), type, type);
  });
});
