import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { resolveInside } from '../../core/harness/static-files.js';
import { isAppUrl, mediaSha256, mediaUrl, resolveAppFile } from '../../electron/main/urls.js';

// A renderer folder next to a file that must never be served.
let base: string;
let root: string;
before(() => {
  base = mkdtempSync(join(tmpdir(), 'sanxiang-app-'));
  root = join(base, 'dist-renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'main-abc.js'), 'export {}');
  writeFileSync(join(root, 'assets', '中文 名.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'secret');
  writeFileSync(join(base, 'sanxiang.db'), 'db');
});
after(() => rmSync(base, { recursive: true, force: true }));

describe('resolveInside (shared guard used by app://)', () => {
  it('serves files inside the renderer folder', () => {
    assert.equal(resolveInside(root, '/index.html'), join(root, 'index.html'));
    assert.equal(resolveInside(root, '/assets/main-abc.js'), join(root, 'assets', 'main-abc.js'));
    assert.equal(resolveInside(root, '/assets/%E4%B8%AD%E6%96%87%20%E5%90%8D.css'), join(root, 'assets', '中文 名.css'));
  });

  it('refuses traversal, encoded traversal, backslashes, drive letters and NUL', () => {
    for (const p of [
      '/../secret.txt',
      '../secret.txt',
      '/assets/../../secret.txt',
      '%2e%2e/secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '..\\secret.txt',
      '/..%5csecret.txt',
      '/assets\\..\\..\\secret.txt',
      'C:/Windows/win.ini',
      '/C:/Windows/win.ini',
      'c:\\Windows\\win.ini',
      '/index.html%00.png',
      '/%',
    ]) {
      assert.equal(resolveInside(root, p), null, p);
    }
  });

  it('does not escape to an absolute path', () => {
    assert.equal(resolveInside(root, join(base, 'secret.txt')), null);
    assert.equal(resolveInside(root, '//etc/passwd'), null);
  });
});

describe('resolveAppFile (app://sanxiang/… → file)', () => {
  it('maps the entry and assets', () => {
    assert.equal(resolveAppFile(root, 'app://sanxiang/index.html'), join(root, 'index.html'));
    assert.equal(resolveAppFile(root, 'app://sanxiang/'), join(root, 'index.html'));
    assert.equal(resolveAppFile(root, 'app://sanxiang/assets/main-abc.js?v=1#x'), join(root, 'assets', 'main-abc.js'));
  });

  it('falls back to index.html for client-side routes, not for missing files', () => {
    assert.equal(resolveAppFile(root, 'app://sanxiang/cases/12'), join(root, 'index.html'));
    assert.equal(resolveAppFile(root, 'app://sanxiang/assets/missing.js'), null);
  });

  it('refuses other hosts and schemes', () => {
    assert.equal(resolveAppFile(root, 'app://other/index.html'), null);
    assert.equal(resolveAppFile(root, 'file:///etc/passwd'), null);
    assert.equal(resolveAppFile(root, 'media://vault/index.html'), null);
    assert.equal(resolveAppFile(root, 'not a url'), null);
  });

  it('never reaches outside the renderer folder, whatever the URL', () => {
    for (const u of [
      'app://sanxiang/../secret.txt',
      'app://sanxiang/%2e%2e/secret.txt',
      'app://sanxiang/assets/..%2f..%2fsecret.txt',
      'app://sanxiang/..%5csecret.txt',
      'app://sanxiang/..\\secret.txt',
      'app://sanxiang/C:/Windows/win.ini',
      'app://sanxiang/%2e%2e/sanxiang.db',
    ]) {
      const got = resolveAppFile(root, u);
      assert.ok(got === null || got === join(root, 'index.html'), `${u} → ${got}`);
    }
  });
});

describe('media:// and origin checks', () => {
  const sha = 'ab'.repeat(32);
  it('accepts only media://vault/<sha256>', () => {
    assert.equal(mediaSha256(mediaUrl(sha)), sha);
    assert.equal(mediaSha256(`media://vault/${sha}?t=1`), sha);
    for (const u of [`media://vault/${sha.toUpperCase()}`, `media://other/${sha}`, `media://vault/${sha}/x`, 'media://vault/../sanxiang.db', `app://vault/${sha}`, 'media://vault/']) {
      assert.equal(mediaSha256(u), null, u);
    }
  });

  it('recognises our renderer URL exactly', () => {
    assert.equal(isAppUrl('app://sanxiang/index.html'), true);
    for (const u of ['app://sanxiang.evil/index.html', 'app://sanxiang', 'https://sanxiang/', 'file:///C:/app/index.html', '', null, undefined]) {
      assert.equal(isAppUrl(u), false, String(u));
    }
  });
});
