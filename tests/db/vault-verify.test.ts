import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { offload } from '../../core/ingest/offload.js';
import { makeRecorder, type RecorderFixture } from '../fixtures/recorder.js';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import { flipByte } from '../helpers/tamper.js';

const CLI = join(process.cwd(), 'cli', 'sanxiang.mjs');

let rec: RecorderFixture;
let t: TestApp;
let shas: string[];

before(async () => {
  rec = makeRecorder();
  t = await makeTestApp();
  const r = await offload(t.app, { folder: rec.root, actor: { id: null, username: '(命令行)', officerId: null } });
  shas = [...new Set(r.items.map((i) => i.sha256))];
});
after(() => {
  t.close();
  rec.cleanup();
});

function verify(): { status: number | null; json: { ok: boolean; checked: number; mismatched: { sha256: string; actual: string; kinds: string[] }[]; missing: { sha256: string }[]; unregistered: string[] } } {
  const r = spawnSync(process.execPath, [CLI, 'verify', '--data', t.dir, '--json'], { encoding: 'utf8' });
  return { status: r.status, json: JSON.parse(r.stdout.trim().split('\n').pop()!) };
}

test('sanxiang verify: an intact vault is ok', () => {
  const r = verify();
  assert.equal(r.status, 0);
  assert.equal(r.json.ok, true);
  assert.equal(r.json.checked, shas.length);
  assert.deepEqual(r.json.mismatched, []);
});

test('a flipped byte is reported (exit 1), and so is a missing file', () => {
  const victim = t.app.vault.pathOf(shas[0]);
  flipByte(victim, 100);

  const gone = t.app.vault.pathOf(shas[1]);
  renameSync(gone, `${gone}.moved`);
  try {
    const r = verify();
    assert.equal(r.status, 1);
    assert.equal(r.json.ok, false);
    assert.deepEqual(r.json.mismatched.map((m) => m.sha256), [shas[0]]);
    assert.notEqual(r.json.mismatched[0].actual, shas[0]);
    assert.deepEqual(r.json.mismatched[0].kinds, ['原始音视频']);
    assert.deepEqual(r.json.missing.map((m) => m.sha256), [shas[1]]);
    const audit = t.app.db.prepare(`SELECT summary FROM audit_log WHERE operation = 'media.verify' ORDER BY id DESC LIMIT 1`).get() as { summary: string };
    assert.equal(JSON.parse(audit.summary).ok, false, 'the check is audited');
  } finally {
    renameSync(`${gone}.moved`, gone);
  }
});

test('media.verify (admin) reports the same, and an unregistered file is listed', async () => {
  const stray = join(t.app.vault.root, 'ab', 'cd');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync(stray, { recursive: true });
  const name = 'abcd' + '0'.repeat(60);
  writeFileSync(join(stray, name), 'x');
  const r = await t.call('media.verify', {});
  assert.equal(r.ok, false);
  assert.equal(r.mismatched.length, 1);
  assert.deepEqual(r.unregistered, [name]);
  rmSync(join(stray, name));
});
