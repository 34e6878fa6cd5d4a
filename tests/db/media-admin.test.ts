// Admin side of the vault (issue 4): the vault check as a job with progress, cancel and 上次校验;
// problems named by the clip and cases they belong to; matters in use cannot be removed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { offload } from '../../core/ingest/offload.js';
import { verifyJobsFor } from '../../core/ingest/verify-jobs.js';
import { DEFAULT_AV_MATTERS } from '../../shared/media-defaults.js';
import { makeRecorder, type RecorderFixture } from '../fixtures/recorder.js';
import { makeTestApp, officerInput, type TestApp } from '../helpers/app.js';
import { flipByte } from '../helpers/tamper.js';

let rec: RecorderFixture;
let t: TestApp;

before(async () => {
  rec = makeRecorder();
  t = await makeTestApp();
  await offload(t.app, { folder: rec.root, actor: { id: null, username: '(命令行)', officerId: null } });
});
after(() => {
  t.close();
  rec.cleanup();
});


test('verify as a job: progress to the end, audited, shown as 上次校验', async () => {
  const before = await t.call('media.verifyStatus', {});
  assert.equal(before.job, null);
  assert.equal(before.last, null);
  assert.ok(before.objects > 0 && before.bytes > 0);
  const job = await t.call('media.verifyStart', {});
  assert.equal(job.state, 'running');
  assert.equal(job.startedBy, '系统管理员');
  const again = await t.call('media.verifyStart', {});
  assert.equal(again.jobId, job.jobId, 'a second start joins the running check');
  const report = await verifyJobsFor(t.app).wait(job.jobId);
  assert.equal(report.ok, true);
  const s = await t.call('media.verifyStatus', {});
  assert.equal(s.job?.state, 'done');
  assert.equal(s.job?.filesDone, s.objects);
  assert.equal(s.job?.bytesDone, s.bytes);
  assert.equal(s.last?.ok, true);
  assert.equal(s.last?.by, '系统管理员');
  assert.equal(s.last?.checked, s.objects);
});

test('a cancelled check is not a check: 上次校验 stays as it was', async () => {
  const last = (await t.call('media.verifyStatus', {})).last;
  const job = await t.call('media.verifyStart', {});
  await t.call('media.verifyCancel', { jobId: job.jobId });
  await assert.rejects(verifyJobsFor(t.app).wait(job.jobId));
  const s = await t.call('media.verifyStatus', {});
  assert.equal(s.job?.state, 'cancelled');
  assert.deepEqual(s.last, last);
  assert.equal((await t.fails('media.verifyCancel', { jobId: 'nope' })).code, 'NOT_FOUND');
});

test('a flipped byte names the clip and the case it is evidence in', async () => {
  const o1 = await t.call('officers.create', officerInput('赵'));
  const o2 = await t.call('officers.create', officerInput('孙'));
  const c = await t.call('cases.create', {
    caseType: 'penalty', procedure: 'ordinary', title: '违法占用林地', openedOn: '2026-03-05', handlerIds: [o1.id, o2.id], parties: [{ kind: 'person', name: '钱六' }],
  });
  const clip = (await t.call('media.list', { kind: 'video', pageSize: 1 })).rows[0];
  await t.call('media.linkToCase', { ids: [clip.id], caseId: c.id });
  flipByte(t.app.vault.pathOf(clip.sha256), 100);
  const r = await t.call('media.verify', {});
  assert.equal(r.ok, false);
  assert.equal(r.mismatched.length, 1);
  assert.deepEqual(r.mismatched[0].owners, [{ mediaId: clip.id, caseId: null, label: clip.fileName, cases: [c.caseNo] }]);
  const s = await t.call('media.verifyStatus', {});
  assert.equal(s.last?.ok, false);
  assert.equal(s.last?.mismatched, 1);
  flipByte(t.app.vault.pathOf(clip.sha256), 100);
});

test('a matter in use cannot be removed; renaming it is fine', async () => {
  const clip = (await t.call('media.list', { kind: 'video', pageSize: 1 })).rows[0];
  await t.call('media.annotate', { id: clip.id, matter: 'hearing', proof: '听证过程' });
  const without = DEFAULT_AV_MATTERS.filter((m) => m.key !== 'hearing');
  const e = await t.fails('media.avMatters.update', { matters: without });
  assert.equal(e.code, 'INVALID_INPUT');
  assert.match(e.message, /「听证」已被 1 个音像记录使用，不能删除/);
  const renamed = DEFAULT_AV_MATTERS.map((m) => (m.key === 'hearing' ? { ...m, label: '听证会' } : m));
  assert.equal((await t.call('media.avMatters.update', { matters: renamed })).find((m) => m.key === 'hearing')?.label, '听证会');
  const dup = await t.fails('media.avMatters.update', { matters: [...renamed, { ...renamed[0], key: 'other' }] });
  assert.match(dup.message, /事项「查封扣押」重复/);
  // An unused matter goes.
  assert.equal((await t.call('media.avMatters.update', { matters: renamed.filter((m) => m.key !== 'demolition') })).length, renamed.length - 1);
});
