import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApiHandler, type ApiCaller } from '../../electron/main/api-handler.js';
import { ADMIN_PASSWORD, makeTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
before(async () => {
  t = await makeTestApp();
});
after(() => t.close());

const win = (senderId: number, frameUrl: string | null = 'app://sanxiang/index.html'): ApiCaller => ({ senderId, frameUrl, ours: true });

describe('the api IPC handler (main side of window.api)', () => {
  it('refuses senders that are not our renderer', async () => {
    const h = createApiHandler(() => t.app);
    for (const caller of [
      { senderId: 1, frameUrl: 'https://example.com/', ours: true },
      { senderId: 1, frameUrl: 'app://sanxiang.evil/index.html', ours: true },
      { senderId: 1, frameUrl: 'file:///C:/x/index.html', ours: true },
      { senderId: 1, frameUrl: null, ours: true },
      { senderId: 2, frameUrl: 'app://sanxiang/index.html', ours: false },
    ]) {
      const r = await h.handle(caller, 'setup.status', {});
      assert.equal(r.ok, false);
      assert.equal(!r.ok && r.error.code, 'FORBIDDEN', JSON.stringify(caller));
    }
  });

  it('refuses unknown operations and reports a missing data folder', async () => {
    const h = createApiHandler(() => t.app);
    for (const op of ['nope', '__proto__', 'constructor', 42, null]) {
      const r = await h.handle(win(1), op, {});
      assert.equal(!r.ok && r.error.code, 'UNKNOWN_OPERATION', String(op));
    }
    const none = createApiHandler(() => null);
    const r = await none.handle(win(1), 'setup.status', {});
    assert.equal(!r.ok && r.error.code, 'NOT_READY');
  });

  it('keeps the session token in the main process, per webContents', async () => {
    const h = createApiHandler(() => t.app);
    assert.equal((await h.handle(win(1), 'auth.me', {})).ok, false, 'not signed in yet');

    const login = await h.handle(win(1), 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    assert.ok(login.ok);
    const value = login.value as { sessionId: string; me: { user: { username: string } } };
    assert.equal(value.sessionId, '', 'the renderer never sees the token');
    assert.equal(value.me.user.username, 'admin');
    assert.equal(h.hasSession(1), true);

    const me = await h.handle(win(1), 'auth.me', {});
    assert.ok(me.ok, 'the same window is signed in');
    const other = await h.handle(win(2), 'auth.me', {});
    assert.equal(!other.ok && other.error.code, 'NOT_SIGNED_IN', 'another webContents is not');

    const logout = await h.handle(win(1), 'auth.logout', {});
    assert.ok(logout.ok);
    assert.equal(h.hasSession(1), false);
    assert.equal((await h.handle(win(1), 'auth.me', {})).ok, false);
  });

  it('a failed login keeps no token; a destroyed webContents ends its session in the core', async () => {
    const h = createApiHandler(() => t.app);
    const bad = await h.handle(win(3), 'auth.login', { username: 'admin', password: 'wrong-password-1' });
    assert.equal(bad.ok, false);
    assert.equal(h.hasSession(3), false);

    let opened = '';
    const open = t.app.sessions.open.bind(t.app.sessions);
    t.app.sessions.open = (u) => (opened = open(u));
    try {
      assert.ok((await h.handle(win(3), 'auth.login', { username: 'admin', password: ADMIN_PASSWORD })).ok);
    } finally {
      t.app.sessions.open = open;
    }
    assert.ok(t.app.sessions.touch(opened), 'live in the core');
    h.forget(3);
    assert.equal(h.hasSession(3), false);
    assert.equal(t.app.sessions.touch(opened), null, 'closed in the core when the window goes');
  });

  it('signing in again replaces (and ends) the previous session of that window', async () => {
    const h = createApiHandler(() => t.app);
    const tokens: string[] = [];
    const open = t.app.sessions.open.bind(t.app.sessions);
    t.app.sessions.open = (u) => {
      const tok = open(u);
      tokens.push(tok);
      return tok;
    };
    try {
      await h.handle(win(4), 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
      await h.handle(win(4), 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    } finally {
      t.app.sessions.open = open;
    }
    assert.equal(tokens.length, 2);
    assert.equal(t.app.sessions.touch(tokens[0]), null);
    assert.ok(t.app.sessions.touch(tokens[1]));
    h.forget(4);
  });

  it('validation errors come back as Chinese Results, not exceptions', async () => {
    const h = createApiHandler(() => t.app);
    const r = await h.handle(win(5), 'auth.login', { username: '', password: 1 });
    assert.equal(!r.ok && r.error.code, 'INVALID_INPUT');
    assert.match(!r.ok ? r.error.message : '', /[\u4e00-\u9fff]/);
  });
});
