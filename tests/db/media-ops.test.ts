import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { SessionUser } from '../../core/accounts/sessions.js';
import { verifyAuditChain } from '../../core/audit/audit-log.js';
import { DeviceDetector, type RecorderVolume } from '../../core/ingest/device-detect.js';
import { DEFAULT_PROFILES } from '../../shared/media-defaults.js';
import { ingestJobsFor, stopDeviceDetector } from '../../core/ingest/ingest-jobs.js';
import { deriveQueueFor } from '../../core/media/proxy-queue.js';
import { makeRecorder, OFFICER_NO, SERIAL, type RecorderFixture } from '../fixtures/recorder.js';
import { makeTestApp, officerInput, type TestApp } from '../helpers/app.js';

/** Waits for an event with a (ref'd) time limit: the detector's own timer does not keep the process alive. */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no event in ${ms} ms`)), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

describe('device detection (SANXIANG_MOUNT_ROOTS-style roots)', () => {
  test('a recorder appearing under a watched root is attached within two seconds; a phone is not', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sanxiang-mounts-'));
    const d = new DeviceDetector({ profiles: () => DEFAULT_PROFILES, extraRoots: [root], intervalMs: 200 }).start();
    try {
      mkdirSync(join(root, 'PHONE', 'DCIM', '100APPLE'), { recursive: true });
      writeFileSync(join(root, 'PHONE', 'DCIM', '100APPLE', 'IMG_0001.JPG'), 'x');
      const attached = new Promise<RecorderVolume>((resolve) => d.once('attached', resolve));
      const t0 = Date.now();
      const rec = makeRecorder({ parent: root, volumeName: 'ZFY' });
      const dev = await within(attached, 5000, 'attached');
      assert.ok(Date.now() - t0 < 2000, `detected in ${Date.now() - t0} ms`);
      assert.equal(dev.volume, rec.root);
      assert.equal(dev.identity?.serial, SERIAL);
      assert.equal(dev.identity?.officerNo, OFFICER_NO);
      assert.deepEqual(d.devices().map((x) => x.volume), [rec.root], 'the phone is ignored');
      const detached = new Promise<string>((resolve) => d.once('detached', resolve));
      rec.cleanup();
      assert.equal(await within(detached, 5000, 'detached'), rec.root);
      // Layout alone (no identity file) is enough.
      const bare = makeRecorder({ parent: root, volumeName: 'BARE', identity: false });
      await d.poll();
      assert.ok(d.devices().some((x) => x.volume === bare.root && x.profile.id === 'ga947-dcam'));
    } finally {
      d.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('media operations', () => {
  let rec: RecorderFixture;
  let t: TestApp;
  let officer: SessionUser;
  let reviewer: SessionUser;
  let officerId: number;
  let secondId: number;
  let caseId: number;

  before(async () => {
    rec = makeRecorder();
    t = await makeTestApp({ now: () => new Date('2026-03-06T04:00:00Z') });
    const o = await t.call('officers.create', { ...officerInput('张执法'), officerNo: OFFICER_NO });
    officerId = o.id;
    officer = await t.user('zhang', ['officer'], { officerId });
    const second = await t.call('officers.create', officerInput('李协查'));
    secondId = second.id;
    reviewer = await t.user('li', ['reviewer'], { reviewerQualified: true });
    const c = await t.call(
      'cases.create',
      {
        caseType: 'inspection', procedure: 'ordinary', title: '擅自采伐林木', place: '船山区永兴镇', openedOn: '2026-03-05',
        handlerIds: [officerId, secondId], parties: [{ kind: 'person', name: '王五' }],
      },
      officer,
    );
    caseId = c.id;
  });
  after(async () => {
    await deriveQueueFor(t.app).stop();
    t.close();
    rec.cleanup();
  });

  test('media.ingest runs as a job with progress; officer resolved from the filename', async () => {
    const job = await t.call('media.ingest', { folder: rec.root }, officer);
    assert.equal(job.state, 'running');
    const done = await ingestJobsFor(t.app).wait(job.jobId);
    assert.equal(done.state, 'done', JSON.stringify(done.error));
    assert.equal(done.progress.phase, 'done');
    assert.equal(done.result?.copied, rec.importable.length - 1);
    const [status] = await t.call('media.ingestStatus', { jobId: job.jobId }, officer);
    assert.equal(status.state, 'done');
    const list = await t.call('media.list', { officerId, pageSize: 100 }, reviewer);
    assert.equal(list.total, rec.importable.length - 1);
    assert.ok(list.rows.every((r) => r.officerName === '张执法'));
    await deriveQueueFor(t.app).stop();
    await deriveQueueFor(t.app).runUntilIdle();
  });

  test('media.devices lists a recorder under SANXIANG_MOUNT_ROOTS with its officer and new files', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sanxiang-mounts-'));
    const saved = process.env.SANXIANG_MOUNT_ROOTS;
    process.env.SANXIANG_MOUNT_ROOTS = root;
    const plugged = makeRecorder({ parent: root, volumeName: 'ZFY' });
    try {
      const [dev] = await t.call('media.devices', {}, officer);
      assert.equal(dev.volume, plugged.root);
      assert.equal(dev.serial, SERIAL);
      assert.equal(dev.model, 'DSJ-V9');
      assert.deepEqual(dev.officer, { id: officerId, name: '张执法' }, 'from the identity file');
      assert.equal(dev.newFiles, plugged.importable.length, 'fresh copies (new file times) are not known yet');
      const job = await t.call('media.ingest', { folder: dev.volume }, officer);
      const done = await ingestJobsFor(t.app).wait(job.jobId);
      assert.equal(done.result?.copied, 0, 'same content: nothing stored twice');
      assert.equal(done.result?.duplicates, plugged.importable.length);
      await deriveQueueFor(t.app).stop();
      await t.call('devices.create', { serial: SERIAL, model: 'DSJ-V9', officerId: secondId });
      const [again] = await t.call('media.devices', {}, officer);
      assert.deepEqual(again.officer, { id: secondId, name: '李协查' }, 'the device register wins');
      assert.equal(again.newFiles, 0);
    } finally {
      stopDeviceDetector(t.app);
      if (saved === undefined) delete process.env.SANXIANG_MOUNT_ROOTS;
      else process.env.SANXIANG_MOUNT_ROOTS = saved;
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('media.cancelIngest stops a running import; the same device cannot be imported twice at once', async () => {
    const other = makeRecorder({ volumeName: 'OTHER', fillerMb: [8] });
    try {
      const job = await t.call('media.ingest', { folder: other.root, deviceSerial: 'CANCEL-TEST' }, officer);
      assert.equal((await t.fails('media.ingest', { folder: other.root }, officer)).code, 'CONFLICT');
      await t.call('media.cancelIngest', { jobId: job.jobId }, officer);
      const done = await ingestJobsFor(t.app).wait(job.jobId);
      assert.equal(done.state, 'cancelled');
      assert.equal(done.result?.cancelled, true);
      const run = t.app.db.prepare(`SELECT state FROM ingest_runs WHERE device_serial = 'CANCEL-TEST'`).get() as { state: string };
      assert.equal(run.state, 'cancelled');
    } finally {
      await deriveQueueFor(t.app).stop();
      other.cleanup();
    }
  });

  test('missing folder refused at once', async () => {
    const e = await t.fails('media.ingest', { folder: join(t.dir, 'nope') }, officer);
    assert.equal(e.code, 'FOLDER_NOT_FOUND');
  });

  test('prefill: capture time, collector, GPS place, the day\'s open case, matter from the folder name', async () => {
    const gps = (await t.call('media.list', { q: '170000', pageSize: 10 }, officer)).rows[0];
    const d = await t.call('media.get', { id: gps.id }, officer);
    assert.equal(d.prefill.captureTime, '2026-03-05T09:00:00.000Z');
    assert.deepEqual(d.prefill.collectors, [officerId]);
    assert.equal(d.prefill.place, '30.512345°N, 105.571234°E');
    assert.deepEqual(d.prefill.caseCandidates.map((c) => c.id), [caseId]);
    assert.equal(d.prefill.caseCandidates[0].reason, '当天立案');
    assert.ok(d.thumbnailSha256, 'thumbnail made by the queue');
    const insp = (await t.call('media.list', { q: '090000', pageSize: 10 }, officer)).rows[0];
    assert.equal((await t.call('media.get', { id: insp.id }, officer)).prefill.matter, 'inspection');
    const imp = (await t.call('media.list', { important: true }, officer)).rows;
    assert.equal(imp.length, 1);
  });

  test('gap check: an inspection case without footage is flagged, footage closes the gap', async () => {
    let gaps = await t.call('media.caseGaps', { caseId }, reviewer);
    assert.equal(gaps.flag, '缺少音像记录');
    assert.deepEqual(gaps.matters.map((m) => [m.matter, m.source, m.status]), [['inspection', 'implied', 'missing']]);
    const insp = (await t.call('media.list', { q: '090000' }, officer)).rows[0];
    const d = await t.call('media.annotate', { id: insp.id, caseId, matter: 'inspection', proof: '现场采伐情况', place: '永兴镇石洞村', collectors: [officerId] }, officer);
    assert.equal(d.annotated, true);
    assert.deepEqual(d.cases.map((c) => c.id), [caseId]);
    gaps = await t.call('media.caseGaps', { caseId }, reviewer);
    assert.equal(gaps.flag, null);
    assert.equal(gaps.matters[0].footage, 1);
    const footage = await t.call('media.caseFootage', { caseId }, reviewer);
    assert.deepEqual(footage.map((f) => f.id), [insp.id]);
  });

  test('declared matter without footage: flagged until the officer signs a statement', async () => {
    let gaps = await t.call('media.setCaseMatters', { caseId, matters: ['service-leaving'] }, officer);
    assert.equal(gaps.flag, '缺少音像记录');
    const e = await t.fails('media.recordNoRecordingReason', { caseId, matter: 'service-leaving', reason: '记录仪故障' }, t.admin);
    assert.equal(e.code, 'FORBIDDEN');
    gaps = await t.call('media.recordNoRecordingReason', { caseId, matter: 'service-leaving', reason: '记录仪电量耗尽，已由见证人签字' }, officer);
    const g = gaps.matters.find((m) => m.matter === 'service-leaving')!;
    assert.equal(g.status, 'explained');
    assert.equal(g.statement?.officerName, '张执法');
    assert.equal(gaps.flag, null);
    assert.equal((await t.fails('media.setCaseMatters', { caseId, matters: ['nope'] }, officer)).code, 'INVALID_INPUT');
  });

  test('bulk annotate and link; roles: reviewer views but cannot annotate, auditor cannot view', async () => {
    const rows = (await t.call('media.list', { annotated: false, pageSize: 100 }, officer)).rows;
    const ids = rows.map((r) => r.id);
    // Naming the collector (or a case) alone does not make a clip annotated: it must say what it proves.
    await t.call('media.bulkAnnotate', { ids, patch: { collectors: [officerId] } }, officer);
    assert.equal((await t.call('media.list', { annotated: false }, officer)).total, ids.length);
    const r = await t.call('media.bulkAnnotate', { ids, patch: { collectors: [officerId], proof: '巡查' } }, officer);
    assert.equal(r.updated, ids.length);
    assert.equal((await t.call('media.list', { annotated: false }, officer)).total, 0);
    // Footage becomes a case's evidence only by its handlers (or the head, an administrator).
    const outsider = await t.user('wang', ['officer'], { officerId: (await t.call('officers.create', officerInput('王旁人'))).id });
    for (const e of [
      await t.fails('media.linkToCase', { ids: ids.slice(0, 2), caseId }, outsider),
      await t.fails('media.bulkAnnotate', { ids, patch: { caseId } }, outsider),
      await t.fails('media.recordNoRecordingReason', { caseId, matter: 'inspection', reason: '设备故障' }, outsider),
    ]) {
      assert.equal(e.code, 'FORBIDDEN');
      assert.match(e.message, /不是本案承办人/);
    }
    const link = await t.call('media.linkToCase', { ids: ids.slice(0, 2), caseId }, officer);
    assert.equal(link.linked, 2);
    assert.equal((await t.fails('media.annotate', { id: ids[0], proof: 'x' }, reviewer)).code, 'FORBIDDEN');
    const auditor = await t.user('aud', ['auditor']);
    assert.equal((await t.fails('media.list', {}, auditor)).code, 'FORBIDDEN');
    assert.equal((await t.fails('media.annotate', { id: ids[0], matter: '不存在' }, officer)).code, 'INVALID_INPUT');
  });

  test('erase device: preview, confirmation count, verified deletion, audit per file', async () => {
    const p = await t.call('media.erasePreview', { folder: rec.root }, officer);
    assert.equal(p.count, rec.importable.length);
    const wrong = await t.fails('media.eraseDevice', { folder: rec.root, confirmCount: p.count - 1 }, officer);
    assert.equal(wrong.code, 'CONFLICT');
    assert.ok(p.files.every((f) => existsSync(join(rec.root, f.path))), 'nothing deleted on a wrong count');
    const r = await t.call('media.eraseDevice', { folder: rec.root, confirmCount: p.count }, officer);
    assert.equal(r.erased, p.count);
    assert.ok(existsSync(join(rec.root, rec.files.empty)), 'files never imported stay');
    assert.ok(!existsSync(join(rec.root, rec.files.plain)));
    const n = (t.app.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE operation = 'media.eraseDevice'`).get() as { n: number }).n;
    assert.equal(n, p.count);
    assert.equal((await t.call('media.erasePreview', { folder: rec.root }, officer)).count, 0);
  });

  test('retention: unlinked footage past the period can be purged by the admin; evidence never', async () => {
    const later = await makeTestApp({ now: () => new Date('2026-10-01T00:00:00Z') });
    const rec2 = makeRecorder();
    try {
      const a = later.admin;
      await later.call('media.ingest', { folder: rec2.root }, a).then((j) => ingestJobsFor(later.app).wait(j.jobId));
      await deriveQueueFor(later.app).stop();
      await deriveQueueFor(later.app).runUntilIdle();
      const o = await later.call('officers.create', officerInput('赵'));
      const o2 = await later.call('officers.create', officerInput('孙'));
      const c = await later.call('cases.create', {
        caseType: 'penalty', procedure: 'ordinary', title: '违法占用林地', openedOn: '2026-03-05', handlerIds: [o.id, o2.id], parties: [{ kind: 'person', name: '钱六' }],
      });
      const all = (await later.call('media.list', { pageSize: 100 })).rows;
      await later.call('media.linkToCase', { ids: [all[0].id], caseId: c.id });
      await later.call('media.setHold', { ids: [all[1].id], hold: true, reason: '信访调查' });
      const cand = await later.call('media.retentionCandidates', {});
      assert.equal(cand.retentionMonths, 6);
      assert.equal(cand.rows.length, all.length - 2);
      assert.ok(!cand.rows.some((r) => r.id === all[0].id || r.id === all[1].id));
      const ids = cand.rows.map((r) => r.id);
      assert.equal((await later.fails('media.purge', { ids, confirmCount: ids.length + 1 })).code, 'INVALID_INPUT');
      assert.equal((await later.fails('media.purge', { ids: [all[0].id], confirmCount: 1 })).code, 'CONFLICT');
      const officerUser = await later.user('o1', ['officer'], { officerId: o.id });
      assert.equal((await later.fails('media.purge', { ids, confirmCount: ids.length }, officerUser)).code, 'FORBIDDEN');
      const shaOf = new Map(cand.rows.map((r) => [r.id, r.sha256]));
      const res = await later.call('media.purge', { ids, confirmCount: ids.length });
      assert.equal(res.purged, ids.length);
      for (const id of ids) assert.ok(!later.app.vault.has(shaOf.get(id)!), 'vault file removed');
      assert.ok(later.app.vault.has(all[0].sha256), 'evidence kept');
      assert.ok(later.app.vault.has(all[1].sha256), 'held footage kept');
      assert.equal((await later.call('media.list', {})).total, 2);
      assert.equal((await later.call('media.list', { includePurged: true, pageSize: 100 })).total, all.length);
      const v = await later.call('media.verify', {});
      assert.equal(v.ok, true, 'purged objects are no longer expected');
      assert.deepEqual(v.unregistered, []);
      assert.equal(verifyAuditChain(later.app.db).ok, true);
    } finally {
      later.close();
      rec2.cleanup();
    }
  });

  test('settings documents: profiles and matters are validated and audited', async () => {
    const profiles = await t.call('media.profiles.get', {}, officer);
    assert.equal(profiles.length, 3);
    const bad = await t.fails('media.profiles.update', { profiles: [{ ...profiles[0], templates: ['DCAM_<nope>.mp4'] }] });
    assert.equal(bad.code, 'INVALID_INPUT');
    const saved = await t.call('media.profiles.update', { profiles: [{ ...profiles[0], extensions: ['.MP4', 'jpg'] }] });
    assert.deepEqual(saved[0].extensions, ['mp4', 'jpg']);
    const matters = await t.call('media.avMatters.get', {}, reviewer);
    assert.deepEqual(matters.filter((m) => m.requirement === 'full').map((m) => m.label), ['查封扣押', '强制拆除']);
    const s = await t.call('media.settings.update', { retentionMonths: 12 });
    assert.equal(s.retentionMonths, 12);
    assert.equal((await t.fails('media.settings.update', { retentionMonths: 3 })).code, 'INVALID_INPUT');
    assert.equal(verifyAuditChain(t.app.db).ok, true);
  });
});
