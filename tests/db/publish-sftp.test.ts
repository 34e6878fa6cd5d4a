import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest } from '../../core/disclosure/manifest.js';
import { runPublish } from '../../core/publish/publish-run.js';
import { publishSftp } from '../../core/publish/publisher.js';
import { makeManifest } from '../../core/disclosure/manifest.js';
import { ResumeLog } from '../../core/publish/resume-log.js';
import { filesOnly } from '../../core/publish/source.js';
import { disclosureWorld, type DisclosureWorld } from '../helpers/disclosure.js';
import { sftpTarget, startSshd, type Sshd } from '../helpers/sshd.js';

let s: Sshd;
before(async () => {
  s = await startSshd();
});
after(async () => {
  await s?.stop();
});

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

/** Saves an SFTP target for the test server (publishing into webRoot/<sub>). */
async function saveTarget(w: DisclosureWorld, sub: string, over: Record<string, unknown> = {}) {
  const t = sftpTarget(s, sub);
  return w.t.call('publish.targets.save', {
    name: sub,
    kind: 'sftp',
    host: t.host,
    port: t.port,
    username: t.username,
    remoteDir: t.remoteDir,
    hostKey: s.hostKeyFingerprint,
    auth: 'key',
    privateKey: s.clientKey,
    keepReleases: 5,
    ...over,
  });
}

const publish = (w: DisclosureWorld, targetId: number) => w.t.call('publish.run', { targetId, wait: true }, w.publisher);

/** Checks the live folder holds exactly the files of its manifest, byte for byte. */
function assertLiveIntact(root: string) {
  const cur = join(root, 'current');
  const m = parseManifest(readFileSync(join(cur, '.manifest.json'), 'utf8'))!;
  for (const [p, e] of m.files) assert.equal(sha(join(cur, p)), e.sha256, `${p} intact`);
  return m;
}

test('the host key is pinned: unknown → its fingerprint to confirm; a changed key is refused and nothing is written', async () => {
  const w = await disclosureWorld();
  const c = await w.orgCase();
  await w.approved(c.caseId);
  const probe = await w.t.call('publish.hostKey', { host: s.host, port: s.port });
  assert.equal(probe.fingerprint, s.hostKeyFingerprint, 'same as ssh-keygen -l prints');
  assert.equal(probe.algorithm, 'ssh-ed25519');

  const unknown = await saveTarget(w, 'unknown', { hostKey: '' });
  const r1 = await publish(w, unknown.id);
  assert.equal(r1.state, 'failed');
  assert.equal(r1.error!.code, 'HOST_KEY_UNKNOWN');
  assert.equal((r1.error!.details as { fingerprint: string }).fingerprint, s.hostKeyFingerprint);
  assert.match(r1.error!.message, /核对该指纹/);

  const wrong = await saveTarget(w, 'wrong', { hostKey: `SHA256:${'x'.repeat(43)}` });
  const check = await w.t.call('publish.hostKey', { targetId: wrong.id });
  assert.equal(check.matches, false);
  const r2 = await publish(w, wrong.id);
  assert.equal(r2.error!.code, 'HOST_KEY_MISMATCH');
  assert.match(r2.error!.message, /没有发送任何内容/);
  assert.ok(!existsSync(join(s.webRoot, 'wrong')) && !existsSync(join(s.webRoot, 'unknown')), 'nothing written');
  const log = await w.t.call('publish.log', {}, w.publisher);
  assert.deepEqual(log.rows.map((r) => r.errorCode), ['HOST_KEY_MISMATCH', 'HOST_KEY_UNKNOWN']);
  w.t.close();
});

test('first publish, a second with no change uploads nothing, one changed item uploads only its pages and indexes', async () => {
  const w = await disclosureWorld();
  const ids: number[] = [];
  for (let i = 0; i < 4; i++) ids.push(await w.approved((await w.orgCase()).caseId));
  ids.push(await w.approved((await w.personCase()).caseId));
  const target = await saveTarget(w, 'main');
  const root = join(s.webRoot, 'main');

  const first = await publish(w, target.id);
  assert.equal(first.state, 'done', JSON.stringify(first.error));
  const r1 = first.result!;
  assert.equal(r1.switched, true);
  assert.equal(r1.uploaded, r1.files);
  assert.equal(r1.items, 5);
  assert.equal(readlinkSync(join(root, 'current')), `releases/${r1.release}`);
  const m1 = assertLiveIntact(root);
  assert.ok(m1.files.has('index.html') && m1.files.has('items.json') && m1.files.has('sitemap.xml'));
  for (const id of ids) assert.equal((await w.t.call('disclosure.get', { id }, w.publisher)).state, 'published');
  const html = readFileSync(join(root, 'current', 'penalty', '2026', `${ids[4]}.html`), 'utf8');
  assert.ok(html.includes('张某某') && !html.includes('张三丰'), 'redacted page on the server');

  const second = await publish(w, target.id);
  assert.equal(second.result!.uploaded, 0);
  assert.equal(second.result!.switched, false);
  assert.equal(readlinkSync(join(root, 'current')), `releases/${r1.release}`);

  // Correct one item: only its page, its PDF and the pages listing it change.
  const v2 = await w.t.call('disclosure.correct', { id: ids[2], note: '罚款金额录入有误，更正为2000元', result: { fine: 2000, content: '处罚款人民币2000元。' } }, w.officer);
  await w.t.call('disclosure.submit', { id: v2.id }, w.officer);
  await w.t.call('disclosure.approve', { id: v2.id }, w.publisher2);
  const third = await publish(w, target.id);
  const r3 = third.result!;
  assert.equal(r3.switched, true);
  assert.ok(r3.uploaded > 0 && r3.uploaded < 50, `uploaded ${r3.uploaded}`);
  assert.equal(r3.linked + r3.uploaded, r3.files, 'everything else hard-linked on the server');
  const m3 = assertLiveIntact(root);
  const changed = [...m3.files].filter(([p, e]) => m1.files.get(p)?.sha256 !== e.sha256).map(([p]) => p).sort();
  assert.equal(changed.length, r3.uploaded);
  const series = v2.seriesId;
  assert.deepEqual(
    changed.filter((p) => !['index.html', 'items.json', 'sitemap.xml', 'penalty/index.html', 'penalty/2026/index.html'].includes(p)),
    [`penalty/2026/${series}.html`, `penalty/2026/${series}.pdf`],
  );
  const page = readFileSync(join(root, 'current', 'penalty', '2026', `${series}.html`), 'utf8');
  assert.match(page, /更正说明/);
  assert.match(page, /罚款金额录入有误，更正为2000元/);
  assert.equal((await w.t.call('disclosure.get', { id: ids[2] }, w.publisher)).state, 'superseded');
  assert.equal((await w.t.call('disclosure.get', { id: v2.id }, w.publisher)).state, 'published');
  const unchangedPage = join(root, 'current', 'penalty', '2026', `${ids[0]}.html`);
  const oldPage = join(root, 'releases', r1.release, 'penalty', '2026', `${ids[0]}.html`);
  assert.equal(lstatSync(unchangedPage).ino, lstatSync(oldPage).ino, 'unchanged files are hard links');

  // Withdrawn: gone from the live site at the next publish, kept in the app.
  await w.t.call('disclosure.withdraw', { id: ids[1], event: 'revoked', eventOn: '2026-03-05', reason: '行政复议撤销' }, w.publisher);
  const fourth = await publish(w, target.id);
  assert.ok(fourth.result!.deleted >= 2, 'its page and PDF removed');
  assert.ok(!existsSync(join(root, 'current', 'penalty', '2026', `${ids[1]}.html`)));
  assert.ok(!readFileSync(join(root, 'current', 'items.json'), 'utf8').includes(`"id":${ids[1]},`));
  const gone = await w.t.call('disclosure.get', { id: ids[1] }, w.publisher);
  assert.ok(gone.takenDownAt);
  assert.equal((await w.t.call('disclosure.deadlines', {}, w.publisher)).withdrawOverdue.length, 0);
  assert.equal(readdirSync(join(root, 'releases')).length, 3, 'three releases kept (limit 5)');
  const log = await w.t.call('publish.log', { targetId: target.id }, w.publisher);
  assert.deepEqual(log.rows.map((r) => r.state), ['done', 'done', 'unchanged', 'done']);
  w.t.close();
});

test('a dropped connection mid-upload leaves the live site intact; the next publish resumes', async () => {
  const w = await disclosureWorld();
  for (let i = 0; i < 3; i++) await w.approved((await w.orgCase()).caseId);
  const target = await saveTarget(w, 'crash');
  const root = join(s.webRoot, 'crash');
  assert.equal((await publish(w, target.id)).state, 'done');
  const live = assertLiveIntact(root);
  const before = readlinkSync(join(root, 'current'));
  for (let i = 0; i < 25; i++) await w.approved((await w.orgCase()).caseId);

  const resolved = { kind: 'sftp' as const, id: target.id, name: 'crash', keepReleases: 5, sftp: sftpTarget(s, 'crash') };
  let killed = false;
  const err = await runPublish(w.t.app, resolved, { id: w.publisher.id, username: 'gongkai' }, {
    onProgress: (p) => {
      if (!killed && p.phase === 'uploading' && p.filesDone >= 12) {
        killed = true;
        s.kill();
      }
    },
  }).catch((e) => e);
  assert.ok(killed);
  assert.equal(err.code, 'CONNECTION_LOST', err.message);
  assert.match(err.message, /线上网站未受影响/);
  assert.equal(readlinkSync(join(root, 'current')), before, 'current untouched');
  assert.deepEqual([...assertLiveIntact(root).files.keys()], [...live.files.keys()]);

  await s.restart();
  const again = await publish(w, target.id);
  assert.equal(again.state, 'done', JSON.stringify(again.error));
  const r = again.result!;
  assert.ok(r.resumed >= 10, `resumed ${r.resumed}`);
  assert.equal(r.resumed + r.uploaded + r.linked, r.files);
  assertLiveIntact(root);
  assert.equal((await w.t.call('publish.log', { targetId: target.id }, w.publisher)).rows[1].errorCode, 'CONNECTION_LOST');
  w.t.close();
});

test('failures name the fix and leave the live site untouched: wrong key, unreachable, read-only, path escape, disk full', async () => {
  const w = await disclosureWorld();
  for (let i = 0; i < 6; i++) await w.approved((await w.orgCase()).caseId);
  const ok = await saveTarget(w, 'fail');
  assert.equal((await publish(w, ok.id)).state, 'done');
  const root = join(s.webRoot, 'fail');
  const live = readlinkSync(join(root, 'current'));
  await w.approved((await w.orgCase()).caseId);

  spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(s.dir, 'other_key')]);
  const wrongKey = await saveTarget(w, 'fail-key', { remoteDir: join(s.webRoot, 'fail'), privateKey: readFileSync(join(s.dir, 'other_key'), 'utf8') });
  const e1 = (await publish(w, wrongKey.id)).error!;
  assert.equal(e1.code, 'AUTH_FAILED');
  assert.match(e1.message, /authorized_keys/);

  const closed = await saveTarget(w, 'fail-port', { port: 1 });
  const e2 = (await publish(w, closed.id)).error!;
  assert.equal(e2.code, 'UNREACHABLE');
  assert.match(e2.message, /连接被拒绝/);

  const ro = await startSshd({ readOnly: true });
  try {
    const t = sftpTarget(ro, 'site');
    mkdirSync(t.remoteDir);
    const m = new Map([['index.html', Buffer.from('<p>x</p>')]]);
    const e3 = await publishSftp(t, filesOnly(m), makeManifest(m), { keepReleases: 5, resumeLog: new ResumeLog(join(w.t.dir, 'r.jsonl')) }).catch((e) => e);
    assert.equal(e3.code, 'PERMISSION_DENIED', e3.message);
    assert.match(e3.message, /写权限/);
  } finally {
    await ro.stop();
  }

  const escape = await w.t.fails('publish.targets.save', { name: 'esc', kind: 'sftp', host: s.host, port: s.port, username: s.username, remoteDir: '/srv/www/../../etc', privateKey: s.clientKey });
  assert.equal(escape.code, 'REMOTE_PATH_ESCAPE');
  const evil = new Map([['../evil.html', Buffer.from('x')]]);
  const e4 = await publishSftp({ ...sftpTarget(s, 'fail'), port: 1 }, filesOnly(evil), makeManifest(evil), { keepReleases: 5, resumeLog: new ResumeLog(join(w.t.dir, 'r.jsonl')) }).catch((e) => e);
  assert.equal(e4.code, 'REMOTE_PATH_ESCAPE', 'refused before connecting (port 1 would be UNREACHABLE)');

  const tiny = join(s.webRoot, 'tiny');
  mkdirSync(tiny);
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', tiny]).status === 0) {
    try {
      const full = await saveTarget(w, 'tiny');
      const e5 = (await publish(w, full.id)).error!;
      assert.equal(e5.code, 'REMOTE_DISK_FULL');
      assert.match(e5.message, /磁盘空间不足/);
    } finally {
      spawnSync('umount', [tiny]);
    }
  } else console.log('# tmpfs mount not permitted here: disk-full case not exercised');

  assert.equal(readlinkSync(join(root, 'current')), live, 'live site untouched by every failure');
  assertLiveIntact(root);
  w.t.close();
});

test('only the last N releases are kept on the server', async () => {
  const w = await disclosureWorld();
  const target = await saveTarget(w, 'keep', { keepReleases: 2 });
  for (let i = 0; i < 3; i++) {
    await w.approved((await w.orgCase()).caseId);
    assert.equal((await publish(w, target.id)).state, 'done');
  }
  const root = join(s.webRoot, 'keep');
  const releases = readdirSync(join(root, 'releases'));
  assert.equal(releases.length, 2);
  assert.ok(releases.includes(readlinkSync(join(root, 'current')).split('/')[1]));
  assert.equal((JSON.parse(readFileSync(join(root, 'releases.json'), 'utf8')) as { releases: string[] }).releases.length, 3);
  w.t.close();
});

test('a publish can be cancelled; the live site stays as it was', async () => {
  const w = await disclosureWorld();
  await w.approved((await w.orgCase()).caseId);
  const target = await saveTarget(w, 'cancel');
  assert.equal((await publish(w, target.id)).state, 'done');
  const root = join(s.webRoot, 'cancel');
  const live = readlinkSync(join(root, 'current'));
  await w.approved((await w.orgCase()).caseId);
  const started = await w.t.call('publish.run', { targetId: target.id }, w.publisher);
  assert.equal(started.state, 'running');
  assert.equal((await w.t.fails('publish.run', { targetId: target.id }, w.publisher)).code, 'CONFLICT', 'one publish per target at a time');
  await w.t.call('publish.cancel', { jobId: started.jobId }, w.publisher);
  let status = started;
  for (let i = 0; i < 200 && status.state === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 25));
    [status] = await w.t.call('publish.status', { jobId: started.jobId }, w.publisher);
  }
  assert.equal(status.state, 'cancelled');
  assert.equal(status.error!.code, 'CANCELLED');
  assert.equal(readlinkSync(join(root, 'current')), live);
  assert.equal((await w.t.call('publish.log', { targetId: target.id }, w.publisher)).rows[0].state, 'cancelled');
  assert.equal((await publish(w, target.id)).state, 'done', 'the next publish goes through');
  w.t.close();
});
