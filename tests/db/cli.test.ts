import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(import.meta.dirname, '..', '..', 'cli', 'sanxiang.mjs');

function run(args: string[], env: Record<string, string> = {}, input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, SANXIANG_PASSWORD: '', ...env }, input });
  const lines = r.stdout.trim().split('\n');
  let json: any = null;
  try {
    json = JSON.parse(lines[lines.length - 1]);
  } catch {
    /* not JSON */
  }
  return { code: r.status, json, stdout: r.stdout, stderr: r.stderr };
}

test('init, call, roles, audit verify and exit codes through the command line', () => {
  const data = mkdtempSync(join(tmpdir(), 'sanxiang-cli-'));
  const pw = { SANXIANG_PASSWORD: 'Admin@2026' };
  const init = run(['init', '--data', data, '--bureau', '遂宁市林业局', '--unit', '遂林', '--admin', 'admin', '--json'], pw);
  assert.equal(init.code, 0, init.stderr);
  assert.deepEqual(init.json, { data });

  const again = run(['init', '--data', data, '--bureau', 'x', '--admin', 'admin', '--json'], pw);
  assert.equal(again.code, 1);
  assert.equal(again.json.error.code, 'CONFLICT');

  const officer = run(['call', 'officers.create', JSON.stringify({ name: '张伟', unit: '遂宁市林业局', certNo: 'C1', certValidUntil: '2030-01-01', category: '林业', region: '船山区' }), '--data', data, '--user', 'admin', '--json'], pw);
  assert.equal(officer.code, 0, officer.stderr);
  assert.equal(officer.json.name, '张伟');

  // Password from standard input instead of the environment.
  const user = run(['call', 'users.create', JSON.stringify({ username: 'zhifa', displayName: '张伟', roles: ['officer'], password: 'User@2026x', officerId: officer.json.id }), '--data', data, '--user', 'admin', '--json'], {}, 'Admin@2026\n');
  assert.equal(user.code, 0, user.stderr);

  const forbidden = run(['call', 'settings.update', '{"sessionIdleMinutes":5}', '--data', data, '--user', 'zhifa', '--json'], { SANXIANG_PASSWORD: 'User@2026x' });
  assert.equal(forbidden.code, 1);
  assert.equal(forbidden.json.error.code, 'FORBIDDEN');

  const wrong = run(['call', 'cases.list', '{}', '--data', data, '--user', 'admin', '--json'], { SANXIANG_PASSWORD: 'nope' });
  assert.equal(wrong.code, 1);
  assert.equal(wrong.json.error.code, 'BAD_CREDENTIALS');

  const bad = run(['call', 'cases.list', '{not json', '--data', data, '--user', 'admin', '--json'], pw);
  assert.equal(bad.code, 2);

  const verify = run(['audit', 'verify', '--data', data, '--json']);
  assert.equal(verify.code, 0);
  assert.equal(verify.json.ok, true);
  assert.equal(verify.json.firstBad, null);
  assert.ok(verify.json.entries >= 4);

  const missing = run(['audit', 'verify', '--data', join(data, 'nope'), '--json']);
  assert.equal(missing.code, 1);
  assert.equal(missing.json.error.code, 'DATA_FOLDER_UNAVAILABLE');

  assert.equal(run(['no-such-command']).code, 2);
  assert.equal(run(['init', '--data', data, '--json']).code, 2, 'missing --bureau is a usage error');
});

test('calendar commands use Chinese working days', () => {
  const add = run(['calendar', 'add-workdays', '2026-09-30', '1', '--json']);
  assert.deepEqual(add.json, { date: '2026-10-08' });
  assert.deepEqual(run(['calendar', 'is-workday', '2026-02-14', '--json']).json, { workday: true });
  assert.deepEqual(run(['calendar', 'is-workday', '2026-10-02', '--json']).json, { workday: false });
  assert.equal(run(['calendar', 'add-workdays', '2026-13-01', '1', '--json']).code, 2);
});
