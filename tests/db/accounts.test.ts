import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dispatch } from '../../core/dispatch.js';
import { makeTestApp, officerInput, USER_PASSWORD } from '../helpers/app.js';

test('first run: status, initialise once, login returns a session', async () => {
  const t = await makeTestApp();
  const status = await dispatch(t.app, 'setup.status', {});
  assert.deepEqual(status, { ok: true, value: { initialized: true, bureauName: '遂宁市林业局' } });
  const again = await dispatch(t.app, 'setup.initialize', {
    bureau: { name: 'x', unitAbbr: 'x', creditCode: '', websiteName: 'x' },
    admin: { username: 'root', displayName: 'r', password: 'Secret@123' },
  });
  assert.equal(again.ok, false);
  const login = await dispatch(t.app, 'auth.login', { username: 'admin', password: 'Admin@2026' });
  assert.equal(login.ok, true);
  const session = (login as { value: { sessionId: string } }).value.sessionId;
  const me = await dispatch(t.app, 'auth.me', {}, { sessionToken: session });
  assert.equal(me.ok && (me.value as { user: { username: string } }).user.username, 'admin');
  t.close();
});

test('five wrong passwords lock the account for 15 minutes; the admin can reset it', async () => {
  let now = new Date('2026-03-02T02:00:00Z');
  const t = await makeTestApp({ now: () => now });
  await t.user('zhifa', ['officer']);
  const attempt = (password: string) => dispatch(t.app, 'auth.login', { username: 'zhifa', password });
  for (let i = 1; i <= 4; i++) {
    const r = await attempt('wrong');
    assert.equal(!r.ok && r.error.code, 'BAD_CREDENTIALS');
    assert.match(!r.ok ? r.error.message : '', new RegExp(`再输错 ${5 - i} 次`));
  }
  const fifth = await attempt('wrong');
  assert.equal(!fifth.ok && fifth.error.code, 'ACCOUNT_LOCKED');
  const right = await attempt(USER_PASSWORD);
  assert.equal(!right.ok && right.error.code, 'ACCOUNT_LOCKED', 'even the right password waits');
  now = new Date(now.getTime() + 14 * 60_000);
  assert.equal((await attempt(USER_PASSWORD)).ok, false);
  now = new Date(now.getTime() + 2 * 60_000);
  assert.equal((await attempt(USER_PASSWORD)).ok, true, 'unlocked after 15 minutes');
  for (let i = 0; i < 5; i++) await attempt('wrong');
  const id = t.app.repos.users.byUsername('zhifa')!.id;
  await t.call('users.resetPassword', { id, newPassword: 'Reset@2026' });
  assert.equal((await attempt('Reset@2026')).ok, true, 'reset unlocks');
  const failures = t.app.repos.auditQueries.page({ operation: 'auth.loginFailed' }, 1, 50);
  assert.ok(failures.total >= 10, 'failed logins are audited');
  t.close();
});

test('a session idle longer than the setting expires', async () => {
  let now = new Date('2026-03-02T02:00:00Z');
  const t = await makeTestApp({ now: () => now });
  await t.call('settings.update', { sessionIdleMinutes: 10 });
  const login = await dispatch(t.app, 'auth.login', { username: 'admin', password: 'Admin@2026' });
  const token = login.ok ? (login.value as { sessionId: string }).sessionId : '';
  now = new Date(now.getTime() + 9 * 60_000);
  assert.equal((await dispatch(t.app, 'auth.me', {}, { sessionToken: token })).ok, true);
  now = new Date(now.getTime() + 9 * 60_000);
  assert.equal((await dispatch(t.app, 'auth.me', {}, { sessionToken: token })).ok, true, 'activity refreshes the session');
  now = new Date(now.getTime() + 11 * 60_000);
  const r = await dispatch(t.app, 'auth.me', {}, { sessionToken: token });
  assert.equal(!r.ok && r.error.code, 'SESSION_EXPIRED');
  assert.match(!r.ok ? r.error.message : '', /重新登录/);
  t.close();
});

test('roles are enforced by the services, whatever the UI shows', async () => {
  const t = await makeTestApp();
  const officer = await t.user('zhifa', ['officer']);
  const auditor = await t.user('shenji', ['auditor']);
  const forbidden = await t.fails('settings.update', { sessionIdleMinutes: 5 }, officer);
  assert.equal(forbidden.code, 'FORBIDDEN');
  assert.match(forbidden.message, /管理员/);
  assert.equal((await t.fails('officers.create', officerInput('某人'), officer)).code, 'FORBIDDEN');
  assert.equal((await t.fails('cases.create', { caseType: 'penalty', procedure: 'simple', title: 'x', openedOn: '2026-03-02', handlerIds: [1], parties: [{ kind: 'person', name: 'x' }] }, auditor)).code, 'FORBIDDEN');
  assert.equal((await t.fails('audit.list', {}, officer)).code, 'FORBIDDEN');
  assert.ok((await t.call('audit.list', {}, auditor)).total > 0);
  const anon = await dispatch(t.app, 'cases.list', {});
  assert.equal(!anon.ok && anon.error.code, 'NOT_SIGNED_IN');
  t.close();
});

test('bad input comes back as INVALID_INPUT with Chinese messages per field', async () => {
  const t = await makeTestApp();
  const e = await t.fails('officers.create', { name: '', unit: 'x', certNo: 'c', certValidUntil: '2026/01/01', category: 'x', region: 'x' } as never);
  assert.equal(e.code, 'INVALID_INPUT');
  const fields = (e.details as { fields: { field: string; message: string }[] }).fields;
  assert.ok(fields.some((f) => f.field === 'name' && /姓名/.test(f.message)));
  assert.ok(fields.some((f) => f.field === 'certValidUntil' && /YYYY-MM-DD/.test(f.message)));
  const unknown = await dispatch(t.app, 'no.such.op', {});
  assert.equal(!unknown.ok && unknown.error.code, 'UNKNOWN_OPERATION');
  t.close();
});

test('the last admin cannot be disabled or lose the admin role; weak passwords are refused', async () => {
  const t = await makeTestApp();
  const e = await t.fails('users.update', { id: t.admin.id, roles: ['officer'] });
  assert.match(e.message, /至少需要保留一个/);
  const weak = await t.fails('users.create', { username: 'u1', displayName: 'u', roles: ['officer'], password: '12345678' });
  assert.equal(weak.code, 'WEAK_PASSWORD');
  t.close();
});

test('officers: certificate states, expiring warning window, public roster without expired or departed staff', async () => {
  const t = await makeTestApp({ now: () => new Date('2026-03-02T02:00:00Z') });
  await t.call('officers.create', officerInput('甲', '2026-04-10'));
  await t.call('officers.create', officerInput('乙', '2026-02-01'));
  const c = await t.call('officers.create', officerInput('丙', '2029-01-01'));
  await t.call('officers.update', { id: c.id, status: 'left' });
  await t.call('officers.create', officerInput('丁', '2029-01-01'));
  const list = await t.call('officers.list', {});
  const state = Object.fromEntries(list.map((o) => [o.name, o.certificateState]));
  assert.deepEqual(state, { 甲: 'expiring', 乙: 'expired', 丙: 'valid', 丁: 'valid' });
  const roster = await t.call('officers.publicRoster', {});
  assert.deepEqual(roster.rows.map((r) => r.name), ['丁', '甲']);
  assert.ok(roster.csv.startsWith('\uFEFF姓名,所在单位,职务,执法证号,执法类别,执法区域\r\n'));
  assert.equal((await t.fails('officers.create', { ...officerInput('戊'), certNo: roster.rows[0].certNo })).code, 'CONFLICT');
  t.close();
});

test('changing one setting leaves the others as they were', async () => {
  const t = await makeTestApp();
  await t.call('settings.update', { sessionIdleMinutes: 12 });
  await t.call('settings.update', { certificateWarningDays: 30 });
  const s = await t.call('settings.get', {});
  assert.equal(s.sessionIdleMinutes, 12);
  assert.equal(s.certificateWarningDays, 30);
  t.close();
});
