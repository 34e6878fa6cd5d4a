import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness } from '../../core/harness/server.js';
import { makeTestApp } from '../helpers/app.js';

function http(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

test('the web harness: loopback only, token-guarded, routes the API, serves files without traversal', async () => {
  const t = await makeTestApp();
  const site = mkdtempSync(join(tmpdir(), 'sanxiang-site-'));
  mkdirSync(join(site, 'assets'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>执法三项制度工作站</title>');
  writeFileSync(join(site, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(t.dir, 'secret.txt'), 'do not serve');
  const h = await startHarness(t.app, { staticDir: site });
  try {
    assert.match(h.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal((await http(h.url)).status, 401, 'no token');
    const first = await http(h.openUrl);
    assert.equal(first.status, 302);
    const cookie = String(first.headers['set-cookie']).split(';')[0];
    assert.match(String(first.headers['set-cookie']), /HttpOnly; SameSite=Strict/);
    const page = await http(h.url, { headers: { cookie } });
    assert.equal(page.status, 200);
    assert.match(page.body, /执法三项制度工作站/);
    assert.match(String(page.headers['content-security-policy']), /default-src 'self'/);
    assert.equal((await http(`${h.url}assets/app.js`, { headers: { cookie } })).status, 200);
    for (const evil of ['..%2fsecret.txt', '%2e%2e/secret.txt', 'assets/..%2f..%2fsecret.txt', '..%5csecret.txt']) {
      const r = await http(`${h.url}${evil}`, { headers: { cookie } });
      assert.notEqual(r.body, 'do not serve', evil);
    }
    const wrongHost = await http(h.url, { headers: { cookie, host: 'evil.example:80' } });
    assert.equal(wrongHost.status, 403, 'DNS-rebinding guard');

    const api = (op: string, body: unknown, session?: string) =>
      http(`${h.url}api/${op}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...(session ? { 'x-sanxiang-session': session } : {}) },
        body: JSON.stringify(body),
      }).then((r) => JSON.parse(r.body));
    const login = await api('auth.login', { username: 'admin', password: 'Admin@2026' });
    assert.equal(login.ok, true);
    const me = await api('auth.me', {}, login.value.sessionId);
    assert.equal(me.value.user.username, 'admin');
    const anon = await api('cases.list', {});
    assert.equal(anon.error.code, 'NOT_SIGNED_IN');
    const bad = await http(`${h.url}api/cases.list`, { method: 'POST', headers: { cookie }, body: '{oops' });
    assert.equal(JSON.parse(bad.body).error.code, 'INVALID_INPUT');
    const noToken = await http(`${h.url}api/auth.login`, { method: 'POST', body: '{}' });
    assert.equal(noToken.status, 401);
  } finally {
    await h.close();
    t.close();
  }
});
