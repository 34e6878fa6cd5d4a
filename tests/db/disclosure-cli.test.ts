import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { disclosureWorld, PARTY_ID } from '../helpers/disclosure.js';
import { startSshd, type Sshd } from '../helpers/sshd.js';

const CLI = join(import.meta.dirname, '..', '..', 'cli', 'sanxiang.mjs');

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, env: { ...process.env, SANXIANG_PASSWORD: '' } });
  const lines = r.stdout.trim().split('\n');
  let json: any = null;
  try {
    json = JSON.parse(lines[lines.length - 1]);
  } catch {
    /* not JSON */
  }
  return { code: r.status, json, stdout: r.stdout, stderr: r.stderr };
}

let s: Sshd;
before(async () => {
  s = await startSshd();
});
after(async () => {
  await s?.stop();
});

test('sanxiang redact reads stdin and returns the redacted text with finding offsets', () => {
  const text = `当事人张三丰，公民身份号码${PARTY_ID}，联系电话138-1234-5678，住址：四川省遂宁市船山区永兴镇石洞村5组12号。遂林罚决字〔2026〕第3号。`;
  const r = run(['redact', '--kind', 'penalty', '--json'], text);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(!r.json.text.includes(PARTY_ID) && !r.json.text.includes('1234-5678') && r.json.text.includes('遂林罚决字〔2026〕第3号'));
  assert.deepEqual(r.json.findings.map((f: { kind: string }) => f.kind), ['person-name', 'id-number', 'mobile', 'address']);
  for (const f of r.json.findings) assert.equal(typeof f.start, 'number');
  assert.equal(text.slice(r.json.findings[1].start, r.json.findings[1].end), PARTY_ID);
  assert.equal(run(['redact', '--kind', 'nonsense', '--json'], text).code, 2);
});

test('sanxiang site build and sanxiang publish over SFTP; a wrong host key exits 1 and sends nothing', async () => {
  const w = await disclosureWorld();
  await w.approved((await w.personCase()).caseId);
  await w.approved((await w.orgCase()).caseId);
  w.t.app.close();
  const data = w.t.dir;

  const out = join(mkdtempSync(join(tmpdir(), 'sanxiang-site-')), 'site');
  const b = run(['site', 'build', '--data', data, '--out', out, '--json']);
  assert.equal(b.code, 0, b.stderr);
  assert.equal(b.json.items, 2);
  assert.ok(b.json.pages >= 12);
  assert.ok(readFileSync(join(out, 'index.html'), 'utf8').includes('遂宁市林业局'));
  assert.equal(run(['site', 'build', '--data', data, '--out', out, '--json']).json.release, b.json.release, 'rebuild in place');

  const remote = join(s.webRoot, 'cli');
  const url = `sftp://${s.username}@127.0.0.1:${s.port}${remote}`;
  const wrong = run(['publish', '--data', data, '--sftp', url, '--identity', s.clientKeyFile, '--host-key', `SHA256:${'Q'.repeat(43)}`, '--json']);
  assert.equal(wrong.code, 1);
  assert.equal(wrong.json.error.code, 'HOST_KEY_MISMATCH');
  assert.ok(!existsSync(remote), 'nothing written');

  const ok = run(['publish', '--data', data, '--sftp', url, '--identity', s.clientKeyFile, '--host-key', s.hostKeyFingerprint, '--json']);
  assert.equal(ok.code, 0, ok.stderr + ok.stdout);
  assert.ok(ok.json.uploaded > 10);
  assert.equal(ok.json.deleted, 0);
  assert.ok(ok.json.bytes > 1000);
  assert.equal(readlinkSync(join(remote, 'current')), `releases/${ok.json.release}`);
  assert.equal(ok.json.release, b.json.release, 'the same build as site build');
  const again = run(['publish', '--data', data, '--sftp', url, '--identity', s.clientKeyFile, '--host-key', s.hostKeyFingerprint, '--json']);
  assert.deepEqual([again.json.uploaded, again.json.switched], [0, false]);
  assert.equal(run(['publish', '--data', data, '--json']).code, 2, 'no target is a usage error');
  rmSync(join(out, '..'), { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
});
